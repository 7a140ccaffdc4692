// Keyword search benchmark (issue 18): 1,000,000 cases with varied narratives (libs/testing/src/case-narrative.ts)
// in a database of its own (weiquan_bench_search), the Mroonga index built, the real API, then
//   (1) the case list with a keyword (first page of 20 + total) as gl_county and as city_op, over 200 keywords
//       drawn from the data (frequent words, rare fragments of narratives, names, addresses, phone and
//       credit-code digits)                                              → p50/p99 per user
//   (2) the same lists as the plain LIKE the list used before (page + COUNT) for BENCH_LIKE_KEYWORDS of them
//       in the same run                                                  → p50/p99 and the ratio
//   (3) registerCase over GraphQL with the search triggers and indexer, and without them (triggers dropped)
//                                                                        → registrations/s, the ratio
// and a PASS/MISS table. Not part of `pnpm test`. See bench/README.md.
//
//   pnpm bench:search            fresh database, load, index, measure
//   pnpm bench:search --reuse    keep a loaded weiquan_bench_search
//   pnpm bench:search --reuse --reindex   keep the cases, build the search index again
//   pnpm bench:search --drop     drop it at the end
// Environment: BENCH_CASES (1000000), BENCH_KEYWORDS (200), BENCH_LIKE_KEYWORDS (20), BENCH_REGISTER_SECONDS (20),
// BENCH_CLIENTS (16), BENCH_DB (weiquan_bench_search), BENCH_REDIS_DB (3). Run MariaDB with DB_BUFFER_POOL=1G.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import {
  createDataSource,
  escapeLike,
  IDENT_COLUMNS,
  indexCases,
  loadConfig,
  OPEN_COLUMNS,
  seedDemo,
} from '@weiquan/core';
import { createApiApp } from '../apps/api/src/bootstrap';
import { seededRandom } from '../libs/core/src/seed/demo-case-content';
import { Gql, measureRegister, spawnApi } from './lib/api-bench';
import { bulkLoad, createPool, ensureDatabase, loadOrg, log, ms, pct, RawPool, rootSql } from './lib/case-load';

const env = (k: string, d: string) => process.env[k] ?? d;
const N = Number(env('BENCH_CASES', '1000000'));
const KEYWORDS = Number(env('BENCH_KEYWORDS', '200'));
const LIKE_KEYWORDS = Number(env('BENCH_LIKE_KEYWORDS', '20'));
const REGISTER_SECONDS = Number(env('BENCH_REGISTER_SECONDS', '20'));
/** The registration halves alternate this many times (a single pair drifted ±20 % on this machine). */
const REGISTER_ROUNDS = Number(env('BENCH_REGISTER_ROUNDS', '4'));
const CLIENTS = Number(env('BENCH_CLIENTS', '16'));
const DB = env('BENCH_DB', 'weiquan_bench_search');
const REUSE = process.argv.includes('--reuse');
/** With --reuse: build the search index again from the loaded cases (after a change of what it holds). */
const REINDEX = process.argv.includes('--reindex');
/** Only the searches (no raw LIKE, no registration): for a re-measurement in a quiet moment. */
const SEARCH_ONLY = process.argv.includes('--search-only');
const DROP = process.argv.includes('--drop');
const TOKENIZER = `COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit"'`;
const CODES_TOKENIZER = `COMMENT 'tokenizer "TokenDelimit"'`;
const FULLTEXT: [string, string, string][] = [
  ['ft_case_search_open', 'doc_open', TOKENIZER],
  ['ft_case_search_all', 'doc_open, doc_ident', TOKENIZER],
  ['ft_case_search_codes_open', 'codes_open', CODES_TOKENIZER],
  ['ft_case_search_codes_all', 'codes_open, codes_ident', CODES_TOKENIZER],
];

const PAGE = `query($f: CaseFilter, $p: PageInput) { cases(filter: $f, page: $p) { total totalIsLowerBound items { id caseNo state } } }`;

/** Copies every case into case_search with the full-text indexes built afterwards (one sorted build). */
async function buildIndex(pool: RawPool): Promise<number> {
  const t = performance.now();
  await pool.query('DELETE FROM case_search_pending');
  await pool.query(`ALTER TABLE case_search ${FULLTEXT.map(([name]) => `DROP INDEX ${name}`).join(', ')}`);
  await pool.query('TRUNCATE case_search');
  // The indexer's own copy (documents in SQL, letter/digit grams in JS), 20,000 cases at a time.
  const q = { query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params))[0] };
  const [[{ maxId }]] = await pool.query('SELECT MAX(id) AS maxId FROM wq_case');
  for (let from = 0; from < Number(maxId); from += 20_000) {
    await indexCases(q, 'c.id > ? AND c.id <= ?', [from, from + 20_000], false);
  }
  for (const [name, cols, tokenizer] of FULLTEXT) {
    await pool.query(`ALTER TABLE case_search ADD FULLTEXT INDEX ${name} (${cols}) ${tokenizer}`);
  }
  return ms(t);
}

