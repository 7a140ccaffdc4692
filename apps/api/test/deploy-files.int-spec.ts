import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parse } from 'yaml';
import { loadConfig } from '@weiquan/core';
import { prepareTestDatabase, testConfig } from '@weiquan/testing';

/**
 * #12 item 16 — what is deployed is what is tested. There is no Docker engine here, so the compose file,
 * the Dockerfiles, docker/env.example and the docs are checked as files: parsed, cross-referenced with each
 * other and with the repository, and the database image compared with the engine these tests run on.
 */
const ROOT = join(__dirname, '../../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  env_file?: string;
  environment?: Record<string, string>;
  profiles?: string[];
}
const compose = parse(read('docker/compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const envExample = Object.fromEntries(
  read('docker/env.example')
    .split('\n')
    .map((l) => /^([A-Z][A-Z0-9_]*)=(.*?)\s*(?:#.*)?$/.exec(l))
    .filter((m): m is RegExpExecArray => m != null)
    .map((m) => [m[1], m[2]]),
);
const serviceWithImage = (re: RegExp) => Object.entries(services).find(([, s]) => re.test(s.image ?? ''));

/** A Dockerfile's instructions, continuation lines joined, comments dropped. */
function instructions(path: string): { op: string; args: string }[] {
  return read(path)
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}
/** The image a service runs: its own, or for a built one the FROM of its Dockerfile. */
function baseImageOf(s: Service): string | undefined {
  if (!s.build) return s.image;
  return instructions(s.build.dockerfile).find((i) => i.op === 'FROM')?.args;
}
const dbService = () => Object.entries(services).find(([, s]) => /^mariadb:/.test(baseImageOf(s) ?? ''));
const dockerfiles = [...new Set(Object.values(services).flatMap((s) => (s.build ? [s.build.dockerfile] : [])))];

describe('deploy files (docker/) match what the tests run', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await prepareTestDatabase(testConfig());
  });
  afterAll(async () => ds?.destroy());

  it('deploys MariaDB of the same major version as the test database, and no MySQL', async () => {
    const [{ v }] = (await ds.query('SELECT VERSION() AS v')) as { v: string }[];
    expect(v).toMatch(/MariaDB/i);
    const tested = /^(\d+\.\d+)\./.exec(v)![1];
    // The database service: the official image, or an image built FROM it (with the Mroonga engine).
    const db = dbService();
    expect(db).toBeDefined();
    expect(baseImageOf(db![1])).toBe(`mariadb:${tested}`);
    for (const s of Object.values(services)) expect(s.image ?? '').not.toMatch(/^mysql(:|$)/);
    expect(read('docker/compose.yml')).not.toMatch(/MYSQL_/);
  });

  it('points the app at the compose services by name and starts it only after healthy dependencies', () => {
    const [dbName] = dbService()!;
    const [redisName] = serviceWithImage(/^redis:/)!;
    expect(envExample.DB_HOST).toBe(dbName);
    expect(envExample.DB_PORT).toBe('3306');
    expect(envExample.REDIS_HOST).toBe(redisName);
    expect(envExample.REDIS_PORT).toBe('6379');
    expect(services[dbName].healthcheck?.test.join(' ')).toMatch(/healthcheck\.sh --connect --innodb_initialized/);
    expect(services[redisName].healthcheck).toBeDefined();
    for (const app of ['migrate', 'api', 'worker', 'seed']) {
      const deps = services[app].depends_on ?? {};
      expect(deps[dbName]?.condition ?? deps.migrate?.condition).toMatch(/service_healthy|service_completed/);
      if (app !== 'migrate') expect(deps.migrate?.condition).toBe('service_completed_successfully');
    }
    for (const [name, dep] of Object.entries(services).flatMap(([, s]) => Object.entries(s.depends_on ?? {})))
      expect([name, services[name] ? 'defined' : 'missing', dep.condition]).toEqual([
        name,
        'defined',
        expect.any(String),
      ]);
  });

  it('defines in env.example every variable compose substitutes without a default', () => {
    const used = [...read('docker/compose.yml').matchAll(/\$\{([A-Z0-9_]+)(:?[-?][^}]*)?\}/g)];
    const required = used.filter((m) => !m[2]?.startsWith(':-')).map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    for (const name of required) expect([name, envExample[name] !== undefined]).toEqual([name, true]);
  });

  it('env.example is a valid production configuration once its placeholder secrets are replaced', () => {
    const secrets = { JWT_SECRET: 'x'.repeat(48), DB_PASSWORD: 'y'.repeat(40) };
    // As published, the placeholders are refused in production (item 1) …
    expect(() => loadConfig(envExample)).toThrow(/JWT_SECRET|DB_PASSWORD/);
    // … and with real secrets every other value passes the app's own validation.
    const config = loadConfig({ ...envExample, ...secrets });
    expect(config.NODE_ENV).toBe('production');
    expect(config.DB_HOST).toBe(envExample.DB_HOST);
    expect(config.EVIDENCE_MAX_BYTES).toBe(Number(envExample.EVIDENCE_MAX_BYTES));
  });

  it.each(dockerfiles)('%s copies files that exist and runs entry points the build produces', (file) => {
    expect(existsSync(join(ROOT, file))).toBe(true);
    const ins = instructions(file);
    const node = JSON.parse(read('package.json')) as { packageManager: string; engines: { node: string } };
    for (const { op, args } of ins) {
      if (op === 'COPY' && !args.startsWith('--from')) {
        const parts = args.split(/\s+/);
        for (const src of parts.slice(0, -1).filter((p) => !p.includes('['))) {
          expect([src, existsSync(join(ROOT, src))]).toEqual([src, true]);
        }
      }
      if (op === 'RUN' && /npm i -g pnpm@/.test(args))
        expect(`pnpm@${/pnpm@([\d.]+)/.exec(args)![1]}`).toBe(node.packageManager);
      if (op === 'ARG' && args.startsWith('NODE_IMAGE='))
        expect(/node:(\d+)/.exec(args)![1]).toBe(/(\d+)/.exec(node.engines.node)![1]);
      if (op === 'CMD' && args.startsWith('[')) {
        const cmd = JSON.parse(args) as string[];
        if (cmd[0] === 'node') {
          const src = cmd[1].replace('/dist/', '/src/').replace(/\.js$/, '.ts');
          expect([cmd[1], existsSync(join(ROOT, src))]).toEqual([cmd[1], true]);
        }
      }
    }
    // An image that serves a port says how to tell it is up (compose waits on it).
    if (ins.some((i) => i.op === 'EXPOSE')) expect(ins.some((i) => i.op === 'HEALTHCHECK')).toBe(true);
  });

  it('web image installs the nginx config and the headers file at the path the config includes', () => {
    const copies = instructions('docker/web.Dockerfile')
      .filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'))
      .map((i) => i.args.split(/\s+/));
    const dest = (src: string) => copies.find(([s]) => s === src)?.[1];
    expect(dest('docker/nginx.conf')).toBe('/etc/nginx/conf.d/default.conf');
    const includes = [...read('docker/nginx.conf').matchAll(/^\s*include\s+(\S+);/gm)].map((m) => m[1]);
    expect(includes.length).toBeGreaterThan(0);
    for (const inc of includes) expect(dest('docker/nginx-headers.conf')).toBe(inc);
    // The API's port in the upstream is the one the API image listens on.
    const port = /API_PORT=(\d+)/.exec(read('docker/api.Dockerfile'))![1];
    expect(read('docker/nginx.conf')).toMatch(new RegExp(`server api:${port};`));
    expect(envExample.API_PORT).toBe(port);
  });

  it('the docs name the deployed engine', () => {
    for (const doc of ['docker/README.md', 'README.md']) {
      expect(read(doc)).toMatch(/MariaDB 10\.11/);
      expect(read(doc)).not.toMatch(/`mysql:8|\(MySQL 8 \+/);
    }
  });
});
