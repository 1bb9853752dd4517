#!/usr/bin/env bash
# `npm test`: sets up what the tests need, then runs every suite (types, lint, unit, integration, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CI="${CI:-1}"

step() { printf '\n==> %s\n' "$*"; }

if [ ! -x node_modules/.bin/next ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing npm packages"
  npm ci --no-audit --no-fund
fi

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/aws ] || need_apt+=(awscli)
command -v openssl >/dev/null || need_apt+=(openssl) # the test SMTP server's certificate (tests/helpers/smtp.ts)
/usr/bin/python3 -c 'import boto3' 2>/dev/null || need_apt+=(python3-boto3)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  step "Installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

step "Type check"
./node_modules/.bin/tsc --noEmit -p .

step "Lint (ESLint, import seams and cycles)"
bash scripts/lint/run.sh

step "Unit tests"
./node_modules/.bin/vitest run --config vitest.config.ts

step "Production build"
./node_modules/.bin/next build

step "Integration tests on SQLite (AWS SDK, AWS CLI v2, boto3 against /lake; the workbench API)"
./node_modules/.bin/vitest run --config vitest.integration.config.ts

step "Integration tests on PostgreSQL (a throw-away PostgreSQL server is started for them)"
TRAILBENCH_TEST_DB=postgres ./node_modules/.bin/vitest run --config vitest.integration.config.ts

step "Browser tests (Playwright, Debian Chromium)"
rm -rf .tmp/e2e-data .tmp/e2e-import
./node_modules/.bin/playwright test
