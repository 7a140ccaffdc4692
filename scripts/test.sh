#!/usr/bin/env bash
# Weiquan — one command runs every test (this is what .ci/run executes):
#   install deps (pnpm, Debian chromium + CJK font for browser tests) → MariaDB + Redis with an EMPTY test
#   database ($DB_TEST_NAME) and flushed Redis db $REDIS_TEST_DB → typecheck → lint → build:server →
#   jest --runInBand [extra args] → web unit tests → web e2e (each web step only if its script exists).
# Fails fast at the first failing step. Extra arguments go to jest: bash scripts/test.sh -t 'case'
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

T0=$SECONDS
CURRENT="setup"
DONE=()
SKIPPED=()
on_exit() {
  local rc=$?
  [[ -n "${E2E_PID:-}" ]] && kill "$E2E_PID" 2>/dev/null
  if (( rc != 0 )); then
    printf '[weiquan] ==== TESTS FAILED at step "%s" (exit %s) after %s s; passed before it: %s ====\n' \
      "$CURRENT" "$rc" "$(( SECONDS - T0 ))" "${DONE[*]:-none}" >&2
  fi
}
trap on_exit EXIT

step() {
  local name="$1"; shift
  CURRENT="$name"
  local t=$SECONDS
  log "==== $name: $* ===="
  "$@"
  DONE+=("$name")
  log "==== $name passed ($(( SECONDS - t )) s) ===="
}

ensure_pnpm
pnpm_install
# nginx: apps/api/test/nginx-proxy.int-spec.ts runs docker/nginx.conf in front of the API (also needs openssl).
ensure_apt chromium fonts-wqy-microhei fonts-arphic-uming fonts-dejavu-core poppler-utils nginx openssl

[[ -n "${DB_TEST_NAME:-}" && "$DB_TEST_NAME" != "$DB_NAME" ]] || die "DB_TEST_NAME must be set and differ from DB_NAME ($DB_NAME)"
export NODE_ENV=test
export DB_NAME="$DB_TEST_NAME"
export REDIS_DB="$REDIS_TEST_DB"
export QUEUE_PREFIX=wqtest
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"   # for playwright-core executablePath

CURRENT="infra"
bash scripts/infra.sh up --test

step typecheck    pnpm typecheck
step lint         pnpm lint
step build:server pnpm build:server
step jest         pnpm jest --runInBand --forceExit "$@"

web_has_script() {
  [[ -f apps/web/package.json ]] &&
    node -e 'const s=(require("./apps/web/package.json").scripts||{}); process.exit(s[process.argv[1]] ? 0 : 1)' "$1"
}
# Generated artefacts must be fresh: the committed GraphQL schema and the console's typed operations.
step schema:check pnpm schema:check
if web_has_script codegen:check; then step web:codegen pnpm --filter @weiquan/web codegen:check; fi
if web_has_script test; then step web:test pnpm --filter @weiquan/web test; else SKIPPED+=(web:test); fi
step public:test pnpm --filter @weiquan/public test

# Browser end-to-end: build the console and the public site, serve them from a real API on the test database, drive Chromium.
E2E_PORT="${E2E_PORT:-3399}"
E2E_PID=""
stop_e2e_api() { [[ -n "$E2E_PID" ]] && kill "$E2E_PID" 2>/dev/null; wait "$E2E_PID" 2>/dev/null || true; E2E_PID=""; }
start_e2e_api() {
  mkdir -p .run
  # PUBLIC_PUBLICATION_DELAY_DAYS=0: the public-site suite concludes a complaint and finds it in 公示 at once.
  API_PORT="$E2E_PORT" PUBLIC_PUBLICATION_DELAY_DAYS=0 LOGIN_RATE_PER_IP=100000 LOGIN_RATE_PER_ACCOUNT=100000 WEB_DIST=apps/web/dist LOG_LEVEL=warn node apps/api/dist/main.js > .run/e2e-api.log 2>&1 &
  E2E_PID=$!
  wait_for "curl -fsS http://127.0.0.1:$E2E_PORT/health/ready" 60 "test API on :$E2E_PORT" || { tail -n 40 .run/e2e-api.log >&2; return 1; }
}
run_e2e() {
  # The browser suites read the demo data and its statistics: make both present whatever the Jest run left behind
  # (the seed keeps data that is there; the rebuild recounts the statistics tables from the cases).
  pnpm seed && pnpm stats:rebuild || return 1
  start_e2e_api
  local rc=0
  WEB_URL="http://127.0.0.1:$E2E_PORT/" pnpm --filter @weiquan/web e2e || rc=$?
  stop_e2e_api
  # A browser test that waited on the API in vain is explained by what the API logged (warnings and errors).
  if (( rc != 0 )); then log "last lines of the test API's log (.run/e2e-api.log):"; tail -n 60 .run/e2e-api.log >&2; fi
  return $rc
}
# The API serves both builds: the console at / (WEB_DIST) and the public site at /gongkai/ (PUBLIC_DIST).
build_web() { pnpm --filter @weiquan/web build && pnpm --filter @weiquan/public build; }
if web_has_script e2e; then
  step web:build build_web
  step web:e2e run_e2e
else
  SKIPPED+=(web:e2e)
fi

CURRENT="done"
log "==== ALL TESTS PASSED in $(( SECONDS - T0 )) s: ${DONE[*]}${SKIPPED[*]:+ (skipped, no script: ${SKIPPED[*]})} ===="
