// The built language server (dist/server.js --stdio) driven over LSP, on seed 002 and
// mutations of it: what an editor sees — diagnostics, code actions, hovers, the outline.
import assert from 'node:assert/strict';
import {
  CodeActionRequest, DocumentSymbolRequest, ExecuteCommandRequest, FoldingRangeRequest, HoverRequest, InlayHintRequest,
  type CodeAction, type Diagnostic, type DocumentSymbol, type MarkupContent, type Range, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import {
  COMMANDS, DETECT_REQUEST, IMPORT_FORMATS_REQUEST, RENDER_TABLE_REQUEST, SETTINGS_REQUEST, SUMMARY_REQUEST, TABLE_CHOICES_REQUEST,
  type RenderTableResult, type SummaryResult,
} from '../../server/src/lsp/protocol';
import { TABLE_IDS, TEMPLATES, tableDecl } from '../../server/src/engine';
import { readSample } from '../helpers';
import { Client, sampleUri } from './lsp-client';

const SEED = '002';
const uri = sampleUri(SEED);
const at = (line: number, character: number, end = character + 2): Range => ({ start: { line, character }, end: { line, character: end } });
const text = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const codes = (ds: Diagnostic[], code: string) => ds.filter(d => d.code === code);
const IDENTITY_CODES = ['row-total', 'results-total', 'balance', 'review-total'];
const arithmetic = (ds: Diagnostic[]) => ds.filter(d => IDENTITY_CODES.includes(String(d.code)));

// Seed 002, table 三 (lines zero-based): row 一 has 自然人 20 at 125 and 总计 25 at 131;
// （七）总计 has 自然人 23 at 318 and 总计 28 at 324; row 四 has 自然人 0 at 327; table 四's
// 行政复议·总计 1 at 361.
describe('language server (en)', () => {
  let client: Client;
  before(async () => { client = await Client.start({ locale: 'en', debounceMs: 20 }); });
  after(async () => { assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown'); });

  it('announces incremental sync, the fix-all kind and its commands', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    const actionKinds = typeof caps.codeActionProvider === 'object' ? caps.codeActionProvider.codeActionKinds : [];
    assert.ok(actionKinds?.includes('source.fixAll.nianbao'));
    assert.ok(actionKinds?.includes('quickfix'));
    assert.deepEqual(caps.executeCommandProvider?.commands.sort(), Object.values(COMMANDS).sort());
  });

  it('publishes the two results-total errors of seed 002 on its （七）总计 row, with code, link and the data its fixes need', async () => {
    await client.openSample(SEED);
    const { diagnostics, version } = await client.diagnosticsFor(uri, 1);
    assert.equal(version, 1);
    const found = codes(diagnostics, 'results-total');
    assert.deepEqual(found.map(d => d.range), [at(318, 0), at(324, 0)]);
    assert.deepEqual(arithmetic(diagnostics), found, 'no other arithmetic finding: the row identities and 一 + 二 = （七） + 四 hold');
    for (const d of found) {
      assert.equal(d.severity, 1);
      assert.equal(d.source, 'nianbao');
      assert.equal(d.codeDescription?.href, 'https://github.com/nianbao/nianbao/blob/main/docs/rules.md#results-total');
      // The version and the finding's place in its check: the fixes are computed only when asked for.
      const data = d.data as { version: number; index: number; fixes?: unknown };
      assert.equal(data.version, 1);
      assert.equal(typeof data.index, 'number');
      assert.equal(data.fixes, undefined);
    }
    assert.match(text(found[0]), /written 23.*gives 20.*difference 3/);
  });

  it('a total another identity confirms links to the addends of the failing one (relatedInformation)', async () => {
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const [natural] = codes(diagnostics, 'results-total');
    assert.match(text(natural), /satisfies .*一 \+ 二 = （七）总计 \+ 四 in column 「自然人」/);
    const related = natural.relatedInformation ?? [];
    assert.equal(related.length, 19, '（一）, （二）, （三）1–8, （四）1–3, （五）1–5, （六）');
    const lines = client.text(uri).split('\n');
    for (const r of related) {
      assert.equal(r.location.uri, uri);
      assert.ok(r.location.range.start.line > 110 && r.location.range.start.line < 318, JSON.stringify(r));
      const written = lines[r.location.range.start.line].slice(r.location.range.start.character, r.location.range.end.character);
      assert.match(r.message, new RegExp(`^addend row 「[^」]+」, column 「自然人」: ${written}$`));
    }
    assert.ok(related.some(r => /（一）予以公开」, column 「自然人」: 11$/.test(r.message)));
  });

  it('sends a status notification after the check', async () => {
    const status = await client.waitFor(() => client.statuses.find(s => s.uri === uri), 'status');
    assert.deepEqual(status.reports, [{ template: '2019', year: 2020, balanceErrors: 2, errors: status.reports[0].errors, warnings: status.reports[0].warnings }]);
    assert.ok(status.reports[0].errors >= 2);
  });

  it('hover on the （七）总计 × 自然人 cell lists every addend with its value and the difference', async () => {
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 318, character: 1 } });
    const md = (h?.contents as MarkupContent).value;
    assert.equal((h?.contents as MarkupContent).kind, 'markdown');
    assert.match(md, /（一）予以公开 \| 11 \|/);
    assert.match(md, /（二）部分公开[^|]*\| 4 \|/);
    assert.match(md, /（四）1\.本机关不掌握相关政府信息 \| 3 \|/);
    assert.match(md, /（六）其他处理 \| 2 \|/);
    assert.match(md, /differs by 3/);
  });

  it('outline: six parts holding the three tables; parts and tables fold', async () => {
    const symbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const all: DocumentSymbol[] = [];
    const walk = (s: DocumentSymbol) => { all.push(s); s.children?.forEach(walk); };
    symbols.forEach(walk);
    const parts = all.filter(s => /^[一二三四五六]、/.test(s.name));
    assert.deepEqual(parts.map(p => p.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
    assert.deepEqual(parts.map(p => p.children?.map(c => c.name) ?? []), [[], ['表二（2019）'], ['表三（2019）'], ['表四（2019）'], [], []]);
    const folds = await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok(folds?.some(f => f.startLine === 110 && f.endLine >= 330), 'part 三 folds');
    assert.ok(folds?.some(f => f.startLine === 111), 'table 三 folds');
  });

  it('inlay hints name the column of each one-cell-per-line number', async () => {
    const hints = await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 124, character: 0 }, end: { line: 132, character: 0 } } });
    assert.deepEqual(hints?.map(h => [h.position.line, h.label]), [
      [125, '自然人:'], [126, '商业企业:'], [127, '科研机构:'], [128, '社会公益组织:'], [129, '法律服务机构:'], [130, '其他:'], [131, '总计:'],
    ]);
  });

  it('a digit changed in a cell brings the row-total and balance findings; the quick fix clears the row-total one', async () => {
    // 一、本年新收 自然人 20 → 21: the row's 总计 (25) and 一 + 二 = （七） + 四 in 自然人 break.
    const v = await client.change(uri, [{ range: at(125, 1, 2), text: '1' }]);
    const { diagnostics } = await client.diagnosticsFor(uri, v);
    const rowTotal = codes(diagnostics, 'row-total');
    assert.deepEqual(rowTotal.map(d => d.range), [at(131, 0)]);
    assert.deepEqual(codes(diagnostics, 'balance').map(d => d.range), [at(327, 0, 1)]);
    assert.equal(codes(diagnostics, 'results-total').length, 2);

    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: rowTotal[0].range, context: { diagnostics: rowTotal, only: ['quickfix'] },
    })) as CodeAction[];
    assert.ok(actions.length >= 1 && actions.every(a => a.kind === 'quickfix'));
    const fix = actions[0];
    assert.match(fix.title, /Set row 「一、本年新收政府信息公开申请数量」, column 「总计」 to 26/);
    assert.deepEqual(fix.diagnostics?.map(d => d.code), ['row-total']);
    const after = await client.applyWorkspaceEdit(uri, await client.editOf(fix));
    assert.equal(client.text(uri).split('\n')[131], '26 |');
    const next = await client.diagnosticsFor(uri, after);
    assert.equal(codes(next.diagnostics, 'row-total').length, 0, 'the row adds up again');
  });

  it('a mistyped total gets a preferred fix that restores the report exactly', async () => {
    const original = readSample(SEED);
    let v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 99999, character: 0 } }, text: original }]);
    await client.diagnosticsFor(uri, v);
    v = await client.change(uri, [{ range: at(131, 0), text: '26' }]);
    const { diagnostics } = await client.diagnosticsFor(uri, v);
    const rowTotal = codes(diagnostics, 'row-total');
    assert.equal(rowTotal.length, 1);
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: rowTotal[0].range, context: { diagnostics: rowTotal },
    })) as CodeAction[];
    const preferred = actions.filter(a => a.isPreferred);
    assert.equal(preferred.length, 1);
    v = await client.applyWorkspaceEdit(uri, await client.editOf(preferred[0]));
    assert.equal(client.text(uri), original);
    const next = await client.diagnosticsFor(uri, v);
    assert.deepEqual(arithmetic(next.diagnostics).map(d => d.range), [at(318, 0), at(324, 0)]);
  });

  it('source.fixAll.nianbao repairs several broken totals at once', async () => {
    const original = client.text(uri);
    let v = await client.change(uri, [
      { range: at(361, 0, 1), text: '2' }, // 表四 行政复议·总计 1 → 2
      { range: at(150, 0), text: '15' }, // （一）予以公开 总计 14 → 15
      { range: at(131, 0), text: '27' }, // 一 总计 25 → 27
    ]);
    const { diagnostics } = await client.diagnosticsFor(uri, v);
    assert.ok(codes(diagnostics, 'row-total').length >= 2 && codes(diagnostics, 'review-total').length === 1);
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: at(0, 0, 0), context: { diagnostics: [], only: ['source.fixAll.nianbao'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.nianbao');
    v = await client.applyWorkspaceEdit(uri, await client.editOf(actions[0]));
    assert.equal(client.text(uri), original);
    const next = await client.diagnosticsFor(uri, v);
    assert.deepEqual(arithmetic(next.diagnostics).map(d => String(d.code)), ['results-total', 'results-total']);
  });

  it('quick fixes from diagnostics of an older version are not offered', async () => {
    const { diagnostics, version } = await client.diagnosticsFor(uri, client.texts.get(uri)!.version);
    const stale = codes(diagnostics, 'results-total');
    await client.change(uri, [{ range: at(0, 0, 0), text: '' }]);
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: stale[0].range, context: { diagnostics: stale, only: ['quickfix'] },
    })) as CodeAction[];
    assert.equal((stale[0].data as { version: number }).version, version);
    assert.deepEqual(actions, []);
  });

  it('recomputeAll asks the client to apply the recomputed totals', async () => {
    let v = await client.change(uri, [{ range: at(131, 0), text: '30' }]);
    await client.diagnosticsFor(uri, v);
    const before = client.applied.length;
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.recomputeAll, arguments: [uri] });
    const applied = await client.waitFor(() => client.applied[before], 'workspace/applyEdit');
    const edits = applied.edit.documentChanges?.flatMap(d => ('edits' in d ? d.edits : [])) ?? [];
    assert.deepEqual(edits.map(e => [e.range.start.line, (e as TextEdit).newText]), [[131, '25']]);
    v = await client.applyWorkspaceEdit(uri, applied.edit);
    assert.equal(codes((await client.diagnosticsFor(uri, v)).diagnostics, 'row-total').length, 0);
  });

  it('the summary request counts the findings by code', async () => {
    const summary = (await client.conn.sendRequest(SUMMARY_REQUEST, { uri })) as SummaryResult;
    assert.equal(summary.counts['results-total'], 2);
    assert.match(summary.markdown, /2019 template · year 2020/);
    assert.match(summary.markdown, /results-total\*\* \(line 319\)/);
  });

  it('renders a standard table as a snippet in the encoding the document uses', async () => {
    const r = (await client.conn.sendRequest(RENDER_TABLE_REQUEST, { uri, generation: 'auto', table: 'applications' })) as RenderTableResult;
    const lines = r.snippet.split('\n');
    assert.ok(lines.includes('（七）总计 |'), 'pipe-cells, like seed 002: one cell a line, each ending in " |"');
    assert.ok(lines.includes('（六）其他处理 |'), 'the 2019 table, like seed 002');
    assert.ok(r.snippet.includes('${1:0}'));
  });

  it('offers the tables to insert, the document\'s generation first, named from the template declarations', async () => {
    const choices = await client.conn.sendRequest(TABLE_CHOICES_REQUEST, { uri });
    assert.deepEqual(choices.groups.map(g => g.generation), ['2019', '2021'], 'seed 002 is a 2019 report');
    for (const g of choices.groups) {
      assert.deepEqual(g.tables.map(t => t.table), [...TABLE_IDS]);
      for (const t of g.tables) assert.ok(t.label.startsWith(tableDecl(g.generation, t.table).name), t.label);
      assert.equal(g.tables[0].description, TEMPLATES[g.generation].prescribedBy);
      assert.equal(g.title, `${g.generation} template`);
    }
  });

  it('says whether a text is a report, and which files it imports', async () => {
    assert.equal(await client.conn.sendRequest(DETECT_REQUEST, { text: readSample(SEED) }), true);
    assert.equal(await client.conn.sendRequest(DETECT_REQUEST, { text: '周五例会：\n一、本周工作\n1. 催办2023年政府信息公开工作年度报告。\n二、下周安排\n' }), false);
    assert.equal(await client.conn.sendRequest(DETECT_REQUEST.method, { text: 42 }), false);
    const { extensions } = await client.conn.sendRequest(IMPORT_FORMATS_REQUEST);
    assert.ok(extensions.includes('.pdf') && extensions.includes('.docx') && !extensions.includes('.txt'), extensions.join(' '));
  });

  it('convertToMarkdown rewrites the table at the cursor, and the report still checks the same', async () => {
    const before = client.applied.length;
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.convertToMarkdown, arguments: [uri, { line: 200, character: 0 }] });
    const applied = await client.waitFor(() => client.applied[before], 'workspace/applyEdit');
    const v = await client.applyWorkspaceEdit(uri, applied.edit);
    assert.match(client.text(uri), /\| 一、本年新收政府信息公开申请数量 +\| +20 \| +5 \|/);
    const { diagnostics } = await client.diagnosticsFor(uri, v);
    const found = codes(diagnostics, 'results-total');
    assert.equal(found.length, 2);
    assert.equal(found[0].range.start.line, found[1].range.start.line, 'both on the one Markdown row of （七）总计');
  });

  it('bad requests are answered with null or nothing, and the server lives on', async () => {
    const unknown = 'file:///nowhere/none.txt';
    assert.equal(await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: unknown }, position: { line: 3, character: 0 } }), null);
    assert.equal(await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 99999, character: 99999 } }), null);
    assert.equal(await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: -5, character: -1 } }), null);
    assert.deepEqual(await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: unknown } }), []);
    assert.deepEqual(await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: unknown }, range: at(0, 0), context: { diagnostics: [] } }), []);
    assert.equal(await client.conn.sendRequest(SUMMARY_REQUEST, { uri: unknown }), null);
    assert.equal(await client.conn.sendRequest(SUMMARY_REQUEST.method, null), null);
    assert.equal(await client.conn.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.convertToMarkdown, arguments: [uri, 'nonsense'] }), null);
    // A change for a document never opened, and one whose range lies far outside the text.
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: unknown, version: 2 }, contentChanges: [{ text: 'x' }] });
    const v = await client.change(uri, [{ range: { start: { line: 5000, character: 3 }, end: { line: 4000, character: 0 } }, text: '\n' }]);
    await client.diagnosticsFor(uri, v);
    const symbols = await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(symbols && symbols.length === 1);
    assert.equal(client.exitCode, null);
  });
});

