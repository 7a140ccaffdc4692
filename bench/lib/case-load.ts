// For the benchmarks: the bench database (created through the MariaDB root socket), a raw mysql2 pool,
// percentiles, process CPU, and the bulk load of cases (LOAD DATA LOCAL INFILE from a generator,
// secondary indexes and triggers dropped for the load and rebuilt afterwards). Used by
// cases.bench.ts and deadlines.bench.ts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { createDataSource, loadConfig, OrgUnitEntity, rebuildCaseCounts, UserEntity } from '@weiquan/core';
import type { AppConfig } from '@weiquan/core';
import { CaseKind, CaseState, Channel } from '@weiquan/shared';
import { BUSINESSES, CATEGORY_CONTENT, seededRandom } from '../../libs/core/src/seed/demo-case-content';
import { narrative } from '../../libs/testing/src/case-narrative';

export const ROOT = resolve(__dirname, '../..');
type DataSource = ReturnType<typeof createDataSource>;

// mysql2 is a dependency of libs/core; loaded from there (bench/ has no node_modules of its own).
export interface RawPool {
  query(sql: string | { sql: string; infileStreamFactory?: () => Readable }, values?: unknown[]): Promise<[any, any]>;
  end(): Promise<void>;
}
const mysql = createRequire(resolve(ROOT, 'libs/core/package.json'))('mysql2/promise') as {
  createPool(o: Record<string, unknown>): RawPool;
};

