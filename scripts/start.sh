#!/usr/bin/env bash
# Weiquan — one command brings the whole system up:
#   install deps → MariaDB + Redis (scripts/infra.sh up) → build → migrate → seed → api + worker in background.
# Re-running restarts api/worker with the fresh build. Stop everything with: bash scripts/stop.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

T0=$SECONDS
ensure_pnpm
pnpm_install
# Fonts the document PDFs embed (a Ming/Song CJK face; DejaVu for tick boxes).
ensure_apt fonts-arphic-uming fonts-dejavu-core
bash scripts/infra.sh up

log "pnpm build"
pnpm build
log "pnpm migrate"
pnpm migrate
log "pnpm seed"
pnpm seed

mkdir -p "$WQ_PROC_RUN"
stop_app api
stop_app worker

BASE="$(api_base_url)"
if port_in_use="$(http_status "$BASE/health/ready")" && [[ "$port_in_use" != 000 ]]; then
  die "something else already answers on $BASE (HTTP $port_in_use): stop it or change API_PORT in .env"
fi

# start_app NAME — node apps/NAME/dist/main.js detached (own session), pid in .run/NAME.pid, log in .run/NAME.log
start_app() {
  local name="$1" main="apps/$1/dist/main.js" logf="$WQ_PROC_RUN/$1.log"
  [[ -f "$main" ]] || die "$main not found: did 'pnpm build' build it?"
  [[ -f "$logf" ]] && mv -f "$logf" "$logf.1"
  log "starting $name: node $main (log .run/$name.log)"
  # shellcheck disable=SC2016  # $$, $1, $2 expand in the child shell
  setsid nohup bash -c 'echo $$ > "$1"; exec node "$2"' weiquan-"$name" "$WQ_PROC_RUN/$name.pid" "$main" \
    </dev/null >>"$logf" 2>&1 &
  local i
  for (( i = 0; i < 40; i++ )); do [[ -s "$WQ_PROC_RUN/$name.pid" ]] && break; sleep 0.05; done
}
start_app api
start_app worker

log "waiting for $BASE/health/ready"
deadline=$(( SECONDS + 60 ))
while :; do
  code="$(http_status "$BASE/health/ready")"
  [[ "$code" == 200 ]] && break
  if ! pid_alive "$WQ_PROC_RUN/api.pid"; then
    tail_log "$WQ_PROC_RUN/api.log"
    stop_app worker
    die "api exited during startup"
  fi
  if (( SECONDS >= deadline )); then
    tail_log "$WQ_PROC_RUN/api.log"
    die "api not ready after 60 s (last HTTP status $code); api/worker left running: bash scripts/stop.sh --keep-infra"
  fi
  sleep 0.5
done
if ! pid_alive "$WQ_PROC_RUN/worker.pid"; then
  tail_log "$WQ_PROC_RUN/worker.log"
  stop_app api
  die "worker exited during startup"
fi

log "Weiquan is up ($(( SECONDS - T0 )) s)"
log "  console  $BASE/"
log "  public   $BASE/gongkai/   (网上投诉、进度查询、办事公开; no login)"
log "  GraphQL  $BASE/graphql"
log "  health   $BASE/health/ready"
log "  logs     .run/api.log  .run/worker.log   (infra logs: $DATA_DIR/log)"
log "  stop     bash scripts/stop.sh"
log "demo logins:"
print_demo_logins
