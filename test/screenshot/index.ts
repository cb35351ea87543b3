// Extension-host side of scripts/screenshot-tableview.mjs: opens seed 002 with its table
// view beside it, focuses the failing total (its tooltip shows the finding and the formula)
// and asks the host (scripts/code-server-host.mjs, NIANBAO_SCREENSHOT) to save the page.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { NianbaoApi } from '../../client/src/core';
import { activeExtension, openReport, waitFor } from '../vscode/util';

export async function run(): Promise<void> {
  const file = process.env.NIANBAO_SCREENSHOT;
  if (!file) throw new Error('NIANBAO_SCREENSHOT is not set: run scripts/screenshot-tableview.mjs');
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  const editor = await openReport('002');
  const api = (await activeExtension()).exports as NianbaoApi;
  await api.ready;
  await waitFor('a check', () => api.status(editor.document.uri));
  await vscode.commands.executeCommand('nianbao.showTableView');
  await waitFor('the table view', () => api.tableView.shownUri() === editor.document.uri.toString());
  const seen = await api.tableView.probe();
  const total = seen.marked.find(m => m.key.endsWith(':results_total:total')) ?? seen.marked[0];
  if (total) {
    const range = (await api.tableView.click(total.key));
    if (range) editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
    await api.tableView.focus(total.key);
  }
  await new Promise(r => setTimeout(r, 1500)); // the hover's answer reaches the tooltip
  fs.rmSync(`${file}.done`, { force: true });
  fs.writeFileSync(`${file}.request`, '');
  await waitFor('the screenshot', () => fs.existsSync(`${file}.done`), 30_000);
  fs.rmSync(`${file}.done`, { force: true });
}
