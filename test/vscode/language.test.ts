// Issue 5's scenarios for the language features, in a real VS Code: diagnostics on open,
// hover on a total, a quick fix and fix-all applied as a user applies them, the outline.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { LANGUAGE_ID, openReport, waitFor, waitForDiagnostics } from './util';

const codes = (ds: vscode.Diagnostic[], code: string) => ds.filter(d => String(typeof d.code === 'object' ? d.code.value : d.code) === code);
const ARITHMETIC = ['row-total', 'results-total', 'balance', 'review-total'];
/** executeCodeActionProvider's itemResolveCount: resolve every action listed. */
const RESOLVE_ALL = 100;
const arithmetic = (ds: vscode.Diagnostic[]) => ds.filter(d => ARITHMETIC.includes(String(typeof d.code === 'object' ? d.code.value : d.code)));

/** The line (0-based) of the first cell `\t<value>` after the line holding `label`. */
function cellLine(doc: vscode.TextDocument, label: string, value: string): number {
  const lines = doc.getText().split(/\r?\n/);
  const from = lines.findIndex(l => l.includes(label));
  const at = lines.findIndex((l, i) => i > from && l === `\t${value}`);
  assert.ok(from >= 0 && at > from, `no cell ${value} after ${label}`);
  return at;
}

async function replaceCell(doc: vscode.TextDocument, line: number, text: string) {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(line, 1, line, doc.lineAt(line).text.length), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

async function revert(doc: vscode.TextDocument, original: string) {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
  await vscode.workspace.applyEdit(edit);
  await doc.save();
}

describe('language features in VS Code', () => {
  it('seed 002: two results-total errors on the （七）总计 row, in 自然人 and 总计', async () => {
    const { document } = await openReport('002');
    assert.strictEqual(document.languageId, LANGUAGE_ID);
    const ds = await waitForDiagnostics(document.uri, d => codes(d, 'results-total').length > 0);
    const found = codes(ds, 'results-total').map(d => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity]);
    assert.deepStrictEqual(found, [[318, 0, 2, vscode.DiagnosticSeverity.Error], [324, 0, 2, vscode.DiagnosticSeverity.Error]]);
    assert.strictEqual(document.getText(codes(ds, 'results-total')[0].range), '23');
  });

  it('hover on a 总计 cell gives its formula with every addend', async () => {
    const { document } = await openReport('002');
    const hovers = await waitFor('a hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(324, 1));
      return h?.length ? h : undefined;
    });
    const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    for (const part of ['（一）', '（二）', '28', '25']) assert.ok(text.includes(part), `hover mentions ${part}:\n${text}`);
  });

  it('a broken total brings row-total; its quick fix restores the text exactly; fix-all mends several and touches nothing else', async () => {
    const { document } = await openReport('12');
    const original = document.getText();
    await waitForDiagnostics(document.uri, d => d.length === 0 || arithmetic(d).length === 0, 20_000).catch(() => undefined);
    const line = cellLine(document, '一、本年新收政府信息公开申请数量', '3119');
    await replaceCell(document, line, '3118');
    const ds = await waitForDiagnostics(document.uri, d => codes(d, 'row-total').length > 0);
    const diag = codes(ds, 'row-total')[0];
    assert.strictEqual(diag.range.start.line, line);
    // The server lists actions without their edits (codeAction/resolve fills in the one chosen):
    // the last argument has VS Code resolve the listed ones, as choosing one from the light bulb does.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diag.range, vscode.CodeActionKind.QuickFix.value, RESOLVE_ALL);
    const fix = actions.find(a => a.isPreferred && a.edit);
    assert.ok(fix, `a preferred quick fix among ${actions.map(a => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.strictEqual(document.getText(), original);
    await waitForDiagnostics(document.uri, d => arithmetic(d).length === 0);

    // Several broken totals at once, then source.fixAll.nianbao.
    await replaceCell(document, cellLine(document, '一、本年新收政府信息公开申请数量', '3119'), '3110');
    await replaceCell(document, cellLine(document, '（一）予以公开', '1362'), '1360');
    await replaceCell(document, cellLine(document, '四、结转下年度继续办理', '103'), '13');
    await waitForDiagnostics(document.uri, d => arithmetic(d).length >= 3);
    const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.nianbao', RESOLVE_ALL);
    const fixAll = all.find(a => a.kind?.value === 'source.fixAll.nianbao' && a.edit);
    assert.ok(fixAll, 'source.fixAll.nianbao is offered');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit!));
    assert.strictEqual(document.getText(), original, 'fix-all restored exactly the broken cells and nothing else');
    await waitForDiagnostics(document.uri, d => arithmetic(d).length === 0);
    await revert(document, original);
  });

  it('the outline has the six parts and the three tables; parts and tables fold', async () => {
    const { document } = await openReport('002');
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return s?.length ? s : undefined;
    });
    const all: vscode.DocumentSymbol[] = [];
    const walk = (s: vscode.DocumentSymbol[]) => s.forEach(x => { all.push(x); walk(x.children); });
    walk(symbols);
    const parts = all.filter(s => /^[一二三四五六]、/.test(s.name));
    assert.deepStrictEqual(parts.map(s => s.name[0]), ['一', '二', '三', '四', '五', '六']);
    assert.deepStrictEqual(all.filter(s => /^表[二三四]/.test(s.name)).map(s => s.name.slice(0, 2)), ['表二', '表三', '表四']);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    for (const s of [...parts, ...all.filter(x => /^表/.test(x.name))]) {
      assert.ok(folds.some(f => f.start === s.range.start.line), `a folding range starts at ${s.name}`);
    }
  });
});

describe('roll-up (汇总) in VS Code', () => {
  it('"Roll up reports…" sums two reports of one generation into a new report with no arithmetic errors', async () => {
    const a = (await openReport('01')).document.uri;
    const b = (await openReport('12')).document.uri;
    const result = await vscode.commands.executeCommand<{ ok: boolean; text?: string }>('nianbao.rollup', [a, b]);
    assert.ok(result?.ok, JSON.stringify(result));
    const doc = vscode.window.activeTextEditor!.document;
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    assert.ok(doc.getText().includes('| 四、结转下年度继续办理'), 'the new report holds table 三');
    const ds = await waitForDiagnostics(doc.uri, () => true);
    assert.deepStrictEqual(arithmetic(ds).map(d => d.message), []);
  });
  it('refuses reports of two generations', async () => {
    const a = (await openReport('000')).document.uri;
    const b = (await openReport('01')).document.uri;
    const result = await vscode.commands.executeCommand<{ ok: boolean; reason?: string }>('nianbao.rollup', [a, b]);
    assert.strictEqual(result?.ok, false);
    assert.ok(result?.reason && /2019/.test(result.reason) && /2021/.test(result.reason));
  });
});
