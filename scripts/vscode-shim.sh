#!/usr/bin/env bash
# Stand-in "VS Code executable" for @vscode/test-electron's
# runTests({ vscodeExecutablePath }): receives VS Code's CLI flags and runs the tests in
# code-server's VS Code extension host instead of a downloaded desktop VS Code.
exec node "$(dirname "${BASH_SOURCE[0]}")/code-server-host.mjs" "$@"
