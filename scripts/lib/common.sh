#!/usr/bin/env bash
# Weiquan — shared helpers for scripts/*.sh.  Source it, do not execute it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# Effects of sourcing: cd to the repo root; create .env from .env.example when absent; load .env
# (variables already set in the environment win, like dotenv); derive absolute paths (WQ_*).
set -euo pipefail

WQ_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$WQ_ROOT"

# pnpm version pinned in package.json ("packageManager"); corepack on Node 20 cannot fetch it.
WQ_PNPM_VERSION="10.34.9"

log()  { printf '[weiquan] %s\n' "$*"; }
warn() { printf '[weiquan] WARNING: %s\n' "$*" >&2; }
die()  { printf '[weiquan] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# .env
# ---------------------------------------------------------------------------------------------
# Parses KEY=VALUE lines: ignores blank/comment lines, strips an inline " # comment" (a '#'
# preceded by whitespace) from unquoted values, trims whitespace, removes matching quotes.
# Prints "KEY<TAB>VALUE" lines.
_wq_parse_env_file() {
  local file="$1" line key val
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%$'\r'}"
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    line="${line#"${line%%[![:space:]]*}"}"          # ltrim
    line="${line#export }"
    [[ "$line" == *=* ]] || continue
    key="${line%%=*}"; key="${key%"${key##*[![:space:]]}"}"
    [[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
    val="${line#*=}"
    val="${val#"${val%%[![:space:]]*}"}"
    if [[ "$val" =~ ^\"([^\"]*)\" ]]; then
      val="${BASH_REMATCH[1]}"
    elif [[ "$val" =~ ^\'([^\']*)\' ]]; then
      val="${BASH_REMATCH[1]}"
    else
      [[ "$val" == \#* ]] && val=""
      val="${val%%[[:space:]]#*}"                     # cut at the first whitespace+'#'
      val="${val%"${val##*[![:space:]]}"}"          # rtrim
    fi
    printf '%s\t%s\n' "$key" "$val"
  done < "$file"
}

# dotenv_get KEY — the value written in .env (ignores the process environment).
dotenv_get() {
  _wq_parse_env_file "$WQ_ROOT/.env" | awk -F'\t' -v k="$1" '$1==k { v=substr($0, length(k)+2) } END { print v }'
}

load_env() {
  if [[ ! -f "$WQ_ROOT/.env" ]]; then
    [[ -f "$WQ_ROOT/.env.example" ]] || die ".env.example missing in $WQ_ROOT"
    cp "$WQ_ROOT/.env.example" "$WQ_ROOT/.env"
    log "created .env from .env.example"
  fi
  local key val
  while IFS=$'\t' read -r key val; do
    if [[ -z "${!key+x}" ]]; then
      export "$key=$val"
    else
      # shellcheck disable=SC2163  # exports the variable named by $key
      export "$key"                                  # already set by the caller: keep it
    fi
  done < <(_wq_parse_env_file "$WQ_ROOT/.env")
}
load_env

# Absolute paths derived from .env (DATA_DIR may be relative to the repo root).
: "${DATA_DIR:=.data}"
case "$DATA_DIR" in /*) WQ_DATA="$DATA_DIR" ;; *) WQ_DATA="$WQ_ROOT/$DATA_DIR" ;; esac
WQ_LOG="$WQ_DATA/log"
WQ_RUN="$WQ_DATA/run"
# Unix socket paths are limited to 107 bytes: fall back to /tmp for very deep checkouts.
if (( ${#WQ_RUN} > 80 )); then
  WQ_RUN="/tmp/weiquan-run-$(printf '%s' "$WQ_DATA" | md5sum | cut -c1-10)"
fi
WQ_PROC_RUN="$WQ_ROOT/.run"                            # api/worker pid + log files (scripts/start.sh)
export WQ_ROOT WQ_DATA WQ_LOG WQ_RUN WQ_PROC_RUN

# ---------------------------------------------------------------------------------------------
# tools
# ---------------------------------------------------------------------------------------------
_wq_sudo() { if [[ $EUID -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root (or sudo) to run: $*"; fi; }

ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1; then
    command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20 first"
    log "installing pnpm@$WQ_PNPM_VERSION (npm i -g)"
    if ! npm i -g "pnpm@$WQ_PNPM_VERSION" >/dev/null 2>&1; then
      _wq_sudo npm i -g "pnpm@$WQ_PNPM_VERSION" >/dev/null
    fi
    hash -r
    command -v pnpm >/dev/null 2>&1 || die "pnpm installed but not on PATH (npm prefix: $(npm prefix -g)/bin)"
  fi
}

# pnpm install, frozen when a lockfile exists.
pnpm_install() {
  local args=(install)
  [[ -f pnpm-lock.yaml ]] && args+=(--frozen-lockfile)
  log "pnpm ${args[*]}"
  pnpm "${args[@]}"
}

_WQ_APT_UPDATED=0
# ensure_apt PKG... — installs only the Debian packages that are not installed yet.
ensure_apt() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  (( ${#missing[@]} == 0 )) && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no apt-get: install them yourself"
  if (( _WQ_APT_UPDATED == 0 )); then
    log "apt-get update"
    _wq_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    _WQ_APT_UPDATED=1
  fi
  log "apt-get install ${missing[*]}"
  _wq_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# wait_for CMD TIMEOUT_S DESCRIPTION — evaluates CMD (quietly) every 0.25 s until it succeeds.
wait_for() {
  local cmd="$1" timeout="${2:-60}" what="${3:-$1}"
  local deadline=$(( SECONDS + timeout ))
  until eval "$cmd" >/dev/null 2>&1; do
    if (( SECONDS >= deadline )); then
      warn "timed out after ${timeout}s waiting for $what"
      return 1
    fi
    sleep 0.25
  done
}

# http_status URL — prints the HTTP status code (000 when nothing answers).
http_status() {
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -m 3 -w '%{http_code}' "$1" 2>/dev/null || true
  else
    node -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(3000)}).then(r=>console.log(r.status),()=>console.log("000"))' "$1"
  fi
}

# tail_log FILE [N] — prints the last lines of a log file, indented.
tail_log() {
  local f="$1" n="${2:-40}"
  if [[ -f "$f" ]]; then
    printf '[weiquan] ---- last %s lines of %s ----\n' "$n" "$f" >&2
    tail -n "$n" "$f" | sed 's/^/    /' >&2
  else
    printf '[weiquan] (no log file %s)\n' "$f" >&2
  fi
}

# pid_alive PIDFILE — true when the file names a running process.
pid_alive() {
  local pid
  [[ -f "$1" ]] || return 1
  pid="$(cat "$1" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  # a zombie (exited, not yet reaped) is not alive
  [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]]
}

# The demo accounts created by the seed (libs/core/src/seed). Single place the scripts print them from.
WQ_DEMO_PASSWORD='Weiquan@2026'
WQ_DEMO_LOGINS=(
  "admin|系统管理员（全市，用户管理）"
  "city_op|市中心 12315 受理员（全市）"
  "city_director|市中心主任（审批延期、立案）"
  "city_mediator|市中心维权服务工作室调解员"
  "supervisor|督办（纪检监察，全市只读为主）"
  "gl_county|鼓楼区中心受理员（县 A，仅本区）"
  "gl_director|鼓楼区中心主任"
  "gl_station|鼓东街道站点工作人员（仅本站点）"
  "hx_county|红星县中心受理员（县 B，仅本县）"
  "hx_station|红星镇站点工作人员"
)
print_demo_logins() {
  local row
  printf '[weiquan]   %-12s %-16s %s\n' "username" "password" "role"
  for row in "${WQ_DEMO_LOGINS[@]}"; do
    printf '[weiquan]   %-12s %-16s %s\n' "${row%%|*}" "$WQ_DEMO_PASSWORD" "${row#*|}"
  done
}

# ---------------------------------------------------------------------------------------------
# api / worker processes started by scripts/start.sh (pid + log files in .run/)
# ---------------------------------------------------------------------------------------------
# stop_app NAME — stops the process recorded in .run/NAME.pid (only if it still runs apps/NAME/dist/main.js).
stop_app() {
  local name="$1" pidfile="$WQ_PROC_RUN/$1.pid" pid i
  if ! pid_alive "$pidfile"; then
    rm -f "$pidfile"
    return 0
  fi
  pid="$(cat "$pidfile")"
  if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "apps/$name/dist/main.js"; then
    warn "pid $pid in $pidfile is not the $name any more: leaving it alone"
    rm -f "$pidfile"
    return 0
  fi
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for (( i = 0; i < 60; i++ )); do
    pid_alive "$pidfile" || break
    sleep 0.25
  done
  if pid_alive "$pidfile"; then
    warn "$name did not stop within 15 s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# The address to show/probe for the API (a wildcard bind is reachable on loopback).
api_base_url() {
  local host="${API_HOST:-127.0.0.1}"
  case "$host" in ""|0.0.0.0|::|"[::]") host=127.0.0.1 ;; esac
  printf 'http://%s:%s' "$host" "${API_PORT:-3300}"
}
