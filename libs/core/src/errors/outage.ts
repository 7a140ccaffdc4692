/**
 * Is this error the database or Redis being unreachable (restarting, connection lost, refused), rather
 * than a fault of the request or the code? Such a request may be retried: the API answers it with
 * SERVICE_UNAVAILABLE instead of INTERNAL_SERVER_ERROR (#12 item 19). Walks the wrappers (see below).
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTCONN',
  // mysql2
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_CONNECTION_KILLED',
  'ER_NORMAL_SHUTDOWN',
  'ER_SERVER_GONE_ERROR',
  'CR_SERVER_GONE_ERROR',
  'CR_SERVER_LOST',
]);
// MariaDB/MySQL error numbers: 1053 server shutdown, 1040 too many connections, 1927 connection killed,
// 2002/2003 cannot connect, 2006 server has gone away, 2013 lost connection during query.
const DB_ERRNOS = new Set([1053, 1040, 1927, 2002, 2003, 2006, 2013]);
const MESSAGES = [
  /Connection is closed/i, // ioredis, command on a closed connection
  /Reached the max retries per request limit/i, // ioredis MaxRetriesPerRequestError
  /Stream isn't writeable and enableOfflineQueue options is false/i, // ioredis
  /Can't add new command when connection is in closed state/i, // mysql2
  /Pool is closed/i, // mysql2
  /connect ECONNREFUSED/i,
];

export function isOutage(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const x = e as { code?: unknown; errno?: unknown; message?: unknown; name?: unknown; fatal?: unknown };
    if (typeof x.code === 'string' && NETWORK_CODES.has(x.code)) return true;
    if (typeof x.errno === 'number' && DB_ERRNOS.has(x.errno)) return true;
    if (x.name === 'MaxRetriesPerRequestError') return true;
    if (typeof x.message === 'string' && MESSAGES.some((re) => re.test(x.message as string))) return true;
    // TypeORM's driverError, the standard cause, GraphQL's originalError, and graphql-js's NonErrorThrown
    // (mysql2's pool rejects a failed connect with a plain object, which graphql-js wraps as thrownValue).
    const w = e as { driverError?: unknown; cause?: unknown; originalError?: unknown; thrownValue?: unknown };
    e = w.driverError ?? w.cause ?? w.originalError ?? w.thrownValue;
  }
  return false;
}

/**
 * Did the database give up on the transaction because of another one (a deadlock, which rolls it back
 * whole, or a lock wait past innodb_lock_wait_timeout)? Nothing of it committed: the caller may run the
 * whole transaction again, as InnoDB's documentation asks applications to.
 */
export function isLockContention(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: unknown; errno?: unknown } } | null)?.driverError ?? error;
  const { code, errno } = (driver ?? {}) as { code?: unknown; errno?: unknown };
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || errno === 1213 || errno === 1205;
}
