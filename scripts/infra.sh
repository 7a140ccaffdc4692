#!/usr/bin/env bash
# Weiquan — local MariaDB + Redis for development and tests, without systemd or Docker.
#
#   bash scripts/infra.sh up [--test]   install (apt) if missing, start both, create database(s) + app user
#                                       --test: (re)create ONLY $DB_TEST_NAME, empty, and FLUSHDB $REDIS_TEST_DB
#   bash scripts/infra.sh down          shut both down cleanly
#   bash scripts/infra.sh status        print whether each answers (exit 1 when one does not)
#
# Everything lives under $DATA_DIR (default .data): mariadb/ redis/ log/ run/ — own port, socket and pid
# files, never the system ones (/run/mysqld, /var/lib/mysql), so several checkouts can run side by side
# on different DB_PORT / REDIS_PORT.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

: "${DB_PORT:?DB_PORT missing in .env}" "${REDIS_PORT:?REDIS_PORT missing in .env}"
: "${DB_NAME:?}" "${DB_TEST_NAME:?}" "${DB_USER:?}" "${DB_PASSWORD:?}" "${REDIS_TEST_DB:?}"

MARIADB_DATA="$WQ_DATA/mariadb"
MARIADB_SOCK="$WQ_RUN/mariadb.sock"
MARIADB_PID="$WQ_RUN/mariadb.pid"
MARIADB_ERR="$WQ_LOG/mariadb.err"
REDIS_DATA="$WQ_DATA/redis"
REDIS_PID="$WQ_RUN/redis.pid"
REDIS_LOG="$WQ_LOG/redis.log"
OS_USER="$(id -un)"

