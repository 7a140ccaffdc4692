// Security probe (#12 "done means"): against the real API on the test database,
//   (1) the worst query the GraphQL bounds still accept — aliases × page size of `cases` with the console's
//       nested case fields, grown until QUERY_TOO_COMPLEX — its time (worst of BENCH_RUNS) and response size;
//       before #12, 16 aliases of cases(limit: 100) took ~3 s and 8 MB;
//   (2) login guessing: wrong-password attempts for one account from one address until TOO_MANY_REQUESTS —
//       how many got through, over what time, and attempts per second over a whole window.
// Prints figures and PASS/MISS. Not part of `pnpm test`. See bench/README.md.
//   NODE_ENV=test DB_NAME=weiquan_test REDIS_DB=1 QUEUE_PREFIX=wqtest pnpm bench:security
// MariaDB and Redis must be up, the test database migrated and seeded (any jest integration run does it).
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { createDataSource, DEMO_PASSWORD, loadConfig, seedDemo } from '@weiquan/core';
import { createApiApp } from '../apps/api/src/bootstrap';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CASE_FIELDS = `id caseNo kind state version round ownerUnitId intakeUnitId assignedUnitId handlerId
  consumer { name phone idNumber address masked } respondent { name creditCode } summary outcome`;
const TARGET = { worstMs: 1000, worstBytes: 1024 * 1024 };

async function main(): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '' });
  const ds = createDataSource(config);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await seedDemo(ds, { cases: false });
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
  const gql = async (query: string, variables: object = {}, token?: string, ip?: string) => {
    const t = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(ip ? { 'x-forwarded-for': ip } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    const body = JSON.parse(text) as { data?: any; errors?: { extensions?: { code?: string } }[] };
    return {
      ms: performance.now() - t,
      bytes: Buffer.byteLength(text),
      code: body.errors?.[0]?.extensions?.code,
      body,
    };
  };
  const login = `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`;
  const admin = (await gql(login, { i: { username: 'city_op', password: DEMO_PASSWORD } })).body.data.login.accessToken;
  const total = (await gql('{ cases(page: { limit: 1 }) { total } }', {}, admin)).body.data.cases.total;

  // (1) grow the shape: for each page size, the most aliases accepted; keep the slowest accepted shape.
  let worst = { aliases: 0, limit: 0, ms: 0, bytes: 0 };
  const refused: string[] = [];
  for (const limit of [10, 20, 50, 100]) {
    for (let n = 1; n <= 16; n++) {
      const q = `{ ${Array.from({ length: n }, (_, i) => `a${i}: cases(page: { limit: ${limit} }) { total items { ${CASE_FIELDS} } }`).join(' ')} }`;
      const first = await gql(q, {}, admin);
      if (first.code) {
        refused.push(`${n}×limit ${limit}: ${first.code} in ${first.ms.toFixed(1)} ms`);
        break;
      }
      let ms = first.ms;
      for (let r = 1; r < RUNS; r++) ms = Math.max(ms, (await gql(q, {}, admin)).ms);
      if (ms > worst.ms) worst = { aliases: n, limit, ms, bytes: first.bytes };
    }
  }
  const old = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: cases(page: { limit: 100 }) { total items { ${CASE_FIELDS} } }`).join(' ')} }`;
  const oldShape = await gql(old, {}, admin);

  // (2) login guessing from one address for one (unknown) account, then for many accounts from one address.
  const ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
  const user = `probe_${Date.now().toString(36)}`;
  const t0 = performance.now();
  let accepted = 0;
  let retry: unknown;
  for (let i = 0; i < 1000; i++) {
    const r = await gql(login, { i: { username: user, password: `guess-${i}-wrong` } }, undefined, ip);
    if (r.code === 'TOO_MANY_REQUESTS') {
      retry = (r.body.errors?.[0] as { extensions?: { details?: unknown } })?.extensions?.details;
      break;
    }
    accepted++;
  }
  const perAccountSeconds = (performance.now() - t0) / 1000;
  const ip2 = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
  let acceptedIp = 0;
  for (let i = 0; i < 1000; i++) {
    const r = await gql(login, { i: { username: `${user}_${i}`, password: 'wrong-password-1' } }, undefined, ip2);
    if (r.code === 'TOO_MANY_REQUESTS') break;
    acceptedIp++;
  }
  const perWindow = config.LOGIN_RATE_WINDOW_SECONDS;

  const rows: [string, string, string][] = [
    [
      'worst accepted query (time, worst of runs)',
      `${worst.aliases} aliases × cases(limit ${worst.limit}): ${worst.ms.toFixed(0)} ms`,
      worst.ms <= TARGET.worstMs ? 'PASS' : 'MISS',
    ],
    [
      'worst accepted query (response size)',
      `${(worst.bytes / 1024).toFixed(0)} KB`,
      worst.bytes <= TARGET.worstBytes ? 'PASS' : 'MISS',
    ],
    [
      '16 × cases(limit 100) (the probe’s shape)',
      `${oldShape.code ?? 'ACCEPTED'} in ${oldShape.ms.toFixed(1)} ms`,
      oldShape.code === 'QUERY_TOO_COMPLEX' ? 'PASS' : 'MISS',
    ],
    [
      'guesses for one account before TOO_MANY_REQUESTS',
      `${accepted} in ${perAccountSeconds.toFixed(1)} s (limit ${config.LOGIN_RATE_PER_ACCOUNT}/${perWindow} s)`,
      accepted <= config.LOGIN_RATE_PER_ACCOUNT ? 'PASS' : 'MISS',
    ],
    [
      'guesses from one address (many accounts)',
      `${acceptedIp} per ${perWindow} s window = ${(acceptedIp / perWindow).toFixed(2)}/s sustained`,
      acceptedIp <= config.LOGIN_RATE_PER_IP ? 'PASS' : 'MISS',
    ],
  ];
  console.log(`security probe: ${total} cases visible to city_op, ${RUNS} runs per accepted shape`);
  console.log(`refused shapes: ${refused.join('; ')}`);
  console.log(`retry details: ${JSON.stringify(retry)}`);
  for (const [what, figure, verdict] of rows) console.log(`${verdict.padEnd(4)}  ${what.padEnd(48)} ${figure}`);
  await app.close();
  await ds.destroy();
  process.exit(rows.some((r) => r[2] === 'MISS') ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
