import express from 'express';
import { ErrorCode } from '@weiquan/core';

/**
 * Body parsing for /graphql that answers transport errors in the GraphQL error shape with a stable code
 * (instead of express's HTML error pages): malformed JSON → 400 BAD_REQUEST, a body over the limit →
 * 413 PAYLOAD_TOO_LARGE, a POST that is not JSON → 415 UNSUPPORTED_MEDIA_TYPE. Mounted before the
 * application-wide JSON parser, which then leaves the parsed body alone.
 */
export function graphqlBodyParser(limit: string): express.RequestHandler {
  const json = express.json({ limit });
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    if (!req.is('application/json'))
      return fail(res, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, '请求须为 JSON（Content-Type: application/json）');
    json(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { type?: string; status?: number };
      if (e.type === 'entity.too.large') return fail(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `请求体超过 ${limit}`);
      if (e.type === 'entity.parse.failed') return fail(res, 400, ErrorCode.BAD_REQUEST, '请求体不是有效的 JSON');
      return fail(res, e.status && e.status < 500 ? e.status : 400, ErrorCode.BAD_REQUEST, '无法读取请求体');
    });
  };
}

function fail(res: express.Response, status: number, code: string, message: string): void {
  res
    .status(status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
