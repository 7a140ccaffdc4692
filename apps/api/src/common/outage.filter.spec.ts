import { ArgumentsHost, NotFoundException } from '@nestjs/common';
import { AbstractHttpAdapter, HttpAdapterHost } from '@nestjs/core';
import { AppError, ErrorCode } from '@weiquan/core';
import { OutageFilter } from './outage.filter';

/** A fake HTTP (or GraphQL) host whose response records status and body. */
function host(type: 'http' | 'graphql' = 'http') {
  const sent: { status?: number; body?: unknown } = {};
  const res = {
    status(s: number) {
      sent.status = s;
      return this;
    },
    json(b: unknown) {
      sent.body = b;
      return this;
    },
  };
  const h = {
    getType: () => type,
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({}) }),
    getArgByIndex: (i: number) => [{}, res][i],
    getArgs: () => [{}, res],
  } as unknown as ArgumentsHost;
  return { h, sent };
}

function filter() {
  const f = new OutageFilter();
  // Nest's own filter answers through the HTTP adapter: one that records like the fake response.
  const adapter = {
    reply: (res: { status(s: number): { json(b: unknown): unknown } }, body: unknown, status: number) =>
      res.status(status).json(body),
    isHeadersSent: () => false,
    end: () => undefined,
  } as unknown as AbstractHttpAdapter;
  (f as unknown as { httpAdapterHost: HttpAdapterHost }).httpAdapterHost = { httpAdapter: adapter } as HttpAdapterHost;
  return f;
}

describe('OutageFilter (REST)', () => {
  // What the drivers throw when MariaDB or Redis is away: mysql2's plain-object refusal, a TypeORM
  // wrapper, ioredis's closed connection and its retry limit.
  it.each([
    ['mysql2 refused', { code: 'ECONNREFUSED', errno: -111, fatal: true }],
    ['TypeORM QueryFailedError', Object.assign(new Error('x'), { driverError: { errno: 2013 } })],
    ['ioredis closed', new Error('Connection is closed.')],
    [
      'ioredis retries',
      Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' }),
    ],
  ])('answers %s with 503 SERVICE_UNAVAILABLE', (_name, error) => {
    const { h, sent } = host();
    filter().catch(error, h);
    expect(sent).toEqual({
      status: 503,
      body: { code: ErrorCode.SERVICE_UNAVAILABLE, message: '服务暂时不可用，请稍后重试' },
    });
  });

  it('answers an AppError with its code and status, and other errors as Nest does (a fault stays a 500)', () => {
    let { h, sent } = host();
    filter().catch(new AppError(ErrorCode.FORBIDDEN, '无权访问'), h);
    expect(sent).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: '无权访问' } });
    ({ h, sent } = host());
    filter().catch(new NotFoundException(), h);
    expect(sent.status).toBe(404);
    ({ h, sent } = host());
    filter().catch(new TypeError('a bug'), h);
    expect(sent).toEqual({ status: 500, body: { statusCode: 500, message: 'Internal server error' } });
  });

  it('leaves GraphQL to formatGraphQLError', () => {
    const e = { code: 'ECONNREFUSED' };
    expect(() => filter().catch(e, host('graphql').h)).toThrow();
  });
});
