// The table view (issue 14, item 1) in a real VS Code: opened by its command on seed 002,
// the webview's DOM says which cells it marked (they are the cells the diagnostics are
// on); clicking one in the webview moves the editor's selection onto that number; an edit
// sends the webview a patch of the changed cells, not the whole grid; the view follows
// the active report and shows blank cells as blank, not 0. The webview is driven through
// its own messages (TableViewApi): probe reads its DOM, click calls the cell element's click().
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NianbaoApi } from '../../client/src/core';
import { activeExtension, openReport, waitFor, waitForDiagnostics } from './util';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' && d.code ? d.code.value : d.code ?? '');


/** Resolves at the next diagnostics published for `uri`: the server publishes them for every version it checks. */
function nextCheck(uri: vscode.Uri): Promise<void> {
  return new Promise(resolve => {
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      if (e.uris.some(u => u.toString() === uri.toString())) { sub.dispose(); resolve(); }
    });
  });
}

describe('table view', function () {
  this.timeout(90_000);
  let api: NianbaoApi;

  before(async () => {
    await openReport('002');
    api = (await activeExtension()).exports as NianbaoApi;
    await api.ready;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('marks the cells the findings are on, and a click selects the cell in the source', async () => {
    const editor = await openReport('002');
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, ds => ds.some(d => codeOf(d) === 'results-total'));
    assert.strictEqual(await vscode.commands.executeCommand('nianbao.showTableView'), true);
    // The first webview of a fresh browser profile registers its service worker first: slow on a cold machine.
    await waitFor('the table view to show seed 002', () => api.tableView.shownUri() === uri.toString(), 60_000);

    const seen = await api.tableView.probe();
    assert.strictEqual(seen.uri, uri.toString());
    assert.strictEqual(seen.tables.length, 3, `tables: ${seen.tables.join(', ')}`);
    assert.ok(seen.headerCells > 20, `merged header cells: ${seen.headerCells}`);
    assert.deepStrictEqual(Object.keys(seen.states), ['number'], 'seed 002 has every cell written');

    // Every marked cell carries a diagnostic's message, and every cell diagnostic has its cell marked.
    const cellDiagnostics = diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Error && codeOf(d) === 'results-total');
    assert.ok(seen.marked.length > 0, 'some cell is marked');
    for (const m of seen.marked) {
      assert.ok(diagnostics.some(d => m.label.includes(d.message)), `${m.key} is marked with no diagnostic's message: ${m.label}`);
      assert.strictEqual(m.severity, 'error');
    }
    for (const d of cellDiagnostics) {
      assert.ok(seen.marked.some(m => m.label.includes(d.message)), `no marked cell for: ${d.message}`);
    }
    const total = seen.marked.find(m => m.key === '0:applications:results_total:total');
    assert.ok(total, `（七）总计×总计 is marked: ${seen.marked.map(m => m.key).join(', ')}`);

    // A click in the webview selects the number in the editor: the diagnostic's range.
    const selection = await api.tableView.click(total.key);
    assert.ok(selection, 'the selection moved');
    const active = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString())!;
    assert.ok(cellDiagnostics.some(d => d.range.isEqual(active.selection)),
      `selection ${JSON.stringify(active.selection)} is not on a results-total diagnostic`);
    assert.match(active.document.getText(active.selection), /^\d+$/);
  });

  it('is keyboard navigable: arrows move between cells, Enter selects the cell in the source', async () => {
    const editor = await openReport('002');
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('nianbao.showTableView');
    await waitFor('the table view to show seed 002', () => api.tableView.shownUri() === uri.toString());
    assert.strictEqual(await api.tableView.press('0:applications:results_total:natural_person', 'ArrowRight'), '0:applications:results_total:commercial');
    assert.strictEqual(await api.tableView.press('0:applications:results_total:natural_person', 'ArrowDown'), '0:applications:carried_forward:natural_person');
    assert.strictEqual(await api.tableView.press('0:applications:results_total:commercial', 'End'), '0:applications:results_total:total');
    editor.selection = new vscode.Selection(0, 0, 0, 0); // away from the cell, so Enter must move it
    const moved = new Promise<vscode.Selection>(resolve => {
      const sub = vscode.window.onDidChangeTextEditorSelection(e => {
        if (e.textEditor.document.uri.toString() === uri.toString() && e.selections[0].start.line > 0) { sub.dispose(); resolve(e.selections[0]); }
      });
    });
    await api.tableView.press('0:applications:results_total:total', 'Enter');
    const selection = await moved;
    assert.match(editor.document.getText(selection), /^\d+$/);
    const diagnostics = vscode.languages.getDiagnostics(uri).filter(d => codeOf(d) === 'results-total');
    assert.ok(diagnostics.some(d => d.range.isEqual(selection)), 'Enter selected the failing total');
  });

  it('sends only the changed cells as the report is edited, and nothing for an edit outside the tables', async () => {
    const editor = await openReport('002');
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('nianbao.showTableView');
    await waitFor('the table view to show seed 002', () => api.tableView.shownUri() === uri.toString());
    const before = await api.tableView.probe();
    const wrong = before.marked.find(m => m.key === '0:applications:results_total:total')!;
    const selection = (await api.tableView.click(wrong.key))!;
    const written = editor.document.getText(selection);
    const statsBefore = api.tableView.stats().length;

    // Type a digit into the total: the view gets a patch of the cells whose state changed.
    let checked = nextCheck(uri);
    await editor.edit(b => b.insert(selection.end, '1'));
    await checked;
    const stat = await waitFor('a patch', () => api.tableView.stats().slice(statsBefore).find(s => s.type === 'patch'));
    const after = await api.tableView.probe();
    const total = Object.values(after.states).reduce((a, b) => a + b, 0);
    assert.ok(stat.cells > 0 && stat.cells < total / 4, `patch of ${stat.cells} of ${total} cells`);
    console.log(`    table view: a keystroke in a total sent ${stat.cells} of ${total} cells, ${stat.bytes} bytes; request ${stat.requestMs} ms, applied in ${stat.applyMs?.toFixed(2) ?? '?'} ms`);
    const m = api.tableView.stats().length;
    checked = nextCheck(uri);
    await editor.edit(b => b.delete(new vscode.Range(selection.end, selection.end.translate(0, 1))));
    assert.strictEqual(editor.document.getText(selection), written);
    await checked;
    await waitFor('the patch that marks the total again', () => api.tableView.stats().length > m);

    // Typing in the prose changes no cell: nothing is sent to the webview.
    const n = api.tableView.stats().length;
    const prose = Array.from({ length: editor.document.lineCount }, (_, i) => i).find(i => editor.document.lineAt(i).text.includes('。'))!;
    checked = nextCheck(uri);
    await editor.edit(b => b.insert(new vscode.Position(prose, 0), '另'));
    await checked;
    await new Promise(r => setTimeout(r, 500));
    const sent = api.tableView.stats().slice(n);
    assert.deepStrictEqual(sent, [], 'nothing is sent when no cell changed');
    await editor.edit(b => b.delete(new vscode.Range(prose, 0, prose, 1)));
  });

  it('follows the active report and shows blank cells as blank, not 0', async () => {
    await vscode.commands.executeCommand('nianbao.showTableView');
    const editor = await openReport('001');
    const uri = editor.document.uri.toString();
    await waitFor('the table view to follow seed 001', () => api.tableView.shownUri() === uri);
    const seen = await waitFor('the grid of seed 001', async () => { const s = await api.tableView.probe(); return s.uri === uri && s; });
    assert.ok((seen.states.blank ?? 0) > 0, `states: ${JSON.stringify(seen.states)}`);
    assert.ok((seen.states.number ?? 0) > 0, `states: ${JSON.stringify(seen.states)}`);
  });
});