# Clients never read /etc/mysql/*.cnf (it points at the system socket).
db_root()   { mariadb --no-defaults --socket="$MARIADB_SOCK" -uroot "$@"; }
db_ping()   { mariadb-admin --no-defaults --socket="$MARIADB_SOCK" -uroot --connect-timeout=2 ping >/dev/null 2>&1; }
rcli()      { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }
redis_ping(){ [[ "$(rcli ping 2>/dev/null)" == "PONG" ]]; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
sql_str()   { local s="${1//\\/\\\\}"; s="${s//\'/\'\'}"; printf "'%s'" "$s"; }
check_ident() { [[ "$2" =~ ^[A-Za-z0-9_]+$ ]] || die "$1='$2' must match [A-Za-z0-9_]+"; }

ensure_packages() {
  # mariadb-plugin-mroonga: the full-text engine of the case keyword search (bigram index, README).
  ensure_apt mariadb-server mariadb-client mariadb-plugin-mroonga redis-server redis-tools
}

# ------------------------------------------------------------------------------------------ MariaDB
mariadb_up() {
  if db_ping; then
    log "mariadb already running (127.0.0.1:$DB_PORT, datadir $MARIADB_DATA)"
    return 0
  fi
  mkdir -p "$MARIADB_DATA" "$WQ_RUN" "$WQ_LOG"
  if pid_alive "$MARIADB_PID"; then
    log "mariadb process $(cat "$MARIADB_PID") exists but does not answer yet: waiting"
  else
    if port_open "$DB_PORT"; then
      die "port $DB_PORT is already used by another process (another checkout?). Set DB_PORT in .env to a free port."
    fi
    rm -f "$MARIADB_PID" "$MARIADB_SOCK"
    if [[ ! -d "$MARIADB_DATA/mysql" ]]; then
      log "initialising mariadb datadir $MARIADB_DATA"
      if ! mariadb-install-db --no-defaults --datadir="$MARIADB_DATA" --user="$OS_USER" \
            --auth-root-authentication-method=socket --auth-root-socket-user="$OS_USER" \
            --skip-test-db >"$WQ_LOG/mariadb-install.log" 2>&1; then
        tail_log "$WQ_LOG/mariadb-install.log"
        rm -rf "$MARIADB_DATA"
        die "mariadb-install-db failed"
      fi
    fi
    log "starting mariadb on 127.0.0.1:$DB_PORT"
    # setsid: the server must outlive this script and its process group.
    setsid nohup mariadbd --no-defaults \
      --user="$OS_USER" \
      --datadir="$MARIADB_DATA" \
      --socket="$MARIADB_SOCK" \
      --pid-file="$MARIADB_PID" \
      --bind-address=127.0.0.1 \
      --port="$DB_PORT" \
      --character-set-server=utf8mb4 \
      --collation-server=utf8mb4_unicode_ci \
      --default-time-zone=+00:00 \
      --skip-name-resolve \
      --innodb-buffer-pool-size="${DB_BUFFER_POOL:-1G}" \
      --log-error="$MARIADB_ERR" \
      </dev/null >>"$WQ_LOG/mariadb.out" 2>&1 &
  fi
  if ! wait_for db_ping 60 "mariadb to answer on $MARIADB_SOCK"; then
    tail_log "$MARIADB_ERR"
    tail_log "$WQ_LOG/mariadb.out" 10
    die "mariadb did not start"
  fi
  log "mariadb is up"
  mroonga_enable
}

# The keyword search's tables are Mroonga tables (migration 1765600000000): enable the engine once per
# datadir (INSTALL SONAME is remembered in mysql.plugin across restarts, CREATE FUNCTION in mysql.func).
mroonga_enable() {
  local ok
  ok="$(db_root -N -e "SELECT COUNT(*) FROM information_schema.ENGINES WHERE ENGINE = 'Mroonga' AND SUPPORT IN ('YES', 'DEFAULT')")"
  if [[ "$ok" != 1 ]]; then
    log "enabling the Mroonga storage engine (full-text search)"
    db_root -e "INSTALL SONAME 'ha_mroonga'" || die "INSTALL SONAME 'ha_mroonga' failed (is mariadb-plugin-mroonga installed?)"
  fi
  # The search runs one Groonga select per keyword page through this function (migration 1765600100000);
  # a function, like the plugin, is created once per datadir and only the root may create it.
  db_root -e "CREATE FUNCTION IF NOT EXISTS mroonga_command RETURNS STRING SONAME 'ha_mroonga.so'" \
    || die "CREATE FUNCTION mroonga_command failed (is mariadb-plugin-mroonga installed?)"
}

mariadb_setup() {
  local test_mode="$1"
  check_ident DB_NAME "$DB_NAME"; check_ident DB_TEST_NAME "$DB_TEST_NAME"; check_ident DB_USER "$DB_USER"
  local main_db="$DB_NAME" pw sql="" host
  pw="$(sql_str "$DB_PASSWORD")"
  if [[ "$test_mode" == 1 ]]; then
    # DB_NAME may have been pointed at the test DB by scripts/test.sh: compare with what .env says.
    local env_db; env_db="$(dotenv_get DB_NAME)"
    [[ "$DB_TEST_NAME" != "${env_db:-$DB_TEST_NAME.}" ]] || die "DB_TEST_NAME equals DB_NAME ($env_db) in .env: refusing to drop it"
    [[ -n "$env_db" ]] && check_ident DB_NAME "$env_db" && main_db="$env_db"
    log "recreating test database $DB_TEST_NAME (empty)"
    sql+="DROP DATABASE IF EXISTS \`$DB_TEST_NAME\`;"
    sql+="CREATE DATABASE \`$DB_TEST_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  else
    sql+="CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  fi
  for host in localhost 127.0.0.1; do
    sql+="CREATE USER IF NOT EXISTS '$DB_USER'@'$host' IDENTIFIED BY $pw;"
    sql+="ALTER USER '$DB_USER'@'$host' IDENTIFIED BY $pw;"
    sql+="GRANT ALL PRIVILEGES ON \`$main_db\`.* TO '$DB_USER'@'$host';"
    sql+="GRANT ALL PRIVILEGES ON \`$DB_TEST_NAME\`.* TO '$DB_USER'@'$host';"
  done
  db_root -e "$sql" || die "creating databases / user '$DB_USER' failed"
  if [[ "$test_mode" == 1 ]]; then
    log "database $DB_TEST_NAME ready for user $DB_USER"
  else
    log "database $DB_NAME ready for user $DB_USER (also granted on $DB_TEST_NAME)"
  fi
}

mariadb_down() {
  if ! db_ping; then
    if pid_alive "$MARIADB_PID"; then
      log "mariadb not answering: sending SIGTERM to $(cat "$MARIADB_PID")"
      kill "$(cat "$MARIADB_PID")" || true
    else
      log "mariadb is not running"
      return 0
    fi
  else
    log "stopping mariadb"
    mariadb-admin --no-defaults --socket="$MARIADB_SOCK" -uroot shutdown >/dev/null 2>&1 || true
  fi
  wait_for "! pid_alive '$MARIADB_PID' && ! db_ping" 60 "mariadb to stop" || die "mariadb did not stop (pid file $MARIADB_PID)"
  log "mariadb stopped"
}

# ------------------------------------------------------------------------------------------ Redis
redis_is_ours() { [[ "$(rcli --raw config get dir 2>/dev/null | sed -n 2p)" == "$REDIS_DATA" ]]; }

redis_up() {
  if redis_ping; then
    redis_is_ours || die "port $REDIS_PORT answers as a Redis that is not ours (dir $(rcli --raw config get dir | sed -n 2p)). Set REDIS_PORT in .env to a free port."
    log "redis already running (127.0.0.1:$REDIS_PORT, dir $REDIS_DATA)"
  else
    port_open "$REDIS_PORT" && die "port $REDIS_PORT is already used by another process. Set REDIS_PORT in .env to a free port."
    mkdir -p "$REDIS_DATA" "$WQ_RUN" "$WQ_LOG"
    rm -f "$REDIS_PID"
    log "starting redis on 127.0.0.1:$REDIS_PORT"
    redis-server \
      --bind 127.0.0.1 --port "$REDIS_PORT" \
      --dir "$REDIS_DATA" \
      --daemonize yes --pidfile "$REDIS_PID" --logfile "$REDIS_LOG" \
      --maxmemory-policy noeviction \
      --hz 100 \
      --appendonly yes \
      </dev/null >>"$WQ_LOG/redis.out" 2>&1 || { tail_log "$WQ_LOG/redis.out" 10; tail_log "$REDIS_LOG"; die "redis-server failed to start"; }
    if ! wait_for redis_ping 60 "redis to answer on port $REDIS_PORT"; then
      tail_log "$REDIS_LOG"
      die "redis did not start"
    fi
    log "redis is up"
  fi
  local policy; policy="$(rcli --raw config get maxmemory-policy | sed -n 2p)"
  [[ "$policy" == noeviction ]] || warn "redis maxmemory-policy is '$policy' (BullMQ needs noeviction): run infra.sh down && up"
}

redis_flush_test_db() {
  local env_db; env_db="$(dotenv_get REDIS_DB)"
  [[ "$REDIS_TEST_DB" =~ ^[0-9]+$ ]] || die "REDIS_TEST_DB must be a number"
  [[ "$REDIS_TEST_DB" != "${env_db:-0}" ]] || die "REDIS_TEST_DB equals REDIS_DB ($env_db) in .env: refusing to flush it"
  rcli -n "$REDIS_TEST_DB" flushdb >/dev/null
  log "redis db $REDIS_TEST_DB flushed (test)"
}

redis_down() {
  if ! redis_ping; then
    log "redis is not running"
    return 0
  fi
  redis_is_ours || die "redis on port $REDIS_PORT is not ours: not stopping it"
  log "stopping redis"
  rcli shutdown save >/dev/null 2>&1 || true
  if redis_ping; then
    warn "redis 'shutdown save' failed; shutting down without saving (AOF is kept)"
    rcli shutdown nosave >/dev/null 2>&1 || true
  fi
  wait_for "! redis_ping && ! pid_alive '$REDIS_PID'" 30 "redis to stop" || die "redis did not stop"
  log "redis stopped"
}

# ------------------------------------------------------------------------------------------ main
cmd_status() {
  local ok=0
  if command -v mariadb-admin >/dev/null && db_ping; then
    log "mariadb: UP   127.0.0.1:$DB_PORT  socket $MARIADB_SOCK  datadir $MARIADB_DATA  ($(db_root -N -e 'select version()' 2>/dev/null))"
  else
    log "mariadb: DOWN (127.0.0.1:$DB_PORT, datadir $MARIADB_DATA)"; ok=1
  fi
  if command -v redis-cli >/dev/null && redis_ping; then
    local mine="ours"; redis_is_ours || mine="NOT ours: dir $(rcli --raw config get dir | sed -n 2p)"
    log "redis:   UP   127.0.0.1:$REDIS_PORT  ($mine, maxmemory-policy $(rcli --raw config get maxmemory-policy | sed -n 2p))"
  else
    log "redis:   DOWN (127.0.0.1:$REDIS_PORT, dir $REDIS_DATA)"; ok=1
  fi
  return $ok
}

usage() { echo "usage: bash scripts/infra.sh up [--test] | down | status | restart-mariadb [SECONDS_DOWN] | restart-redis [SECONDS_DOWN]" >&2; exit 2; }

case "${1:-}" in
  up)
    test_mode=0
    case "${2:-}" in --test) test_mode=1 ;; "") ;; *) usage ;; esac
    ensure_packages
    mariadb_up
    redis_up
    mariadb_setup "$test_mode"
    [[ "$test_mode" == 1 ]] && redis_flush_test_db
    log "infra ready: mariadb 127.0.0.1:$DB_PORT, redis 127.0.0.1:$REDIS_PORT"
    ;;
  down)
    command -v mariadb-admin >/dev/null && mariadb_down
    command -v redis-cli >/dev/null && redis_down
    ;;
  status) cmd_status ;;
  # Fault tests (apps/api/test/db-restart.int-spec.ts): a real shutdown of this checkout's MariaDB, SECONDS_DOWN
  # of outage, and a start on the same data directory.
  restart-mariadb)
    mariadb_down
    sleep "${2:-2}"
    mariadb_up
    ;;
  # Fault tests (apps/api/test/redis-restart.int-spec.ts): this checkout's Redis stopped without saving
  # (as a crash would), SECONDS_DOWN of outage, and a start on the same data directory.
  restart-redis)
    redis_is_ours || die "redis on port $REDIS_PORT is not ours: not restarting it"
    rcli shutdown nosave >/dev/null 2>&1 || true
    wait_for "! redis_ping && ! pid_alive '$REDIS_PID'" 30 "redis to stop" || die "redis did not stop"
    sleep "${2:-2}"
    redis_up
    ;;
  *) usage ;;
esac
