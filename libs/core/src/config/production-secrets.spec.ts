import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from './app-config';
import { PUBLISHED_SECRETS, SECRET_KEYS } from './production-secrets';

const ROOT = resolve(__dirname, '../../../..');
const STRONG = { JWT_SECRET: 'k'.repeat(24) + 'Zq9!x7Lm' + 'p'.repeat(16), DB_PASSWORD: 'd'.repeat(40) };
const prod = (o: Record<string, string>) => loadConfig({ NODE_ENV: 'production', ...STRONG, ...o });

function exampleValues(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(resolve(ROOT, file), 'utf8').split(/\r?\n/)) {
    const m = /^([A-Z_]+)=(\S*)/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

describe('production secrets', () => {
  it.each(['.env.example', 'docker/env.example'])('knows every secret published in %s', (file) => {
    const values = exampleValues(file);
    const secrets = Object.entries(values).filter(([k]) => /SECRET|PASSWORD|_KEY$/.test(k));
    expect(secrets.length).toBeGreaterThan(0);
    for (const [, v] of secrets) expect(PUBLISHED_SECRETS.has(v)).toBe(true);
  });

  it('boots production with long unpublished secrets', () => {
    expect(prod({}).JWT_SECRET).toBe(STRONG.JWT_SECRET);
  });

  // Every published value, in each secret slot, and padded with whitespace: refused, naming the key.
  const cases = SECRET_KEYS.flatMap((key) =>
    [...PUBLISHED_SECRETS].flatMap((v) => [
      [key, v],
      [key, ` ${v} `],
    ]),
  );
  it.each(cases)('refuses %s = published %p in production', (key, value) => {
    expect(() => prod({ [key]: value })).toThrow(new RegExp(`${key}: 生产环境不得使用`));
  });

  it.each(SECRET_KEYS.flatMap((key) => [0, 1, 16, 31].map((n) => [key, n] as const)))(
    'refuses %s of %i bytes in production',
    (key, n) => {
      expect(() => prod({ [key]: 'r'.repeat(n) })).toThrow(new RegExp(`${key}: 生产环境至少 32 字节`));
    },
  );

  it('counts bytes, not characters (11 CJK characters are 33 bytes)', () => {
    expect(() => prod({ DB_PASSWORD: '维'.repeat(10) })).toThrow(/DB_PASSWORD/);
    expect(prod({ DB_PASSWORD: '维'.repeat(11) }).DB_PASSWORD).toHaveLength(11);
  });

  it('names every bad secret at once', () => {
    expect(() => prod({ JWT_SECRET: 'dev-only-secret-change-me-please-32chars-min', DB_PASSWORD: 'short' })).toThrow(
      /JWT_SECRET[\s\S]*DB_PASSWORD/,
    );
  });

  it('lets development and tests use the example values', () => {
    for (const NODE_ENV of ['development', 'test'])
      expect(
        loadConfig({
          NODE_ENV,
          JWT_SECRET: 'dev-only-secret-change-me-please-32chars-min',
          DB_PASSWORD: 'weiquan_dev_only',
        }).NODE_ENV,
      ).toBe(NODE_ENV);
  });
});
