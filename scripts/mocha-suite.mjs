// Runs the compiled mocha tests under dist/test/<suite>/ and prints `N passed, N failed`.
import Mocha from 'mocha';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const suite = process.argv[2];
const dir = path.join('dist', 'test', suite);
const files = existsSync(dir)
  ? readdirSync(dir, { recursive: true }).map(String).filter(f => f.endsWith('.test.js')).map(f => path.join(dir, f))
  : [];
const mocha = new Mocha({ ui: 'bdd', timeout: 60000, reporter: process.env.MOCHA_REPORTER ?? 'dot' });
if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
for (const f of files.sort()) mocha.addFile(path.resolve(f));
const runner = mocha.run(failures => {
  console.log(`${suite}: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
  process.exitCode = failures ? 1 : 0;
});
