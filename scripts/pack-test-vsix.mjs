// The .vsix files the VS Code suite installs into the host as ordinary extensions (the
// installed pass of scripts/run-vscode-tests.mjs, test/vscode-installed/):
//   nianbao.vsix             the package exactly as `npm run package` makes it (vsce's pack,
//                            .vscodeignore applied), from the current build: no prepublish.
//   nianbao-undeclared.vsix  the negative control: the same package with package.json's
//                            `capabilities` block removed, under another id
//                            (nianbao.nianbao-undeclared) so both install side by side.
//   node scripts/pack-test-vsix.mjs <out dir>    prints the two paths
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const UNDECLARED_NAME = 'nianbao-undeclared';

/** Writes the two packages into `outDir`; resolves with { declared, undeclared } (their paths). */
export async function packTestExtensions(outDir) {
  mkdirSync(outDir, { recursive: true });
  const declared = path.join(outDir, 'nianbao.vsix');
  const undeclared = path.join(outDir, `${UNDECLARED_NAME}.vsix`);
  const { pack } = await import('@vscode/vsce/out/package.js');
  // vsce prints the package's file tree: keep it off stdout, which carries the suite's report
  const log = console.log, info = console.info;
  console.log = console.info = () => {};
  try {
    await pack({ cwd: root, dependencies: false, packagePath: declared });
  } finally {
    console.log = log; console.info = info;
  }

  const zip = await JSZip.loadAsync(readFileSync(declared));
  const manifest = JSON.parse(await zip.file('extension/package.json').async('string'));
  const { name } = manifest;
  delete manifest.capabilities;
  manifest.name = UNDECLARED_NAME;
  zip.file('extension/package.json', JSON.stringify(manifest, null, 2));
  const vsixManifest = await zip.file('extension.vsixmanifest').async('string');
  zip.file('extension.vsixmanifest', vsixManifest.replace(`Id="${name}"`, `Id="${UNDECLARED_NAME}"`));
  // stored, not deflated: it lives only for the run
  writeFileSync(undeclared, await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
  return { declared, undeclared };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(process.argv[2] ?? 'dist/test-vsix');
  const { declared, undeclared } = await packTestExtensions(out);
  console.log(`${declared}\n${undeclared}`);
}
