// Entry point of the web pass of the VS Code suite (dist/test/vscode-web/index.js, a browser
// bundle): scripts/code-server-host.mjs with NIANBAO_TEST_HOST=web makes VS Code run the
// extension in its web worker extension host, and VS Code runs these tests in the host the
// extension runs in. The scenarios that need no file system of the extension's own run here,
// from the same test files as the Node pass. No `process` here: the environment comes from
// the user setting `nianbaoTest.env` the host writes; the counts go back through
// vscode.workspace.fs to NIANBAO_TEST_RESULT on the server.
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import { setWebEnv, testEnv } from '../vscode/util';

declare const mocha: BrowserMocha;
interface BrowserMocha {
  setup(options: Record<string, unknown>): void;
  grep(pattern: string): void;
  run(done: (failures: number) => void): { stats?: { passes: number } };
}

export async function run(): Promise<void> {
  setWebEnv(vscode.workspace.getConfiguration('nianbaoTest').get<Record<string, string>>('env') ?? {});
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false });
  const grep = testEnv('MOCHA_GREP');
  if (grep) mocha.grep(grep);
  // After setup, which defines describe/it. The scenarios without a file system of their own:
  require('../vscode/activation.test');
  require('../vscode/language.test');
  require('../vscode/client.test');
  require('../vscode/tableview.test');
  require('../vscode/import.test');

  let passed = 0;
  const failed = await new Promise<number>(resolve => {
    const runner = mocha.run(failures => { passed = runner.stats?.passes ?? 0; resolve(failures); });
  });
  console.log(`${passed} passed, ${failed} failed`);
  const out = testEnv('NIANBAO_TEST_RESULT');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (out && folder) {
    const uri = vscode.Uri.from({ scheme: folder.scheme, authority: folder.authority, path: out });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify({ passed, failed }) + '\n'));
  }
  if (failed > 0) throw new Error(`${failed} VS Code test(s) failed in the web worker extension host`);
}
