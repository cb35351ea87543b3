#!/usr/bin/env bash
# Installs a real VS Code extension host for the VS Code test suite, from Debian + npm only
# (see scripts/run-vscode-tests.mjs):
#   - Debian: chromium (headless, only opens the workbench page that starts the extension
#     host), libkrb5-dev (gssapi.h for the `kerberos` native module), ripgrep (see below);
#   - npm: code-server (VS Code 1.100.3's server build) into .vscode-test/code-server.
# Idempotent: returns in well under a second when everything is already in place.
# Env: CODE_SERVER_VERSION (default 4.100.3), CODE_SERVER_DIR (default .vscode-test/code-server).
set -euo pipefail
SECONDS=0
VERSION="${CODE_SERVER_VERSION:-4.100.3}"   # 4.100.x: the last code-server line on Node 20
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"
STAMP="$DIR/.installed-$VERSION"              # written only after a complete install
RG_PKG_VERSION=1.15.11                         # @vscode/ripgrep pinned by VS Code 1.100
RG_ASSET_VERSION=v13.0.0-10

say() { echo "[install-vscode-host] $*"; }

# 1. Debian packages, installed only when missing.
missing=()
for p in chromium libkrb5-dev ripgrep; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  say "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. code-server, unless this exact version is completely installed already.
if [ -f "$STAMP" ] && [ -f "$DIR/node_modules/code-server/lib/vscode/out/server-main.js" ]; then
  say "code-server $VERSION already installed in $DIR (${SECONDS}s)"
  exit 0
fi

case "$(uname -m)" in
  x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
  aarch64 | arm64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) say "unsupported architecture $(uname -m)"; exit 1 ;;
esac

say "installing code-server $VERSION into $DIR (about 90 s, 300 MB)"
rm -rf "$DIR"
mkdir -p "$DIR"
echo '{ "name": "nianbao-vscode-host", "private": true }' > "$DIR/package.json"

# @vscode/ripgrep's postinstall downloads rg from GitHub, but first looks for the release
# tarball in $TMPDIR/vscode-ripgrep-cache-<pkg version>/: pre-seed it with Debian's rg.
export TMPDIR
TMPDIR="$(mktemp -d)"
trap 'rm -rf "$TMPDIR"' EXIT
cache="$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
mkdir -p "$cache"
tar czf "$cache/ripgrep-$RG_ASSET_VERSION-$RG_TARGET.tar.gz" -C "$(dirname "$(command -v rg)")" rg

# npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it.
# npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which would otherwise prompt.
# code-server's postinstall runs `npm install` in lib/vscode and builds native modules.
(cd "$DIR" && npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION")

test -f "$DIR/node_modules/code-server/lib/vscode/out/server-main.js"
test -x "$DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
touch "$STAMP"
say "code-server $VERSION installed in ${SECONDS}s"
