// The client in a real VS Code: the contributed snippets and the insert-table command give
// tables with no arithmetic or structure diagnostics (issue 5, scenario 4); settings act
// live and a bad value is reported, not fatal (6); a plain-text report is detected (7);
// the contributed commands do what they say (8). Every wait is on an event or a state,
// with a deadline.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ReportDocument, TEMPLATES, TABLE_IDS, applyEdits, check, fixAll, tableDecl, type Generation, type TableId } from '../../server/src/engine';
import type { NianbaoApi } from '../../client/src/core';
import { activeExtension, LANGUAGE_ID, openReport, readText, reportUri, waitFor, waitForDiagnostics } from './util';

const ARITHMETIC = ['row-total', 'results-total', 'balance', 'review-total'];
/** What a freshly inserted standard table must not provoke. */
const TABLE_PROBLEMS = [...ARITHMETIC, 'missing-table', 'missing-row', 'missing-row-label', 'row-label', 'cell-count', 'not-a-number', 'negative-count'];

/** A report's skeleton must not provoke these either. */
const PART_PROBLEMS = ['missing-part', 'part-numbering', 'part-order', 'duplicate-part', 'part-heading'];

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' && d.code ? d.code.value : d.code ?? '');
const codes = (ds: readonly vscode.Diagnostic[]) => ds.map(codeOf);
const has = (code: string) => (ds: vscode.Diagnostic[]) => codes(ds).includes(code);
const hasNo = (...list: string[]) => (ds: vscode.Diagnostic[]) => !codes(ds).some(c => list.includes(c));
const describeDiagnostics = (ds: readonly vscode.Diagnostic[]) => ds.map(d => `${d.range.start.line + 1}: ${codeOf(d)} ${d.message}`).join('\n');

let api: NianbaoApi;
const config = () => vscode.workspace.getConfiguration('nianbao');

/** The document as the window holds it now (setTextDocumentLanguage replaces the object). */
const current = (uri: vscode.Uri) => vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());

/** Waits until the server has checked `uri` at least once since `since` (a status object or undefined). */
function checkedAfter(uri: vscode.Uri, since: unknown, what: string) {
  return waitFor(`a check of ${what}`, () => { const s = api.status(uri); return s !== since && s; });
}

/** `uri`'s diagnostics once they are the engine's findings on `text` (default settings). */
function diagnosticsFor(uri: vscode.Uri, text: string) {
  const key = (list: { code: string; line: number }[]) => list.map(f => `${f.line}:${f.code}`).sort().join(' ');
  const expected = key(check(new ReportDocument(text), { locale: 'en' }).map(f => ({ code: f.code, line: f.range.start.line })));
  return waitForDiagnostics(uri, ds => key(ds.map(d => ({ code: codeOf(d), line: d.range.start.line }))) === expected);
}

/** Shows the document and reverts its unsaved changes, so later tests see the file as it is on disk. */
async function revert(uri: vscode.Uri) {
  const doc = current(uri);
  if (!doc?.isDirty) return;
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(`${uri.path} reverted`, () => !current(uri)?.isDirty);
}

async function replaceText(doc: vscode.TextDocument, range: vscode.Range, text: string) {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
}

/** Offset of an LSP-style position in `text` (lines end in \n or \r\n). */
function offsetOf(text: string, p: { line: number; character: number }): number {
  let at = 0;
  for (let line = 0; line < p.line; line++) at = text.indexOf('\n', at) + 1;
  return at + p.character;
}

const toRange = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** A report with the title and six part headings of `gen` and no tables: each of 二, 三, 四 lacks its table. */
function skeleton(gen: Generation): string {
  const year = gen === '2021' ? 2022 : 2020;
  const lines = [`某县人民政府${year}年政府信息公开工作年度报告`, ''];
  for (const p of TEMPLATES[gen].parts) lines.push(`${p.numeral}、${p.heading}`, '', `本部分内容（${p.number}）。`, '');
  return lines.join('\n');
}