// The debounce is what keeps an intermediate version from being published: with the 20 ms of
// the suite above, a loaded machine can deliver the second change later than that, so this
// runs on a server of its own whose debounce no scheduling delay reaches.
describe('language server (debounce)', () => {
  let client: Client;
  before(async () => { client = await Client.start({ locale: 'en', debounceMs: 1000 }); });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('two quick changes: only the last version is published, and it matches the final text', async () => {
    await client.openSample(SEED);
    await client.diagnosticsFor(uri, 1);
    const before = client.published.length;
    const v1 = await client.change(uri, [{ range: at(131, 0), text: '29' }]);
    const v2 = await client.change(uri, [{ range: at(131, 0), text: '25' }]);
    assert.equal(v2, v1 + 1);
    const last = await client.diagnosticsFor(uri, v2);
    await new Promise(r => setTimeout(r, 100));
    const mine = client.published.slice(before).filter(p => p.uri === uri);
    assert.deepEqual(mine.map(p => p.version), [v2], 'the intermediate version is never published');
    assert.equal(codes(last.diagnostics, 'row-total').length, 0);
    assert.equal(codes(last.diagnostics, 'results-total').length, 2, 'the final text is seed 002 as it was');
  });
});

describe('language server (zh-cn, settings)', () => {
  let client: Client;
  before(async () => {
    client = await Client.start({ locale: 'zh-cn', debounceMs: 20, settings: { severity: { 'results-total': 'sometimes' }, template: '2022' } });
  });
  after(async () => { assert.equal(await client.stop(), 0); });

  it('warns about each invalid setting by name and checks with the defaults', async () => {
    const warning = await client.waitFor(() => client.messages.find(m => m.type === 2), 'a settings warning');
    assert.match(warning.message, /nianbao\.severity\.results-total/);
    assert.match(warning.message, /nianbao\.template/);
    await client.openSample(SEED);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const found = codes(diagnostics, 'results-total');
    assert.equal(found.length, 2, 'the invalid severity fell back to the default');
    assert.match(text(found[0]), /填写为 23.*应为 20.*相差 3/);
  });

  it('answers the settings request with the settings it uses and the problems it reported', async () => {
    const { settings, problems } = await client.conn.sendRequest(SETTINGS_REQUEST);
    assert.equal(settings.template, 'auto');
    assert.deepEqual(settings.severity, {});
    assert.ok(problems.some(p => p.startsWith('nianbao.template')) && problems.some(p => p.startsWith('nianbao.severity.results-total')), problems.join('; '));
    assert.equal(client.messages.filter(m => m.type === 2).length, 1, 'reported to the user once');
  });

  it('hover speaks the UI language', async () => {
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 324, character: 0 } });
    const md = (h?.contents as MarkupContent).value;
    assert.match(md, /「（七）总计」行「总计」列/);
    assert.match(md, /相差 3/);
  });

  it('a changed setting is pulled again and the open documents re-checked', async () => {
    const before = client.published.length;
    await client.configure({ severity: { 'results-total': 'off' }, inlayHints: { enabled: false } });
    const next = await client.waitFor(() => client.published.slice(before).find(p => p.uri === uri), 're-published diagnostics');
    assert.equal(codes(next.diagnostics, 'results-total').length, 0);
    const hints = await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } } });
    assert.deepEqual(hints, []);
  });
});
