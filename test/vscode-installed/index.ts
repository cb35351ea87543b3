// Entry point of the installed pass of the VS Code suite (scripts/run-vscode-tests.mjs):
// the same runner as test/vscode/index.ts, over the *.test.js bundled next to this one.
export { run } from '../vscode/index';
