import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loginAs } from '@weiquan/testing';
import { CaseOps, complaint } from './case-ops';
import { startTestApi, TestApi } from './test-api';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ROOT = join(__dirname, '../../..');
const CLIENTS = 16;
const TRANSITIONS = 4; // further clients that take steps on cases of their own meanwhile

/**
 * #12 item 19 — MariaDB restarted (a real shutdown of the test server and a start on the same data) while
 * 16 clients register cases and 4 others take steps (办理记录) on cases of their own: every registration and
 * every step either commits and answers, or fails with the retriable SERVICE_UNAVAILABLE (never
 * INTERNAL_SERVER_ERROR); nothing answered is lost, nothing refused is stored, no step is doubled;
 * /health/ready reports the outage while it lasts; the API reconnects by itself.
 */
describe('MariaDB restarted under load', () => {
  let api: TestApi;
  let gl: CaseOps;
  let token: string;
  let evidenceId: string;
  let stepped: { id: string; version: number }[]; // cases the step clients work on

  beforeAll(async () => {
    api = await startTestApi();
    const session = await loginAs(api.gql, 'gl_county');
    gl = new CaseOps(session.client);
    token = session.accessToken;
    // A stored evidence file whose download (REST) is polled through the outage.
    const c = await gl.register(complaint());
    const form = new FormData();
    form.append('file', new Blob(['处理记录'], { type: 'text/plain' }), 'note.txt');
    const res = await fetch(`${api.url}/api/cases/${c.id}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status).toBe(201);
    evidenceId = String(((await res.json()) as { id: string }).id);
    stepped = [];
    for (let k = 0; k < TRANSITIONS; k++) stepped.push(await gl.register(complaint()));
  });
  afterAll(async () => {
    await run('bash', ['scripts/infra.sh', 'up'], { cwd: ROOT }).catch(() => undefined); // never leave it down
    await api?.close();
  });

  it('answers each registration and step with a commit or SERVICE_UNAVAILABLE, loses and doubles none, and recovers', async () => {
    const marker = `restart-${Date.now().toString(36)}`;
    const results: { tag: string; id?: string; code?: string }[] = [];
    const health: number[] = [];
    const rest: string[] = []; // evidence download answers: '200' or '<status> <code>'
    let stop = false;
    const client = async (k: number) => {
      for (let i = 0; !stop; i++) {
        const tag = `${marker}-${k}-${i}`;
        try {
          const c = await gl.register(complaint({ summary: `${tag} 购买的空调三天后不制冷。` }));
          results.push({ tag, id: c.id });
        } catch (e) {
          // GqlClient.ok throws the GraphQL errors as JSON in the message; a network failure has none.
          results.push({ tag, code: /"code":"([A-Z_]+)"/.exec(String(e))?.[1] ?? `thrown: ${String(e)}` });
          await sleep(200);
        }
      }
    };
    const steps: { tag: string; caseId: string; ok?: true; code?: string }[] = [];
    const stepper = async (k: number) => {
      const c = { ...stepped[k]! };
      for (let i = 0; !stop; i++) {
        const tag = `${marker}-s${k}-${i}`;
        try {
          c.version = (await gl.run('recordContact', c, { method: 'PHONE', content: tag })).version;
          steps.push({ tag, caseId: c.id, ok: true });
        } catch (e) {
          steps.push({ tag, caseId: c.id, code: /"code":"([A-Z_]+)"/.exec(String(e))?.[1] ?? `thrown: ${String(e)}` });
          await sleep(200);
        }
      }
    };
    const poll = async () => {
      while (!stop) {
        health.push(
          await fetch(`${api.url}/health/ready`).then(
            (r) => r.status,
            () => 0,
          ),
        );
        await sleep(250);
      }
    };
    const downloads = async () => {
      while (!stop) {
        const r = await fetch(`${api.url}/api/evidence/${evidenceId}/download`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = await r.text();
        rest.push(r.ok ? '200' : `${r.status} ${/"code":"([A-Z_]+)"/.exec(body)?.[1] ?? body.slice(0, 80)}`);
        await sleep(100);
      }
    };
    const load = [
      ...Array.from({ length: CLIENTS }, (_, k) => client(k)),
      ...Array.from({ length: TRANSITIONS }, (_, k) => stepper(k)),
      poll(),
      downloads(),
    ];
    // Under way first (a loaded machine is slow to warm up): a round of commits from the clients.
    const warm = Date.now() + 60_000;
    while (results.filter((r) => r.id).length < CLIENTS && Date.now() < warm) await sleep(100);
    const before = results.length;
    await run('bash', ['scripts/infra.sh', 'restart-mariadb', '3'], { cwd: ROOT, timeout: 120_000 });
    // Back up: the API must serve again without a restart of its own.
    const deadline = Date.now() + 60_000;
    while ((await fetch(`${api.url}/health/ready`)).status !== 200 && Date.now() < deadline) await sleep(250);
    const recovered = results.length;
    await sleep(2000);
    stop = true;
    await Promise.all(load);

    const failed = results.filter((r) => r.code);
    const ok = results.filter((r) => r.id);
    console.info(
      `db restart: ${ok.length} committed, failures ${JSON.stringify(failed.map((r) => r.code).slice(0, 5))} ` +
        `(${failed.length}), steps ${steps.filter((r) => r.ok).length} answered / ${steps.filter((r) => r.code).length} refused, ` +
        `health ${health.join(',')}, downloads ${JSON.stringify([...new Set(rest)])}`,
    );
    // REST too: a download during the outage answers a coded 503, never a bare 500.
    expect([...new Set(rest)].sort()).toEqual(['200', '503 SERVICE_UNAVAILABLE']);
    expect(rest[rest.length - 1]).toBe('200');
    expect(before).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0); // the outage was felt
    expect([...new Set(failed.map((r) => r.code))]).toEqual(['SERVICE_UNAVAILABLE']);
    expect(results.slice(recovered).filter((r) => r.id).length).toBeGreaterThan(0); // reconnected by itself
    expect(health).toContain(503);
    expect(health[health.length - 1]).toBe(200);

    const rows = (await api.ds.query('SELECT id, summary FROM wq_case WHERE summary LIKE ?', [`${marker}-%`])) as {
      id: string;
      summary: string;
    }[];
    const stored = new Map<string, string[]>();
    for (const r of rows) {
      const tag = r.summary.split(' ')[0];
      stored.set(tag, [...(stored.get(tag) ?? []), String(r.id)]);
    }
    for (const r of ok) expect([r.tag, stored.get(r.tag)]).toEqual([r.tag, [String(r.id)]]); // none lost or doubled
    const inDoubt = failed.filter((r) => stored.has(r.tag)).map((r) => r.tag);
    expect(inDoubt).toEqual([]); // a refused registration stored nothing

    // The steps: each answered one is on its case's timeline once, a refused one not at all.
    const stepFailures = steps.filter((r) => r.code);
    expect(steps.filter((r) => r.ok).length).toBeGreaterThan(0);
    expect([...new Set(stepFailures.map((r) => r.code))]).toEqual(['SERVICE_UNAVAILABLE']);
    const events = (await api.ds.query("SELECT note FROM case_event WHERE action = 'recordContact' AND note LIKE ?", [
      `${marker}-s%`,
    ])) as { note: string }[];
    const logged = events.map((e) => e.note).sort();
    expect(logged).toEqual(
      steps
        .filter((r) => r.ok)
        .map((r) => r.tag)
        .sort(),
    );
  }, 240_000);
});
