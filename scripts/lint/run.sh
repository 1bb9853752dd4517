#!/usr/bin/env bash
# `npm run lint`: Prettier (the code's format: .prettierrc.json; `npm run format` applies it),
# ESLint (eslint.config.mjs: bugs, and the seams: components/ never imports server code, lib/lake
# imports only itself and lib/util), then dependency-cruiser: no run-time import cycle, no
# component reaching a Node built-in through its imports, no import cycle between folders.
set -euo pipefail
cd "$(dirname "$0")/../.."
lint=scripts/lint
if [ ! -x "$lint/node_modules/.bin/eslint" ] || [ "$lint/package-lock.json" -nt "$lint/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$lint" --no-audit --no-fund
fi
bin="$lint/node_modules/.bin"
code=(app components lib scripts bench bin proxy.ts instrumentation.ts)

if [ "${1:-}" = "--format" ]; then
  exec "$bin/prettier" --write --log-level warn .
fi

echo "==> Prettier"
"$bin/prettier" --check --log-level warn .

echo "==> ESLint"
"$bin/eslint" --config "$lint/eslint.config.mjs" --max-warnings 0 .

echo "==> dependency-cruiser: run-time cycles, the browser seam"
"$bin/depcruise" --config "$lint/dependency-cruiser.cjs" --output-type err "${code[@]}" e2e tests

echo "==> Import cycles between folders"
"$bin/depcruise" --config "$lint/dependency-cruiser.cjs" --ts-pre-compilation-deps --output-type json "${code[@]}" | node "$lint/folder-cycles.mjs"
