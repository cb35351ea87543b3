// Helpers for the VS Code suite (test/vscode/*.test.ts), which runs inside a real extension
// host (scripts/run-vscode-tests.mjs). The workspace holds the repo's samples under
// report-like names; NIANBAO_TEST_REPORTS maps each sample's seed id (its file name in
// samples/ without .txt, e.g. `000_84d930cebacf0df8`) to its name in the workspace.
// The same files run in the web worker extension host too (test/vscode-web/), where there is
// no `process`, `fs` or `path`: reach the environment through testEnv() and files through
// vscode.workspace.fs.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'nianbao.nianbao';
export const LANGUAGE_ID = 'nianbao';

/** The web worker host's stand-in for process.env, set by test/vscode-web/index.ts. */
const webEnv: Record<string, string | undefined> = {};
export const setWebEnv = (env: Record<string, string | undefined>) => Object.assign(webEnv, env);

/** A variable of the run's environment, in the Node and the web worker extension host alike. */
export function testEnv(name: string): string | undefined {
  const proc = (globalThis as { process?: { env: Record<string, string | undefined> } }).process;
  return proc ? proc.env[name] : webEnv[name];
}

/** Which extension host runs the tests (and the extension): the web pass sets NIANBAO_TEST_HOST=web. */
export const testHost = (): 'web' | 'node' => (testEnv('NIANBAO_TEST_HOST') === 'web' ? 'web' : 'node');

/** A file's text, read through VS Code (no `fs` in the web worker host). */
export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Seed id -> file name in the test workspace. */
export function reportNames(): Record<string, string> {
  const json = testEnv('NIANBAO_TEST_REPORTS');
  if (!json) throw new Error('NIANBAO_TEST_REPORTS is not set: run the suite through scripts/run-vscode-tests.mjs');
  return JSON.parse(json);
}

/** URI of a workspace report, by full seed id or its leading number (`000`). */
export function reportUri(seed: string): vscode.Uri {
  const names = reportNames();
  const keys = seed in names ? [seed] : Object.keys(names).filter(k => k.startsWith(`${seed}_`));
  if (keys.length !== 1) throw new Error(`no unique report for seed ${seed} in ${Object.keys(names).join(', ')}`);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri
    ?? (testEnv('NIANBAO_TEST_WORKSPACE') ? vscode.Uri.file(testEnv('NIANBAO_TEST_WORKSPACE')!) : undefined);
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder, names[keys[0]]);
}

/** Opens a workspace report in an editor. */
export async function openReport(seed: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(reportUri(seed));
  return vscode.window.showTextDocument(doc);
}

/** Polls `probe` until it returns something other than undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

/** Resolves with `uri`'s diagnostics once `accept` holds for them (default: at least one). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = d => d.length > 0,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      done();
      resolve(diagnostics);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      if (e.uris.some(u => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.toString()}; have ${JSON.stringify(vscode.languages.getDiagnostics(uri).map(d => d.message))}`));
    }, timeoutMs);
    const done = () => { sub.dispose(); clearTimeout(timer); };
    check();
  });
}

/** The extension under test, once its activation (triggered by something else) has completed. */
export async function activeExtension(timeoutMs = 20_000): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  return waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive && ext, timeoutMs);
}
