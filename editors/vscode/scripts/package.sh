#!/bin/sh
# Builds netdsl-<version>.vsix from this folder (after `npm ci`): the client, the grammar, the language
# configuration and the client's runtime dependencies. No network: vsce only reads the folder.
set -eu
cd "$(dirname "$0")/.."
[ -d node_modules ] || { echo "run 'npm ci' in editors/vscode first" >&2; exit 1; }
out="${VSIX_OUT:-netdsl-$(node -p "require('./package.json').version").vsix}"
exec node node_modules/@vscode/vsce/vsce package --skip-license --out "$out"
