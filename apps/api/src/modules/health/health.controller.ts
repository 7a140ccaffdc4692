import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '@weiquan/core';
import { Public } from '../../common/permission.decorator';

const TIMEOUT_MS = 2000;

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  /** The process is up (for restarts). */
  @Get('live')
  @Public()
  live() {
    return { status: 'ok' };
  }

  /** Ready to serve: MariaDB and Redis both answer. 503 names what is down. */
  @Get('ready')
  @Public()
  @HttpCode(200)
  async ready() {
    const [db, redis] = await Promise.all([check(() => this.ds.query('SELECT 1')), check(() => this.redis.ping())]);
    const body = {
      status: db && redis ? 'ok' : 'unavailable',
      checks: { database: db ? 'up' : 'down', redis: redis ? 'up' : 'down' },
    };
    if (body.status !== 'ok') throw new ServiceUnavailableException(body);
    return body;
  }
}

async function check(fn: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, rej) => (timer = setTimeout(() => rej(new Error('timeout')), TIMEOUT_MS))),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
