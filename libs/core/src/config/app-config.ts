import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateBy,
} from 'class-validator';
import { resolve } from 'node:path';
import { parseSendingWindow, SendingWindow } from '../notification/quiet-hours';
import { loadEnvFile } from './env-file';
import { productionSecretProblems } from './production-secrets';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

const MIB = 1024 * 1024;
// type/subtype tokens (RFC 6838 restricted names), comma-separated.
const MIME_TOKEN = '[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*';
const MIME_LIST = new RegExp(`^\\s*${MIME_TOKEN}(\\s*,\\s*${MIME_TOKEN})*\\s*$`);
const DEFAULT_EVIDENCE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'audio/mpeg',
  'audio/wav',
  'video/mp4',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document', // .docx
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', // .xlsx
].join(',');

/** The one place configuration is read and validated. Nothing else reads process.env. */
export class AppConfig {
  @IsIn(['development', 'test', 'production']) NODE_ENV = 'development';
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';

  @IsString() API_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) API_PORT = 3300;
  // API processes sharing the port (node:cluster). The API keeps no state between requests, so more
  // processes scale it across cores; 1 = a single process (development, tests).
  @Transform(toInt) @IsInt() @Min(1) @Max(64) API_WORKERS = 1;
  @IsOptional() @IsString() WEB_DIST = 'apps/web/dist';
  @IsString() CORS_ORIGINS = '';

  @IsString() @IsNotEmpty() DB_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() DB_PORT = 3307;
  // A Unix socket to a database on the same host (cheaper than loopback TCP per statement); empty = TCP.
  @IsOptional() @IsString() DB_SOCKET = '';
  // 1 = print every SQL statement (a developer's tool for counting round trips).
  @IsIn(['0', '1']) DB_LOG_QUERIES = '0';
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
  // Login throttling (Redis, shared by all API processes): attempts per window per client address and
  // per username, before any password check. An office behind one NAT address shares the first.
  @Transform(toInt) @IsInt() @Min(1) LOGIN_RATE_PER_IP = 30;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_RATE_PER_ACCOUNT = 10;
  @Transform(toInt) @IsInt() @Min(1) @Max(3600) LOGIN_RATE_WINDOW_SECONDS = 60;
  // Express 'trust proxy': which proxies' X-Forwarded-For names the client address (throttling, logs).
  // 'loopback' for an nginx on the same host; docker/ sets the compose network's range.
  @IsString() @IsNotEmpty() TRUST_PROXY = 'loopback';

  // How far back a case's receivedAt may lie (Order 121's limit for accepting a complaint; 3 years).
  @Transform(toInt) @IsInt() @Min(1) @Max(20) RECEIVED_AT_MAX_AGE_YEARS = 3;

  @IsString() DATA_DIR = '.data';
  @IsString() STORAGE_DIR = '.data/storage';
  // Uploads are held in memory until checked, so the ceiling is kept well below the process's heap.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100 * MIB, { message: 'EVIDENCE_MAX_BYTES 最大 104857600（100 MiB）' })
  EVIDENCE_MAX_BYTES = 20 * MIB;
  @Matches(MIME_LIST, { message: 'EVIDENCE_ALLOWED_TYPES 须为逗号分隔的 MIME 类型，如 image/png,application/pdf' })
  EVIDENCE_ALLOWED_TYPES = DEFAULT_EVIDENCE_TYPES;

  // Consumer SMS: held outside the sending hours (Shanghai time), retried with exponential backoff.
  @ValidateBy(
    { name: 'isSendingWindow', validator: { validate: (v) => typeof v === 'string' && parseSendingWindow(v) != null } },
    { message: 'SMS_SENDING_HOURS 须为 HH:MM-HH:MM 且开始早于结束，如 08:00-21:00' },
  )
  SMS_SENDING_HOURS = '08:00-21:00';
  @Transform(toInt) @IsInt() @Min(1) @Max(20) SMS_MAX_ATTEMPTS = 5;
  @Transform(toInt) @IsInt() @Min(10) SMS_RETRY_BASE_MS = 30_000;

  // The public site (#16): its built app (served under /gongkai/), and the throttles of its operations
  // (Redis, all API processes). Addresses in PUBLIC_THROTTLE_EXEMPT are not throttled (the bench's own).
  @IsOptional() @IsString() PUBLIC_DIST = 'apps/public/dist';
  @Transform(toInt) @IsInt() @Min(1) PUBLIC_LOOKUPS_PER_MINUTE = 60;
  @Transform(toInt) @IsInt() @Min(1) PUBLIC_FAILED_LOOKUPS_PER_ADDRESS = 10; // per 15 minutes
  @Transform(toInt) @IsInt() @Min(1) PUBLIC_FAILED_LOOKUPS_PER_CASE = 5; // per hour, whoever tries
  @Transform(toInt) @IsInt() @Min(1) PUBLIC_SUBMISSIONS_PER_ADDRESS_DAY = 10;
  @Transform(toInt) @IsInt() @Min(1) PUBLIC_SUBMISSIONS_PER_PHONE_DAY = 3;
  @IsString() PUBLIC_THROTTLE_EXEMPT = '';
  @Transform(toInt) @IsInt() @Min(1) @Max(20 * MIB) PUBLIC_EVIDENCE_MAX_BYTES = 5 * MIB;
  // 公示: a concluded, consented complaint is published this many days after its conclusion.
  @Transform(toInt) @IsInt() @Min(0) @Max(365) PUBLIC_PUBLICATION_DELAY_DAYS = 15;
  // 监督电话 shown on the public site (效能建设的监督机构和举报电话).
  @IsString() PUBLIC_SUPERVISION_PHONE = '12315';

  get isTest(): boolean {
    return this.NODE_ENV === 'test';
  }
  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  /** EVIDENCE_ALLOWED_TYPES as lower-case MIME types. */
  get evidenceAllowedTypes(): ReadonlySet<string> {
    return new Set(
      this.EVIDENCE_ALLOWED_TYPES.split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    );
  }
  /** SMS_SENDING_HOURS parsed (validated at boot). */
  get smsSendingWindow(): SendingWindow {
    return parseSendingWindow(this.SMS_SENDING_HOURS)!;
  }
  get publicDistPath(): string | null {
    return this.PUBLIC_DIST ? resolve(this.PUBLIC_DIST) : null;
  }
  get publicThrottleExempt(): ReadonlySet<string> {
    return new Set(
      this.PUBLIC_THROTTLE_EXEMPT.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
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
  const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  // API and worker both boot through here, so neither starts in production with a published secret.
  if (config.NODE_ENV === 'production') lines.push(...productionSecretProblems(config).map((p) => `  ${p}`));
  if (lines.length) throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  return config;
}
