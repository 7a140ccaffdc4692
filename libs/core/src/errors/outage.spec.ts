import { createConnection } from 'mysql2/promise';
import { createServer } from 'node:net';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';
import { isLockContention, isOutage } from './outage';

const withCode = (code: string, errno?: number) => Object.assign(new Error(`driver ${code}`), { code, errno });

describe('isOutage: the database or Redis unreachable, not a fault of the request', () => {
  it.each([
    ['mysql2 refused', withCode('ECONNREFUSED')],
    ['mysql2 lost', withCode('PROTOCOL_CONNECTION_LOST')],
    ['server shutdown 1053', withCode('ER_SERVER_SHUTDOWN', 1053)],
    ['gone away 2006 (code unknown)', withCode('X', 2006)],
    ['lost during query 2013', withCode('X', 2013)],
    ['connection killed 1927', withCode('ER_CONNECTION_KILLED', 1927)],
    ['too many connections', withCode('ER_CON_COUNT_ERROR', 1040)],
    ['reset', withCode('ECONNRESET')],
    ['closed state', new Error("Can't add new command when connection is in closed state")],
    ['ioredis closed', new Error('Connection is closed.')],
    [
      'ioredis retries',
      Object.assign(new Error('Reached the max retries per request limit (which is 1).'), {
        name: 'MaxRetriesPerRequestError',
      }),
    ],
    ['TypeORM-wrapped', new QueryFailedError('INSERT …', [], withCode('PROTOCOL_CONNECTION_LOST'))],
    ['in a cause chain', new Error('outer', { cause: new Error('middle', { cause: withCode('ECONNREFUSED') }) })],
    ['GraphQL-wrapped', Object.assign(new Error('wrapped'), { originalError: withCode('ETIMEDOUT') })],
    // What the DB restart test met: mysql2's pool rejects with a plain object, graphql-js wraps it.
    [
      'graphql-js NonErrorThrown of a plain object',
      Object.assign(new Error('Unexpected error value: { errno: -111, code: "ECONNREFUSED" }'), {
        name: 'NonErrorThrown',
        thrownValue: { errno: -111, code: 'ECONNREFUSED', syscall: 'connect', fatal: true },
      }),
    ],
    ['a plain object', { errno: -111, code: 'ECONNREFUSED', fatal: true }],
  ])('%s → outage', (_name, error) => {
    expect(isOutage(error)).toBe(true);
  });

  it.each([
    ['duplicate key', withCode('ER_DUP_ENTRY', 1062)],
    ['deadlock', withCode('ER_LOCK_DEADLOCK', 1213)],
    ['bad SQL', new QueryFailedError('SELEC', [], withCode('ER_PARSE_ERROR', 1064))],
    ['an answer', AppError.conflict()],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['null', null],
    ['a string', 'ECONNREFUSED'],
    [
      'a cycle',
      (() => {
        const e: Error & { cause?: unknown } = new Error('a');
        e.cause = e;
        return e;
      })(),
    ],
  ])('%s → not an outage', (_name, error) => {
    expect(isOutage(error)).toBe(false);
  });

  it('recognises the error mysql2 really raises when nothing listens on the port', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const error = await createConnection({ host: '127.0.0.1', port, user: 'x', connectTimeout: 2000 }).catch(
      (e: unknown) => e,
    );
    expect(isOutage(error)).toBe(true);
  });
});

describe('isLockContention', () => {
  it('knows a deadlock and a lock wait timeout, through TypeORM’s wrapper or bare, and nothing else', () => {
    const wrapped = (driverError: object) => Object.assign(new Error('query failed'), { driverError });
    expect(isLockContention(wrapped({ code: 'ER_LOCK_DEADLOCK', errno: 1213 }))).toBe(true);
    expect(isLockContention(wrapped({ code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205 }))).toBe(true);
    expect(isLockContention({ errno: 1213 })).toBe(true);
    expect(isLockContention(wrapped({ code: 'ER_DUP_ENTRY', errno: 1062 }))).toBe(false);
    expect(isLockContention(new Error('Deadlock'))).toBe(false);
    expect(isLockContention(null)).toBe(false);
  });
});