/** 200 keywords as operators type them: frequent words, narrative fragments, names, addresses, digits. */
async function drawKeywords(pool: RawPool, n: number): Promise<string[]> {
  const r = seededRandom(1818);
  const [[{ maxId }]] = await pool.query('SELECT MAX(id) AS maxId FROM wq_case');
  const out = new Set<string>(['消费者', '退款', '商家', '鼓楼区', '质量问题', '健身', '电饭煲', '美的']);
  const sub = (s: string, min: number, max: number) => {
    const chars = [...s];
    const len = Math.min(chars.length, min + Math.floor(r() * (max - min + 1)));
    const at = Math.floor(r() * (chars.length - len + 1));
    return chars.slice(at, at + len).join('');
  };
  while (out.size < n) {
    const id = 1 + Math.floor(r() * Number(maxId));
    const [[c]] = await pool.query(
      'SELECT summary, consumer_name, consumer_phone, consumer_address, respondent_name, respondent_credit_code, case_no FROM wq_case WHERE id >= ? LIMIT 1',
      [id],
    );
    if (!c) continue;
    const x = r();
    const k =
      x < 0.45
        ? sub(c.summary, 2, 6)
        : x < 0.55
          ? c.consumer_name
          : x < 0.65
            ? sub(c.consumer_address ?? '', 3, 6)
            : x < 0.75
              ? sub(c.respondent_name ?? c.summary, 2, 5)
              : x < 0.88
                ? sub(c.consumer_phone, 5, 8)
                : x < 0.95
                  ? sub(c.respondent_credit_code ?? c.consumer_phone, 4, 8)
                  : c.case_no.slice(-9);
    if (k && k.length >= 2 && !/\s/.test(k)) out.add(k);
  }
  return [...out];
}

/** The list's keyword filter as it was before: LIKE over the columns, first page + COUNT in parallel. */
function rawLike(pool: RawPool, prefix: string | null, k: string) {
  const cols = [...OPEN_COLUMNS, ...IDENT_COLUMNS];
  const like = `%${escapeLike(k)}%`;
  const where = `(${cols.map((c) => `c.${c} LIKE ?`).join(' OR ')})${prefix ? ' AND c.owner_path LIKE ?' : ''}`;
  const args = [...cols.map(() => like), ...(prefix ? [`${prefix}%`] : [])];
  return Promise.all([
    pool.query(`SELECT c.id FROM wq_case c WHERE ${where} ORDER BY c.received_at DESC, c.id DESC LIMIT 20`, args),
    pool.query(`SELECT COUNT(*) AS n FROM wq_case c WHERE ${where}`, args),
  ]);
}

async function timed(keys: string[], fn: (k: string) => Promise<unknown>) {
  for (const k of keys.slice(0, 5)) await fn(k); // warm-up
  const xs: number[] = [];
  for (const k of keys) {
    const t = performance.now();
    await fn(k);
    xs.push(ms(t));
  }
  return { p50: pct(xs, 50), p99: pct(xs, 99), max: Math.max(...xs), xs };
}

