// Entry point of the VS Code suite, loaded by the extension host through
// --extensionTestsPath (dist/test/vscode/index.js): runs every *.test.js bundled next to it.
// Prints `N passed, N failed` and writes { passed, failed } to $NIANBAO_TEST_RESULT, which
// scripts/run-vscode-tests.mjs and scripts/code-server-host.mjs read.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
  const files = fs.readdirSync(__dirname, { recursive: true }).map(String).filter(f => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  let passed = 0;
  let failed: number;
  try {
    failed = await new Promise<number>(resolve => {
      const runner = mocha.run(failures => {
        passed = runner.stats?.passes ?? 0;
        resolve(failures);
      });
    });
  } catch (e) {
    console.error('mocha could not run the VS Code suite:', e);
    failed = 1;
  }
  if (files.length === 0) {
    console.error(`no *.test.js next to ${__filename}`);
    failed = Math.max(failed, 1);
  }
  console.log(`${passed} passed, ${failed} failed`);
  const out = process.env.NIANBAO_TEST_RESULT;
  if (out) fs.writeFileSync(out, JSON.stringify({ passed, failed }) + '\n');
  if (failed > 0) throw new Error(`${failed} VS Code test(s) failed`);
}
