// Public site bench (#16): progress lookups per second and their p99 against a running API, and the public
// pages' JS size. The API must exempt this machine's address from the per-address throttles:
//   PUBLIC_THROTTLE_EXEMPT=127.0.0.1 node apps/api/dist/main.js
//   node bench/public-lookup.bench.mjs [--url http://127.0.0.1:3300] [--seconds 15] [--concurrency 16]
//     [--rate N]   open loop: N lookups a second however fast they are answered (else --concurrency clients,
//                  each sending its next lookup when the last is answered)
//     [--api-pid P --db-pid P --redis-pid P]   also CPU per lookup of each process (400 sequential lookups), a
//                                              figure the machine's load barely changes
// Targets: ≥ 500 lookups/s with p99 ≤ 50 ms (2 cores); first page ≤ 120 KB gzip JS.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const url = arg('url', 'http://127.0.0.1:3300');
const seconds = Number(arg('seconds', '15'));
const concurrency = Number(arg('concurrency', '16'));

// Keep-alive connections, at most `concurrency` (16) open: in the open-loop mode (--rate) lookups due while all
// are busy wait for one — timed from when they were due — instead of opening ever more sockets.
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
function gql(query, variables) {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (json.errors) reject(new Error(JSON.stringify(json.errors)));
            else resolve(json.data);
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const phone = `139${String(Date.now()).slice(-8)}`;
const { publicSubmit: r } = await gql(
  `mutation($input: PublicSubmissionInput!) { publicSubmit(input: $input) { caseNo queryCode } }`,
  { input: { kind: 'COMPLAINT', phone, respondentName: '压测商家', summary: '压测用投诉' } },
);
const LOOKUP = `query($input: PublicLookupInput!) { publicCaseProgress(input: $input) { caseNo stage unitName unitPhone promisedDates { label dueAt } steps { label at } followUpOpen } }`;
const input = { caseNo: r.caseNo, queryCode: r.queryCode };
for (let i = 0; i < 50; i++) await gql(LOOKUP, { input }); // warm up

// CPU time (user + system, ms) a process has used so far, from /proc (Linux).
const cpuMs = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
const pids = { API: arg('api-pid'), MariaDB: arg('db-pid'), Redis: arg('redis-pid') };
const watched = Object.entries(pids).filter(([, pid]) => pid && existsSync(`/proc/${pid}/stat`));
if (watched.length) {
  const N = 400;
  const before = watched.map(([, pid]) => cpuMs(pid));
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await gql(LOOKUP, { input });
  const wall = (performance.now() - t0) / N;
  const per = watched.map(([name, pid], i) => `${name} ${((cpuMs(pid) - before[i]) / N).toFixed(2)} ms`);
  console.log(`CPU per lookup (${N} sequential, wall ${wall.toFixed(1)} ms each): ${per.join(', ')}`);
}

const times = [];
let errors = 0;
const end = Date.now() + seconds * 1000;
const one = async (t0 = performance.now()) => {
  try {
    await gql(LOOKUP, { input });
    times.push(performance.now() - t0);
  } catch {
    errors++;
  }
};
const offered = Number(arg('rate', '0'));
const closedLoop = (until) =>
  Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) await one();
    }),
  );
if (offered > 0) {
  // First 3 s of the closed loop, not counted: every socket, pooled database and Redis connection open.
  await closedLoop(Date.now() + 3000);
  times.length = 0;
  errors = 0;
  const stop = Date.now() + seconds * 1000;
  // Open loop: `offered` lookups a second whatever the answers' pace (as consumers arrive), each timed from
  // when it was due to be sent — what a consumer waits at that rate.
  const pending = [];
  const start = performance.now();
  for (let sent = 0; Date.now() < stop; ) {
    const due = Math.floor(((performance.now() - start) / 1000) * offered);
    for (; sent < due; sent++) pending.push(one(start + (sent * 1000) / offered));
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(pending);
} else await closedLoop(end);
times.sort((a, b) => a - b);
const rate = times.length / seconds;
const p = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
console.log(
  `load average before/after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(
  `lookups: ${times.length} in ${seconds} s ${offered > 0 ? `offered at ${offered}/s` : `at concurrency ${concurrency}`}, ${errors} errors`,
);
console.log(`  throughput ${rate.toFixed(0)}/s  ${verdict(Math.round(rate) >= 500)} (target ≥ 500/s)`);
console.log(
  `  p50 ${p(0.5).toFixed(1)} ms  p99 ${p(0.99).toFixed(1)} ms  ${verdict(p(0.99) <= 50)} (target p99 ≤ 50 ms)`,
);

// The first page's JS: the entry scripts named by dist/index.html (the forms load on demand).
const dist = 'apps/public/dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = [...html.matchAll(/(?:src|href)="\/gongkai\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (f) => gzipSync(readFileSync(join(dist, f))).length;
const first = entry.reduce((s, f) => s + gz(f), 0);
const all = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .reduce((s, f) => s + gz(`assets/${f}`), 0);
console.log(
  `public JS: first page ${(first / 1024).toFixed(1)} KB gzip  ${verdict(first <= 120 * 1024)} (target ≤ 120 KB); all pages ${(all / 1024).toFixed(1)} KB gzip`,
);
