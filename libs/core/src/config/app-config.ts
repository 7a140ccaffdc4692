import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';
import { resolve } from 'node:path';
import { loadEnvFile } from './env-file';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** The one place configuration is read and validated. Nothing else reads process.env. */
export class AppConfig {
  @IsIn(['development', 'test', 'production']) NODE_ENV = 'development';
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';

  @IsString() API_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) API_PORT = 3300;
  @IsOptional() @IsString() WEB_DIST = 'apps/web/dist';
  @IsString() CORS_ORIGINS = '';

  @IsString() @IsNotEmpty() DB_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() DB_PORT = 3307;
  @IsString() @IsNotEmpty() DB_NAME = 'weiquan';
  @IsString() @IsNotEmpty() DB_USER = 'weiquan';
  @IsString() DB_PASSWORD = '';
  @Transform(toInt) @IsInt() @Min(1) DB_POOL_SIZE = 20;

  @IsString() REDIS_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() REDIS_PORT = 6380;
  @Transform(toInt) @IsInt() @Min(0) REDIS_DB = 0;
  @IsString() @IsNotEmpty() QUEUE_PREFIX = 'wq';

  @IsString() @MinLength(32, { message: 'JWT_SECRET 至少 32 个字符' }) JWT_SECRET = '';
  @Transform(toInt) @IsInt() @Min(60) ACCESS_TOKEN_TTL_SECONDS = 900;
  @Transform(toInt) @IsInt() @Min(1) REFRESH_TOKEN_TTL_DAYS = 14;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_MAX_FAILURES = 5;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_LOCK_MINUTES = 15;

  @IsString() DATA_DIR = '.data';
  @IsString() STORAGE_DIR = '.data/storage';

  get isTest(): boolean {
    return this.NODE_ENV === 'test';
  }
  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  }
  get webDistPath(): string | null {
    return this.WEB_DIST ? resolve(this.WEB_DIST) : null;
  }
}

/** Reads .env (if present) and the environment once, validates, and fails loudly naming each bad variable. */
export function loadConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  loadEnvFile();
  const source = { ...process.env, ...overrides };
  const known = Object.keys(new AppConfig());
  const picked: Record<string, unknown> = {};
  for (const k of known) if (source[k] !== undefined) picked[k] = source[k];
  const config = plainToInstance(AppConfig, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  if (errors.length) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
