import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type IORedis from 'ioredis';
import { BlockList, isIP } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Actor,
  apiClientActor,
  apiKeyPrefix,
  AppConfig,
  AppError,
  Clock,
  ErrorCode,
  hashApiKey,
  REDIS,
} from '@weiquan/core';
import { ApiOperation } from '@weiquan/shared';

/** Requests per minute of a client whose own limit is not set. */
export const DEFAULT_CLIENT_RATE_LIMIT_PER_MIN = 600;
/** last_used_at is written at most this often per key (a write per request would cost every call a row lock). */
const LAST_USED_GRANULARITY_MS = 60_000;

interface KeyRow {
  key_id: number;
  key_hash: string;
  revoked_at: Date | null;
  last_used_at: Date | null;
  client_id: number;
  name: string;
  unit_id: number;
  operations: string;
  allowed_sources: string;
  rate_limit_per_min: number | null;
  active: number;
  path: string;
}

/**
 * `Authorization: ApiKey wq_<prefix>_<secret>`: the key, its client and the client's unit in one
 * statement on every request — never cached, so a revoked key or a disabled client stops at once.
 * Then the client's allowed source addresses and its requests-per-minute limit (a fixed one-minute window in Redis).
 */
@Injectable()
export class ApiKeyAuthService {
  private readonly rateKeyPrefix: string;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: IORedis,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.rateKeyPrefix = `${config.QUEUE_PREFIX}:api-rate`;
  }

  async authenticate(key: string, sourceIp: string | undefined): Promise<Actor> {
    const prefix = apiKeyPrefix(key);
    const rows: KeyRow[] = prefix
      ? await this.ds.query(
          `SELECT k.id AS key_id, k.key_hash, k.revoked_at, k.last_used_at, c.id AS client_id, c.name, c.unit_id,
                  c.operations, c.allowed_sources, c.rate_limit_per_min, c.active, o.path
             FROM api_client_key k JOIN api_client c ON c.id = k.client_id JOIN org_unit o ON o.id = c.unit_id
            WHERE k.prefix = ?`,
          [prefix],
        )
      : [];
    const row = rows[0];
    const ok =
      !!row &&
      !row.revoked_at &&
      !!Number(row.active) &&
      timingSafeEqual(Buffer.from(hashApiKey(key)), Buffer.from(row.key_hash));
    if (!ok) throw new AppError(ErrorCode.UNAUTHENTICATED, 'API 密钥无效或已吊销');
    const allowed = JSON.parse(row.allowed_sources) as string[];
    if (allowed.length && !sourceAllowed(allowed, sourceIp))
      throw new AppError(ErrorCode.FORBIDDEN, '调用来源地址不在该接口客户端允许的范围内');
    await this.countRequest(Number(row.client_id), row.rate_limit_per_min ?? DEFAULT_CLIENT_RATE_LIMIT_PER_MIN);
    await this.touch(row);
    return apiClientActor(
      {
        id: Number(row.client_id),
        name: row.name,
        unitId: Number(row.unit_id),
        operations: JSON.parse(row.operations) as ApiOperation[],
      },
      row.path,
    );
  }

  private async countRequest(clientId: number, limit: number): Promise<void> {
    const now = this.clock.now().getTime();
    const minute = Math.floor(now / 60_000);
    const key = `${this.rateKeyPrefix}:${clientId}:${minute}`;
    const [[, n]] = (await this.redis.multi().incr(key).pexpire(key, 120_000).exec()) as [[null, number]];
    if (n > limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000));
      throw new AppError(
        ErrorCode.TOO_MANY_REQUESTS,
        `调用过于频繁（每分钟最多 ${limit} 次），请 ${retryAfterSeconds} 秒后重试`,
        undefined,
        { retryAfterSeconds, limitPerMinute: limit },
      );
    }
  }

  private async touch(row: KeyRow): Promise<void> {
    const now = this.clock.now();
    if (row.last_used_at && now.getTime() - new Date(row.last_used_at).getTime() < LAST_USED_GRANULARITY_MS) return;
    await this.ds.query('UPDATE api_client_key SET last_used_at = ? WHERE id = ?', [now, row.key_id]);
  }
}

/** True when the address is one of the allowed addresses or inside one of the allowed CIDR ranges. */
export function sourceAllowed(allowed: readonly string[], ip: string | undefined): boolean {
  if (!ip) return false;
  const addr = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  const family = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
  const list = new BlockList();
  for (const entry of allowed) {
    const [net, bits] = entry.split('/');
    const type = isIP(net!) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(net!, type);
    else list.addSubnet(net!, Number(bits), type);
  }
  return list.check(addr, family);
}