let untitledCount = 0;
/**
 * An editor on a new untitled nianbao document, once the server has checked it. Each has a
 * name of its own: VS Code gives a closed untitled document's name (Untitled-1) to the next,
 * whose check could then be taken for the closed one's (seen under load).
 */
async function untitledReport(content: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/草稿-${++untitledCount}.nianbao` });
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  assert.strictEqual(editor.document.languageId, LANGUAGE_ID);
  if (content) assert.ok(await editor.edit(b => b.insert(new vscode.Position(0, 0), content)), 'the content was inserted');
  await checkedAfter(uri, undefined, 'the untitled report');
  return editor;
}

/** Puts the cursor on the empty line after the heading of the part that holds `table`. */
async function cursorUnderPart(editor: vscode.TextEditor, gen: Generation, table: TableId): Promise<vscode.Position> {
  const part = TEMPLATES[gen].parts[TEMPLATES[gen].tables.find(t => t.id === table)!.part - 1];
  const heading = `${part.numeral}、${part.heading}`;
  const line = editor.document.getText().split('\n').findIndex(l => l === heading);
  assert.ok(line >= 0, `heading ${heading} in the skeleton`);
  await vscode.window.showTextDocument(editor.document);
  const at = new vscode.Position(line + 1, 0);
  editor.selection = new vscode.Selection(at, at);
  return at;
}

/** Closes the active editor without saving (untitled scratch documents). */
const discardActive = () => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

/** The contributed snippets: { name: body text }. */
async function contributedSnippets(): Promise<{ name: string; body: string }[]> {
  const ext = vscode.extensions.getExtension('nianbao.nianbao')!;
  const entries = (ext.packageJSON.contributes?.snippets ?? []) as { language: string; path: string }[];
  assert.ok(entries.some(s => s.language === LANGUAGE_ID), 'package.json contributes nianbao snippets');
  const out: { name: string; body: string }[] = [];
  for (const s of entries) {
    const text = await readText(vscode.Uri.joinPath(ext.extensionUri, s.path));
    // .code-snippets files are JSON with comments
    const json = JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));
    for (const [name, snip] of Object.entries(json as Record<string, { body: string | string[] }>)) {
      out.push({ name, body: Array.isArray(snip.body) ? snip.body.join('\n') : snip.body });
    }
  }
  return out;
}

/** A snippet body with every tab stop at its default, as insertSnippet leaves it. */
const withDefaults = (body: string) =>
  body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '');

/** The standard tables a snippet body holds, as the engine reads them. */
function tablesOfSnippet(body: string): { gen: Generation; table: TableId }[] {
  return new ReportDocument(withDefaults(body)).model.reports.flatMap(r =>
    (Object.keys(r.tables) as TableId[]).map(table => ({ gen: r.tables[table]!.generation, table })));
}

describe('client', function () {
  this.timeout(120_000);

  before(async () => {
    await openReport('003');
    api = (await activeExtension()).exports as NianbaoApi;
    assert.ok(api && typeof api.status === 'function', 'activate() returns the client API');
    await api.ready;
  });

  afterEach(async () => {
    for (const key of ['severity', 'template', 'detect']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await waitFor('settings back to their defaults', async () => {
      const { settings, problems } = await api.settings();
      return problems.length === 0 && settings.template === 'auto' && settings.detect === 'ask' && Object.keys(settings.severity).length === 0;
    });
  });

  describe('scenario 4: standard tables', () => {
    it('each table snippet, inserted with editor.insertSnippet under its part, is a table with no arithmetic or structure diagnostics', async () => {
      const snippets = (await contributedSnippets())
        .map(s => ({ ...s, tables: tablesOfSnippet(s.body) }))
        .filter(s => s.tables.length === 1);
      // Every standard table of both generations has a snippet (table 四 is the same in both).
      const same = (t: TableId) => JSON.stringify(tableDecl('2019', t)) === JSON.stringify(tableDecl('2021', t));
      for (const gen of ['2019', '2021'] as Generation[]) {
        for (const table of TABLE_IDS) {
          assert.ok(snippets.some(s => s.tables[0].table === table && (s.tables[0].gen === gen || same(table))),
            `a snippet for the ${gen} ${table} table among ${snippets.map(s => s.name).join(', ')}`);
        }
      }
      for (const s of snippets) {
        const { gen, table } = s.tables[0];
        const editor = await untitledReport(skeleton(gen));
        const uri = editor.document.uri;
        const missing = (n: number) => (ds: vscode.Diagnostic[]) => codes(ds).filter(c => c === 'missing-table').length === n;
        await waitForDiagnostics(uri, missing(3));
        const at = await cursorUnderPart(editor, gen, table);
        assert.ok(await editor.insertSnippet(new vscode.SnippetString(s.body), at), `snippet ${s.name} inserted`);
        await vscode.commands.executeCommand('leaveSnippet');
        const after = await waitForDiagnostics(uri, missing(2));
        const problems = after.filter(d => TABLE_PROBLEMS.includes(codeOf(d)) && codeOf(d) !== 'missing-table');
        assert.deepStrictEqual(problems, [], `${s.name}:\n${describeDiagnostics(after)}`);
        const model = new ReportDocument(editor.document.getText()).model.reports[0];
        assert.deepStrictEqual(Object.keys(model.tables), [table], s.name);
        await discardActive();
      }
    });

    it('a whole-report snippet, with the other snippets after it, gives no structure or arithmetic diagnostics', async () => {
      const snippets = await contributedSnippets();
      const whole = snippets.filter(s => tablesOfSnippet(s.body).length === TABLE_IDS.length);
      const rest = snippets.filter(s => tablesOfSnippet(s.body).length === 0);
      assert.ok(whole.length >= 1, 'a snippet holds a whole report');
      for (const report of whole) {
        const editor = await untitledReport('');
        const uri = editor.document.uri;
        const before = api.status(uri);
        assert.ok(await editor.insertSnippet(new vscode.SnippetString(report.body), new vscode.Position(0, 0)), report.name);
        await vscode.commands.executeCommand('leaveSnippet');
        for (const other of rest) {
          const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
          assert.ok(await editor.insertSnippet(new vscode.SnippetString(`\n${other.body}\n`), end), other.name);
          await vscode.commands.executeCommand('leaveSnippet');
        }
        const text = editor.document.getText();
        const model = new ReportDocument(text).model.reports[0];
        assert.deepStrictEqual(Object.keys(model.tables).sort(), [...TABLE_IDS].sort(), report.name);
        // several edits: wait for the check of the last text, not of one in between
        const after = await diagnosticsFor(uri, text);
        const status = await waitFor('the status of the report', () => { const st = api.status(uri); return st !== before && st?.reports.length === 1 && st; });
        const problems = after.filter(d => [...TABLE_PROBLEMS, ...PART_PROBLEMS].includes(codeOf(d)));
        assert.deepStrictEqual(problems, [], `${report.name} + ${rest.map(r => r.name).join(', ')}:\n${describeDiagnostics(after)}`);
        assert.strictEqual(status.reports[0].balanceErrors, 0);
        await discardActive();
      }
    });

    it('"insert a standard table" inserts each table of the generation asked for, with no arithmetic or structure diagnostics', async () => {
      for (const gen of ['2019', '2021'] as Generation[]) {
        const editor = await untitledReport(skeleton(gen));
        const uri = editor.document.uri;
        await waitForDiagnostics(uri, ds => codes(ds).filter(c => c === 'missing-table').length === 3);
        for (const table of TABLE_IDS) {
          await cursorUnderPart(editor, gen, table);
          const inserted = await vscode.commands.executeCommand<{ table: string; generation: string; snippet: string }>('nianbao.insertTable', table, gen);
          assert.ok(inserted, `${gen} ${table} inserted`);
          assert.deepStrictEqual([inserted.table, inserted.generation], [table, gen]);
          await vscode.commands.executeCommand('leaveSnippet');
        }
        const after = await waitForDiagnostics(uri, hasNo('missing-table'));
        assert.deepStrictEqual(after.filter(d => TABLE_PROBLEMS.includes(codeOf(d))), [], describeDiagnostics(after));
        const model = new ReportDocument(editor.document.getText()).model.reports[0];
        assert.ok(TABLE_IDS.every(t => model.tables[t]?.generation === gen), `all three ${gen} tables are there`);
        await discardActive();
      }
    });
  });

  describe('scenario 6: settings act live', () => {
    it('nianbao.severity { "blank-cell": "off" } removes the blank-cell diagnostic, and it comes back', async () => {
      const uri = reportUri('003');
      await openReport('003');
      await waitForDiagnostics(uri, has('blank-cell'));
      await config().update('severity', { 'blank-cell': 'off' }, vscode.ConfigurationTarget.Global);
      const off = await waitForDiagnostics(uri, hasNo('blank-cell'), 20_000);
      assert.ok(!codes(off).includes('blank-cell'));
      await config().update('severity', undefined, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, has('blank-cell'));
    });

    it('nianbao.template overrides the generation a report is checked against', async () => {
      const seed = '12';
      const uri = reportUri(seed);
      const text = (await openReport(seed)).document.getText();
      // What the engine says under each setting: the override must make a difference here.
      const auto = new Set(check(new ReportDocument(text), { locale: 'en' }).map(f => f.code));
      const forced = check(new ReportDocument(text), { locale: 'en', template: '2019' }).map(f => f.code).filter(c => !auto.has(c));
      assert.ok(forced.length > 0, 'checking a 2021 report against 2019 finds something new');
      await checkedAfter(uri, undefined, seed);
      assert.ok(!codes(vscode.languages.getDiagnostics(uri)).some(c => forced.includes(c)));

      await config().update('template', '2019', vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, ds => forced.every(c => codes(ds).includes(c)));
      assert.strictEqual(api.status(uri)?.reports[0]?.template, '2021', 'the report itself is still a 2021 one');
      await config().update('template', undefined, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, hasNo(...forced));
    });

    it('an invalid value is reported in words and checking goes on with the default', async () => {
      const uri = reportUri('003');
      const editor = await openReport('003');
      await config().update('template', '2020', vscode.ConfigurationTarget.Global);
      const problems = await waitFor('the server to report the bad value', async () => { const r = await api.settings(); return r.problems.length > 0 && r.problems; });
      assert.ok(problems.some(p => p.startsWith('nianbao.template')), problems.join('; '));
      assert.strictEqual((await api.settings()).settings.template, 'auto');
      // The server keeps checking: a broken total is still found.
      const cell = new ReportDocument(editor.document.getText()).model.reports[0].tables.applications!.rows['new'].cells['total'];
      assert.strictEqual(cell.kind, 'number');
      try {
        await replaceText(editor.document, toRange(cell.range), String((cell.value ?? 0) + 5));
        await waitForDiagnostics(uri, has('row-total'));
        assert.ok(vscode.extensions.getExtension('nianbao.nianbao')!.isActive);
      } finally {
        await revert(uri);
      }
    });
  });

  describe('scenario 7: detection', () => {
    it('with nianbao.detect "always", a plain-text document holding a report becomes a nianbao document; a note does not', async () => {
      await config().update('detect', 'always', vscode.ConfigurationTarget.Global);
      await waitFor('detect = always', async () => (await api.settings()).settings.detect === 'always');
      const note = await vscode.workspace.openTextDocument({
        language: 'plaintext',
        content: '周五例会：\n一、本周工作\n1. 催办2023年政府信息公开工作年度报告。\n二、下周安排\n核对年度报告数据。\n',
      });
      const reportText = await readText(reportUri('002'));
      const report = await vscode.workspace.openTextDocument({ language: 'plaintext', content: reportText });
      await waitFor('the report to switch to nianbao', () => current(report.uri)?.languageId === LANGUAGE_ID);
      // The note was opened (and considered) first: it stays plain text.
      assert.strictEqual(current(note.uri)?.languageId, 'plaintext');
      assert.strictEqual(await api.detect(note), false);
      // Once switched, the server checks it: 002 has two results-total errors.
      await waitForDiagnostics(report.uri, has('results-total'));
      for (const d of [note, current(report.uri)!]) {
        await vscode.window.showTextDocument(d);
        await discardActive();
      }
    });

    it('a report a person switched back to plain text stays plain text', async () => {
      await config().update('detect', 'always', vscode.ConfigurationTarget.Global);
      await waitFor('detect = always', async () => (await api.settings()).settings.detect === 'always');
      const { document } = await openReport('004');
      assert.strictEqual(document.languageId, LANGUAGE_ID);
      const plain = await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
      // A report opened after it is switched: by then 004 has been considered too.
      const marker = await vscode.workspace.openTextDocument({ language: 'plaintext', content: document.getText() });
      try {
        await waitFor('the later report to switch', () => current(marker.uri)?.languageId === LANGUAGE_ID);
        assert.strictEqual(current(plain.uri)?.languageId, 'plaintext');
        assert.strictEqual(await api.detect(plain), false);
      } finally {
        await vscode.languages.setTextDocumentLanguage(current(plain.uri)!, LANGUAGE_ID);
        await vscode.window.showTextDocument(current(marker.uri)!);
        await discardActive();
      }
    });

    it('with nianbao.detect "never", nothing is switched', async () => {
      await config().update('detect', 'never', vscode.ConfigurationTarget.Global);
      await waitFor('detect = never', async () => (await api.settings()).settings.detect === 'never');
      const reportText = await readText(reportUri('002'));
      const report = await vscode.workspace.openTextDocument({ language: 'plaintext', content: reportText });
      assert.ok(await api.looksLikeReport(reportText));
      assert.strictEqual(await api.detect(report), false);
      assert.strictEqual(current(report.uri)?.languageId, 'plaintext');
      await vscode.window.showTextDocument(report);
      await discardActive();
    });
  });

  describe('scenario 8: commands', () => {
    it('"recompute every total" restores a broken total and clears its diagnostics', async () => {
      const seed = '12';
      const uri = reportUri(seed);
      const editor = await openReport(seed);
      const original = editor.document.getText();
      await checkedAfter(uri, undefined, seed);
      assert.deepStrictEqual(codes(vscode.languages.getDiagnostics(uri)).filter(c => ARITHMETIC.includes(c)), [], 'sample 12 adds up');
      const table = new ReportDocument(original).model.reports[0].tables.applications!;
      const cell = table.rows['results_total'].cells['natural_person'];
      assert.strictEqual(cell.kind, 'number');
      try {
        await replaceText(editor.document, toRange(cell.range), String((cell.value ?? 0) + 3));
        await waitForDiagnostics(uri, has('results-total'));
        await vscode.commands.executeCommand('nianbao.recomputeAll', uri);
        await waitFor('the total to be recomputed', () => current(uri)?.getText() === original);
        await waitForDiagnostics(uri, hasNo(...ARITHMETIC));
      } finally {
        await revert(uri);
      }
    });

    it('"show the check summary" returns the counts of the findings, the same as the diagnostics', async () => {
      const uri = reportUri('003');
      await openReport('003');
      const diagnostics = await waitForDiagnostics(uri, has('blank-cell'));
      const summary = await vscode.commands.executeCommand<{ markdown: string; counts: Record<string, number> }>('nianbao.showSummary', uri);
      assert.ok(summary, 'the command returns the summary');
      const expected: Record<string, number> = {};
      for (const c of codes(diagnostics)) expected[c] = (expected[c] ?? 0) + 1;
      assert.deepStrictEqual(summary.counts, expected);
      assert.ok(summary.markdown.includes('blank-cell'), summary.markdown);
      // and shows it: a tab named after the report, other than the report's own editor
      const base = uri.path.split('/').pop()!.replace(/\.[^.]*$/, '');
      await waitFor('the summary tab', () => vscode.window.tabGroups.all.flatMap(g => g.tabs).some(t =>
        t.label.includes(base) && !(t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString())));
    });

    it('"convert the table at the cursor to Markdown" rewrites that table as a Markdown table with the same numbers', async () => {
      const seed = '12';
      const uri = reportUri(seed);
      const editor = await openReport(seed);
      const original = editor.document.getText();
      const before = new ReportDocument(original).model.reports[0].tables.applications!;
      assert.notStrictEqual(before.encoding, 'markdown');
      const inside = before.rows['new'].cells['total'].range.start;
      try {
        await vscode.commands.executeCommand('nianbao.convertToMarkdown', uri, new vscode.Position(inside.line, inside.character));
        const after = await waitFor('a Markdown table', () => {
          const t = new ReportDocument(current(uri)!.getText()).model.reports[0].tables.applications;
          return t?.encoding === 'markdown' && t;
        });
        const values = (t: typeof before) => Object.fromEntries(Object.entries(t.rows).map(([id, r]) => [id, Object.values(r.cells).map(c => c.value ?? c.text)]));
        assert.deepStrictEqual(values(after), values(before));
        await waitForDiagnostics(uri, hasNo(...TABLE_PROBLEMS));
      } finally {
        await revert(uri);
      }
    });

    it('editor.codeActionsOnSave { "source.fixAll.nianbao" } fixes the report on save', async () => {
      const folder = vscode.workspace.workspaceFolders![0].uri;
      const uri = vscode.Uri.joinPath(folder, '保存即修复-年度报告.txt');
      const original = await readText(reportUri('12'));
      const cell = new ReportDocument(original).model.reports[0].tables.applications!.rows['results_total'].cells['natural_person'];
      const broken = original.slice(0, offsetOf(original, cell.range.start)) + String((cell.value ?? 0) + 3) + original.slice(offsetOf(original, cell.range.end));
      // what the engine's fix-all makes of it: the total restored, nothing else touched
      const brokenDoc = new ReportDocument(broken);
      assert.strictEqual(applyEdits(broken, fixAll(brokenDoc, check(brokenDoc, { locale: 'en' })).edits), original);

      const editorConfig = vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID });
      await editorConfig.update('codeActionsOnSave', { 'source.fixAll.nianbao': 'explicit' }, vscode.ConfigurationTarget.Global, true);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
      try {
        const doc = await vscode.workspace.openTextDocument(uri);
        assert.strictEqual(doc.languageId, LANGUAGE_ID);
        await vscode.window.showTextDocument(doc);
        await replaceText(doc, new vscode.Range(0, 0, doc.lineCount, 0), broken);
        await waitForDiagnostics(uri, has('results-total'));
        assert.ok(await doc.save(), 'saved');
        assert.strictEqual(doc.getText(), original);
        assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), original);
      } finally {
        await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
        await discardActive();
        await vscode.workspace.fs.delete(uri);
      }
    });

    it('the language status item follows the server: template, year and balance', async () => {
      const uri = reportUri('002');
      const { document } = await openReport('002');
      const status = await checkedAfter(uri, undefined, '002');
      const report = new ReportDocument(document.getText()).model.reports[0];
      assert.strictEqual(status.reports.length, 1);
      assert.deepStrictEqual([status.reports[0].template, status.reports[0].year], [report.template, report.year ?? null]);
      assert.deepStrictEqual([report.template, report.year], ['2019', 2020], 'as the file name says');
      assert.strictEqual(status.reports[0].balanceErrors, codes(vscode.languages.getDiagnostics(uri)).filter(c => ARITHMETIC.includes(c)).length);
      assert.ok(status.reports[0].balanceErrors > 0);
    });
  });
});