async function main(): Promise<void> {
  const T0 = performance.now();
  const config = loadConfig({
    DB_NAME: DB,
    LOG_LEVEL: 'silent',
    WEB_DIST: '',
    QUEUE_PREFIX: 'wqbenchs',
    REDIS_DB: env('BENCH_REDIS_DB', '3'),
    DB_POOL_SIZE: '20',
  });
  ensureDatabase(config, DB, false);
  const ds = createDataSource(config);
  await ds.initialize();
  const [{ n: existing }] = await ds.query(
    "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'case_search'",
  );
  const loaded = Number(existing) > 0 ? Number((await ds.query('SELECT COUNT(*) AS n FROM case_search'))[0].n) : 0;
  const fresh = !(REUSE && loaded >= N);
  if (fresh) {
    await ds.destroy();
    log(`creating database ${DB} (fresh)`);
    ensureDatabase(config, DB, true);
    await ds.initialize();
  } else log(`reusing ${DB} with ${loaded.toLocaleString()} indexed cases`);
  await ds.runMigrations({ transaction: 'each' });
  await seedDemo(ds, { cases: false });
  const { units, userIds } = await loadOrg(ds);
  const pool = createPool(config, DB);
  let loadLine = 'load: skipped (--reuse)';
  if (fresh) {
    log(`loading ${N.toLocaleString()} cases …`);
    const { loadMs, indexMs } = await bulkLoad(ds, pool, units, userIds, Date.now(), N);
    log('building the search index …');
    const searchMs = await buildIndex(pool);
    loadLine = `load: ${N.toLocaleString()} cases in ${(loadMs / 1000).toFixed(0)} s + indexes ${(indexMs / 1000).toFixed(0)} s + search index ${(searchMs / 1000).toFixed(0)} s`;
    log(loadLine);
  } else if (REINDEX) {
    log('building the search index again …');
    loadLine = `search index rebuilt in ${((await buildIndex(pool)) / 1000).toFixed(0)} s (cases reused)`;
    log(loadLine);
  }

  const gl = units.find((u) => u.code === 'GL')!;
  const keywords = await drawKeywords(pool, KEYWORDS);
  log(`${keywords.length} keywords, e.g. ${keywords.slice(0, 24).join(' ')}`);

  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const anon = new Gql(`http://127.0.0.1:${port}/graphql`);
  const users = { gl_county: await anon.login('gl_county'), city_op: await anon.login('city_op') };
  const load0 = os.loadavg();

  const results: Record<string, Awaited<ReturnType<typeof timed>>> = {};
  const bounded: Record<string, number> = {};
  for (const [name, client] of Object.entries(users)) {
    log(`keyword lists as ${name} …`);
    bounded[name] = 0;
    results[name] = await timed(keywords, async (k) => {
      const d = await client.run<{ cases: { totalIsLowerBound: boolean } }>(PAGE, {
        f: { keyword: k },
        p: { limit: 20 },
      });
      if (d.cases.totalIsLowerBound) bounded[name]!++;
    });
    const slow = keywords
      .map((k, i) => [k, results[name]!.xs[i]!] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5);
    log(`  slowest: ${slow.map(([k, t]) => `${k} ${t.toFixed(0)} ms`).join(', ')}`);
    // Digit and code fragments are the costly class of a bigram index (100 digit bigrams, each in a
    // third of all cases): their figures apart.
    const xs = results[name]!.xs;
    const codes = xs.filter((_, i) => /^[0-9A-Za-z-]+$/.test(keywords[i]!));
    const words = xs.filter((_, i) => !/^[0-9A-Za-z-]+$/.test(keywords[i]!));
    log(
      `  digits/codes (${codes.length}): p50 ${pct(codes, 50).toFixed(0)} ms, p99 ${pct(codes, 99).toFixed(0)} ms; ` +
        `other (${words.length}): p50 ${pct(words, 50).toFixed(0)} ms, p99 ${pct(words, 99).toFixed(0)} ms; load ${os.loadavg()[0]!.toFixed(1)}`,
    );
  }
  if (SEARCH_ONLY) {
    await app.close();
    await pool.end();
    await ds.destroy();
    const f = (x: number) => `${x.toFixed(1)} ms`;
    for (const [name, r] of Object.entries(results))
      console.log(
        `  keyword page + total, ${name.padEnd(9)}  p50 ${f(r.p50)}, p99 ${f(r.p99)}, max ${f(r.max)}  ${r.p99 <= 100 ? 'PASS' : 'MISS'}`,
      );
    console.log(
      `  load average ${load0.map((x) => x.toFixed(1)).join(' ')} → ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    return;
  }
  const likeKeys = keywords.filter((_, i) => i % Math.max(1, Math.floor(keywords.length / LIKE_KEYWORDS)) === 0);
  log(`raw LIKE for ${likeKeys.length} keywords …`);
  const likeGl = await timed(likeKeys, (k) => rawLike(pool, gl.path, k));
  const likeCity = await timed(likeKeys, (k) => rawLike(pool, null, k));
  const load1 = os.loadavg();
  await app.close();

  // Registration with the search triggers + indexer and without (triggers dropped: nothing queued).
  log(
    `registerCase: ${CLIENTS} clients, ${REGISTER_SECONDS} s without and ${REGISTER_SECONDS} s with the search index, alternating in ${REGISTER_ROUNDS} rounds …`,
  );
  const [trig] = await pool.query(
    "SELECT TRIGGER_NAME AS name, ACTION_TIMING AS timing, EVENT_MANIPULATION AS event, ACTION_STATEMENT AS body FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = DATABASE() AND TRIGGER_NAME LIKE 'wq_case_search_%'",
  );
  const api = await spawnApi(config, 1);
  const reg = await new Gql(`${api.url}graphql`).login('city_op');
  await measureRegister(reg, 3, CLIENTS);
  type Reg = Awaited<ReturnType<typeof measureRegister>>;
  const halves: { without: Reg[]; with: Reg[] } = { without: [], with: [] };
  for (let round = 0; round < REGISTER_ROUNDS; round++) {
    for (const t of trig as { name: string }[]) await pool.query(`DROP TRIGGER \`${t.name}\``);
    halves.without.push(await measureRegister(reg, REGISTER_SECONDS / REGISTER_ROUNDS, CLIENTS));
    for (const t of trig as { name: string; timing: string; event: string; body: string }[])
      await pool.query(`CREATE TRIGGER \`${t.name}\` ${t.timing} ${t.event} ON wq_case FOR EACH ROW ${t.body}`);
    halves.with.push(await measureRegister(reg, REGISTER_SECONDS / REGISTER_ROUNDS, CLIENTS));
  }
  // All rounds of a half together: registrations over the time they took; the worst round's p99.
  const combine = (rs: Reg[]) => {
    const n = rs.reduce((a, r) => a + r.n, 0);
    const seconds = rs.reduce((a, r) => a + (r.perSec ? r.n / r.perSec : 0), 0);
    return {
      n,
      perSec: seconds ? n / seconds : 0,
      p99: Math.max(...rs.map((r) => r.p99)),
      errors: rs.reduce((a, r) => a + r.errors, 0),
    };
  };
  const without = combine(halves.without);
  const withIndex = combine(halves.with);
  await api.stop();
  const [[lag]] = await pool.query('SELECT COUNT(*) AS n FROM case_search_pending');
  await pool.end();
  await ds.destroy();
  if (DROP) rootSql(config, `DROP DATABASE IF EXISTS \`${DB}\``);

  const f = (x: number) => `${x.toFixed(1)} ms`;
  const ok = (b: boolean) => (b ? 'PASS' : 'MISS');
  const regRatio = withIndex.perSec / without.perSec;
  const rows: [string, string, string, string][] = [
    [
      'keyword page + total, gl_county',
      `p50 ${f(results.gl_county!.p50)}, p99 ${f(results.gl_county!.p99)}, max ${f(results.gl_county!.max)}`,
      'p99 ≤ 100 ms',
      ok(results.gl_county!.p99 <= 100),
    ],
    [
      'keyword page + total, city_op',
      `p50 ${f(results.city_op!.p50)}, p99 ${f(results.city_op!.p99)}, max ${f(results.city_op!.max)}`,
      'p99 ≤ 100 ms',
      ok(results.city_op!.p99 <= 100),
    ],
    ['  totals shown as “超过 1000”', `gl_county ${bounded.gl_county}, city_op ${bounded.city_op}`, '—', ''],
    ['raw LIKE page + COUNT, 鼓楼区', `p50 ${f(likeGl.p50)}, p99 ${f(likeGl.p99)}`, '—', ''],
    ['raw LIKE page + COUNT, city', `p50 ${f(likeCity.p50)}, p99 ${f(likeCity.p99)}`, '—', ''],
    [
      'search / raw LIKE (p50)',
      `gl_county ${(results.gl_county!.p50 / likeGl.p50).toFixed(3)}×, city_op ${(results.city_op!.p50 / likeCity.p50).toFixed(3)}×`,
      '—',
      '',
    ],
    [
      'registerCase without search index',
      `${without.perSec.toFixed(0)}/s (p99 ${f(without.p99)}, ${without.errors} errors)`,
      '—',
      '',
    ],
    [
      'registerCase with search index',
      `${withIndex.perSec.toFixed(0)}/s (p99 ${f(withIndex.p99)}, ${withIndex.errors} errors), ${(regRatio * 100).toFixed(0)}%; ${lag.n} still queued at the end`,
      '≥ 90% of without',
      ok(regRatio >= 0.9 && withIndex.errors === 0),
    ],
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 8));
  console.log('');
  console.log(`Weiquan keyword search benchmark — ${new Date().toISOString()}`);
  console.log(loadLine);
  console.log(
    `${keywords.length} keywords (${likeKeys.length} for raw LIKE); load average during the searches ${load0.map((x) => x.toFixed(1)).join(' ')} → ${load1.map((x) => x.toFixed(1)).join(' ')}`,
  );
  console.log('');
  for (const r of [['what', 'measured', 'target', ''] as const, ...rows])
    console.log(`  ${r[0].padEnd(w[0]!)}  ${r[1].padEnd(w[1]!)}  ${r[2].padEnd(w[2]!)}  ${r[3]}`);
  console.log('');
  console.log(`total bench time ${((performance.now() - T0) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error('[bench] failed:', e);
    process.exit(1);
  },
);
