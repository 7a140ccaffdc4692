#!/usr/bin/env bash
# Weiquan — stop what scripts/start.sh started: api + worker (.run/*.pid), then MariaDB + Redis.
#   bash scripts/stop.sh               everything
#   bash scripts/stop.sh --keep-infra  only api + worker
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

case "${1:-}" in ""|--keep-infra) ;; *) die "usage: bash scripts/stop.sh [--keep-infra]" ;; esac
stop_app api
stop_app worker
log "api and worker stopped"
[[ "${1:-}" == --keep-infra ]] || bash scripts/infra.sh down