/** A raw mysql2 pool on the bench database (UTC, ids as strings), for bulk loads and the SQL baselines. */
export function createPool(config: AppConfig, db: string, connectionLimit = 2): RawPool {
  return mysql.createPool({
    host: config.DB_HOST,
    port: config.DB_PORT,
    user: config.DB_USER,
    password: config.DB_PASSWORD,
    database: db,
    connectionLimit,
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
}

export const log = (...a: unknown[]) => console.log('[bench]', ...a);
export const ms = (t0: number) => performance.now() - t0;
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

// ------------------------------------------------------------------------------------------ database
export function rootSql(config: AppConfig, sql: string): string {
  const sock = resolve(ROOT, config.DATA_DIR, 'run/mariadb.sock');
  return execFileSync('mariadb', ['--no-defaults', `--socket=${sock}`, '-uroot', '-N', '-B', '-e', sql], {
    encoding: 'utf8',
  });
}

/** Creates (fresh: drops and recreates) the bench database and grants the app user; never the dev or test database. */
export function ensureDatabase(config: AppConfig, DB: string, fresh: boolean): void {
  const own = [loadConfig().DB_NAME, process.env.DB_TEST_NAME ?? 'weiquan_test', 'weiquan_test'];
  if (!/^[A-Za-z0-9_]+$/.test(DB) || own.includes(DB))
    throw new Error(`BENCH_DB must be a plain name other than ${own.join(' and ')}: the bench drops and recreates it`);
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  let sql = fresh ? `DROP DATABASE IF EXISTS \`${DB}\`;` : '';
  sql += `CREATE DATABASE IF NOT EXISTS \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`;
  for (const host of ['localhost', '127.0.0.1']) {
    sql += `CREATE USER IF NOT EXISTS ${q(config.DB_USER)}@${q(host)} IDENTIFIED BY ${q(config.DB_PASSWORD)};`;
    sql += `GRANT ALL PRIVILEGES ON \`${DB}\`.* TO ${q(config.DB_USER)}@${q(host)};`;
  }
  rootSql(config, sql);
}

// ------------------------------------------------------------------------------------------ processes
/** CPU time (user + system) of the processes, in ms, from /proc (clock ticks of 10 ms). */
export function cpuMs(pids: (number | null)[]): number {
  let ticks = 0;
  for (const pid of pids) {
    if (!pid) continue;
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      /* exited */
    }
  }
  return ticks * 10;
}

// ------------------------------------------------------------------------------------------ bulk load
export interface Unit {
  id: number;
  code: string;
  path: string;
  type: string;
  parentId: number | null;
  workroom: string | null;
}

export const SH = 8 * 3_600_000;
export const DAY = 86_400_000;
const two = (n: number) => String(n).padStart(2, '0');
export function sqlTime(t: number): string {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

const OPEN_STATES: readonly (readonly [CaseState, number])[] = [
  ['REGISTERED', 10],
  ['MATERIALS_PENDING', 3],
  ['ACCEPTED', 6],
  ['REJECTED', 2],
  ['FILED', 2],
  ['NOT_FILED', 1],
  ['DISPATCHED', 10],
  ['RETURNED', 2],
  ['IN_PROGRESS', 30],
  ['SUSPENDED', 5],
  ['CONCLUDED', 8],
  ['REPLIED', 8],
  ['FOLLOWED_UP', 8],
  ['CLOSED', 5],
];
const HELD: ReadonlySet<CaseState> = new Set(['DISPATCHED', 'IN_PROGRESS', 'SUSPENDED']);
const CONCLUDED: ReadonlySet<CaseState> = new Set(['CONCLUDED', 'REPLIED', 'FOLLOWED_UP']);
const KINDS: readonly (readonly [CaseKind, number])[] = [
  ['COMPLAINT', 60],
  ['REPORT', 12],
  ['CONSULTATION', 20],
  ['SUGGESTION', 8],
];
const CHANNELS: readonly Channel[] = [
  'PHONE_12315',
  'PHONE_12315',
  'PHONE_12315',
  'WALK_IN',
  'WEB',
  'WECHAT',
  'TRANSFER_12345',
  'STATION',
  'LETTER',
  'VOICEMAIL',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅琳建国志晓东海燕春花';

export const LOAD_COLUMNS = [
  'case_no',
  'kind',
  'channel',
  'state',
  'is_open',
  'round',
  'received_at',
  'registered_at',
  'registered_by_id',
  'intake_unit_id',
  'owner_unit_id',
  'owner_path',
  'handler_id',
  'consumer_name',
  'consumer_phone',
  'consumer_address',
  'respondent_name',
  'respondent_credit_code',
  'respondent_region',
  'respondent_industry',
  'category',
  'amount_involved',
  'summary',
  'demand',
  'dispatch_target_type',
  'assigned_unit_id',
  'outcome',
  'amount_recovered',
  'concluded_at',
  'replied_at',
  'follow_up_done',
  'overdue',
  'due_at',
  'archived_at',
  'version',
  'created_at',
  'updated_at',
];

/**
 * Streams N tab-separated case rows, oldest first (ids grow with received_at, as in production):
 * received over the last 3 years, open with a probability that falls with age (≈30% open overall).
 * Intake: city 35%, each county center 10–15%, stations the rest; held cases sit at a workroom or unit under intake.
 */
export function caseRows(
  units: Unit[],
  userIds: number[],
  now: number,
  n: number,
  seqs: Map<string, number>,
): Readable {
  const r = seededRandom(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    let x = r() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of xs) if ((x -= w) < 0) return v;
    return xs[xs.length - 1]![0];
  };
  const byCode = new Map(units.map((u) => [u.code, u]));
  const byId = new Map(units.map((u) => [u.id, u]));
  const stations = units.filter((u) => u.type.endsWith('_STATION'));
  const intakes: (readonly [Unit, number])[] = [
    [byCode.get('CITY')!, 35],
    [byCode.get('GL')!, 15],
    [byCode.get('HX')!, 12],
    [byCode.get('QS')!, 10],
    ...stations.map((s) => [s, 28 / stations.length] as const),
  ];
  const centerOf = (u: Unit): Unit => {
    let x: Unit | undefined = u;
    while (x && x.type !== 'CITY_CENTER' && x.type !== 'COUNTY_CENTER')
      x = x.parentId ? byId.get(x.parentId) : undefined;
    return x ?? byCode.get('CITY')!;
  };
  const targets = new Map(
    intakes.map(([u]) => [
      u.id,
      units.filter((t) => t.path.startsWith(u.path) && (t.type !== 'WORKROOM' || t.parentId === u.id)),
    ]),
  );
  const span = 3 * 365 * DAY;
  const start = now - span;
  let i = 0;
  return new Readable({
    read() {
      const lines: string[] = [];
      for (let k = 0; k < 2000 && i < n; k++, i++) {
        const received = Math.floor(start + ((i + r()) / n) * span);
        const age = (now - received) / DAY;
        const open = r() < Math.min(0.95, Math.max(0.02, 1 - age / 640));
        const state: CaseState = open ? weighted(OPEN_STATES) : 'ARCHIVED';
        const intake = weighted(intakes);
        const center = centerOf(intake);
        const year = new Date(received + SH).getUTCFullYear();
        const seqKey = `${center.id}:${year}`;
        const seq = (seqs.get(seqKey) ?? 0) + 1;
        seqs.set(seqKey, seq);
        const caseNo = `${center.type === 'CITY_CENTER' ? 'WQ' : center.code}-${year}-${String(seq).padStart(6, '0')}`;
        const owner = HELD.has(state) ? pick(targets.get(intake.id)!) : intake;
        const kind = weighted(KINDS);
        const biz = pick(BUSINESSES);
        const content = CATEGORY_CONTENT[biz.category];
        const amount = Math.round(content.amount[0] + (content.amount[1] - content.amount[0]) * r() * r());
        const registered = received + 60_000 + Math.floor(r() * 3_600_000);
        const concluded =
          CONCLUDED.has(state) || state === 'ARCHIVED' ? registered + Math.floor((2 + r() * 10) * DAY) : null;
        const replied = concluded && state !== 'CONCLUDED' ? concluded + Math.floor(r() * 2 * DAY) : null;
        const archived = state === 'ARCHIVED' ? (replied ?? registered) + Math.floor((1 + r() * 5) * DAY) : null;
        const due = open && !CONCLUDED.has(state) && state !== 'CLOSED' ? registered + 10 * DAY : null;
        const updated = Math.min(now, archived ?? replied ?? concluded ?? registered);
        const phone = `1${pick([...'35789'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
        const name = pick([...SURNAMES]) + pick([...GIVEN]) + (r() < 0.5 ? pick([...GIVEN]) : '');
        const dispute = kind === 'COMPLAINT' || kind === 'REPORT';
        const outcome = concluded
          ? kind === 'COMPLAINT'
            ? pick(['MEDIATED', 'MEDIATED', 'MEDIATION_FAILED', 'WITHDRAWN', 'TERMINATED'])
            : kind === 'REPORT'
              ? pick(['PENALIZED', 'NO_VIOLATION', 'TRANSFERRED'])
              : 'ANSWERED'
          : null;
        const N_ = '\\N';
        lines.push(
          [
            caseNo,
            kind,
            pick(CHANNELS),
            state,
            open ? 1 : 0,
            1,
            sqlTime(received),
            sqlTime(registered),
            pick(userIds),
            intake.id,
            owner.id,
            owner.path,
            HELD.has(state) && state !== 'DISPATCHED' ? pick(userIds) : N_,
            name,
            phone,
            `${biz.county}${pick(['五四路', '人民路', '建设路', '滨江路'])}${1 + Math.floor(r() * 300)}号`,
            dispute ? biz.name : N_,
            dispute ? biz.creditCode : N_,
            dispute ? biz.county : N_,
            dispute ? biz.industry : N_,
            biz.category,
            kind === 'COMPLAINT' ? amount : N_,
            narrative(r, kind, biz, pick(content.items), amount, received),
            dispute ? pick(content.demands) : N_,
            HELD.has(state) ? (owner.id === intake.id ? 'UNIT' : owner.type === 'WORKROOM' ? 'WORKROOM' : 'UNIT') : N_,
            HELD.has(state) ? owner.id : N_,
            outcome ?? N_,
            outcome === 'MEDIATED' ? Math.round(amount * 0.8) : concluded && kind === 'COMPLAINT' ? 0 : N_,
            concluded ? sqlTime(concluded) : N_,
            replied ? sqlTime(replied) : N_,
            state === 'FOLLOWED_UP' || (state === 'ARCHIVED' && replied) ? 1 : 0,
            due !== null && due < now ? 1 : 0,
            due !== null ? sqlTime(due) : N_,
            archived ? sqlTime(archived) : N_,
            1 + Math.floor(r() * 8),
            sqlTime(registered),
            sqlTime(updated),
          ].join('\t'),
        );
      }
      this.push(lines.length ? `${lines.join('\n')}\n` : null);
    },
  });
}

/**
 * Runs `load` with the table's secondary indexes dropped (not those a foreign key needs: named after
 * it, or led by its column), then adds them back — a sorted index build is much faster than millions
 * of random inserts. Returns the time spent rebuilding them.
 */
export async function withoutSecondaryIndexes(
  pool: RawPool,
  table: string,
  load: () => Promise<void>,
): Promise<number> {
  const [[row]] = await pool.query(`SHOW CREATE TABLE \`${table}\``);
  const ddl: string = row['Create Table'];
  const fks = [...ddl.matchAll(/CONSTRAINT `(\w+)` FOREIGN KEY \(`(\w+)`\)/g)];
  const keys = [...ddl.matchAll(/^\s*((?:UNIQUE )?KEY `(\w+)` \(`(\w+)`[^\n]*?\))(?: USING BTREE)?,?$/gm)].filter(
    (m) => !fks.some((fk) => fk[1] === m[2] || fk[2] === m[3]),
  );
  if (keys.length) await pool.query(`ALTER TABLE \`${table}\` ${keys.map((m) => `DROP INDEX \`${m[2]}\``).join(', ')}`);
  await load();
  const t = performance.now();
  if (keys.length) await pool.query(`ALTER TABLE \`${table}\` ${keys.map((m) => `ADD ${m[1]}`).join(', ')}`);
  return ms(t);
}

/**
 * Appends N generated cases. Secondary indexes are dropped for the load and rebuilt afterwards; the
 * case_count triggers are dropped too and the counters rebuilt. `seqs` carries the case numbers handed
 * out (center:year → last), so a second load continues them.
 */
export async function bulkLoad(
  ds: DataSource,
  pool: RawPool,
  units: Unit[],
  userIds: number[],
  now: number,
  N: number,
  seqs = new Map<string, number>(),
): Promise<{ loadMs: number; indexMs: number }> {
  const [triggers] = await pool.query(
    "SELECT TRIGGER_NAME AS name, ACTION_TIMING AS timing, EVENT_MANIPULATION AS event, ACTION_STATEMENT AS body FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = 'wq_case' ORDER BY ACTION_ORDER",
  );
  for (const t of triggers as { name: string }[]) await pool.query(`DROP TRIGGER \`${t.name}\``);
  let loadMs = 0;
  let indexMs = await withoutSecondaryIndexes(pool, 'wq_case', async () => {
    const t0 = performance.now();
    await pool.query({
      sql: `LOAD DATA LOCAL INFILE 'cases.tsv' INTO TABLE wq_case CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (${LOAD_COLUMNS.join(', ')})`,
      infileStreamFactory: () => caseRows(units, userIds, now, N, seqs),
    });
    loadMs = ms(t0);
  });
  const t1 = performance.now();
  for (const t of triggers as { name: string; timing: string; event: string; body: string }[]) {
    await pool.query(`CREATE TRIGGER \`${t.name}\` ${t.timing} ${t.event} ON wq_case FOR EACH ROW ${t.body}`);
  }
  await rebuildCaseCounts(ds.manager);
  indexMs += ms(t1);
  // Numbers handed out by registerCase continue after the loaded ones.
  for (const [key, last] of seqs) {
    const [center, year] = key.split(':');
    await pool.query(
      'INSERT INTO case_no_sequence (center_id, year, last_value) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE last_value = GREATEST(last_value, VALUES(last_value))',
      [center, year, last],
    );
  }
  await pool.query('ANALYZE TABLE wq_case');
  return { loadMs, indexMs };
}

/** The demo organisation as the loaders need it, and every user id. */
export async function loadOrg(ds: DataSource): Promise<{ units: Unit[]; userIds: number[] }> {
  const units: Unit[] = (await ds.getRepository(OrgUnitEntity).find({ order: { id: 'ASC' } })).map((u) => ({
    id: u.id,
    code: u.code,
    path: u.path,
    type: u.type,
    parentId: u.parentId,
    workroom: u.workroom,
  }));
  const userIds = (await ds.getRepository(UserEntity).find()).map((u) => u.id);
  return { units, userIds };
}
