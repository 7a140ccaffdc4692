import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

/**
 * Property-based fuzz of every mutation, driven by the committed schema: each mutation gets a plausible
 * input in which one leaf (chosen by fast-check) is replaced by a bad value of its kind — control
 * characters, lone surrogates, blank text, impossible or absurd dates, bare numbers for dates,
 * out-of-range numbers. Every answer must be a coded error (never INTERNAL_SERVER_ERROR) and no table
 * may gain or lose a row.
 */
const schema = buildSchema(readFileSync(join(__dirname, '../schema.gql'), 'utf8'));
const mutations = Object.values(schema.getMutationType()!.getFields()).filter(
  (f) => f.args.length > 0 && !['login', 'refreshToken', 'logout'].includes(f.name),
);

const BAD: Record<string, unknown[]> = {
  String: ['a\u0000b', '   ', '\u3000\t', 'x\ud800y', '\udc00', '\u0007bell'],
  ID: ['a\u0000b', '   ', '\ud800'],
  DateTime: [
    '2026-02-30T00:00:00Z',
    1767225600000,
    '0001-01-01T00:00:00Z',
    '9999-12-31T00:00:00Z',
    '2026-13-01',
    'yesterday',
  ],
  Int: [2147483647, -2147483648, 1e9, -1],
  Float: [1e308, -1e308, 1e15, -0.000001],
  Boolean: ['true', 1],
};

/** A plausible value of a type (the leaf kinds are what the fuzz replaces). */
function sample(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return sample(type.ofType, depth);
  if (isListType(type)) return [sample(type.ofType, depth)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].name;
  if (isInputObjectType(named))
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type) || depth < 1)
        .map((f) => [f.name, sample(f.type, depth + 1)]),
    );
  return (
    ({ Int: 1, Float: 1, Boolean: true, DateTime: new Date().toISOString(), ID: '1' } as Record<string, unknown>)[
      named.name
    ] ?? '测试文本'
  );
}

/** Paths of the leaves of a sampled value, with their scalar type name. */
function leaves(
  type: GraphQLInputType,
  value: unknown,
  path: (string | number)[] = [],
): [(string | number)[], string][] {
  if (isNonNullType(type)) return leaves(type.ofType, value, path);
  if (isListType(type)) return (value as unknown[]).flatMap((v, i) => leaves(type.ofType, v, [...path, i]));
  const named = getNamedType(type);
  if (isInputObjectType(named))
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      leaves(named.getFields()[k].type, v, [...path, k]),
    );
  return isScalarType(named) && BAD[named.name] ? [[path, named.name]] : [];
}

function setAt(root: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let at: any = copy;
  for (const p of path.slice(0, -1)) at = at[p];
  at[path[path.length - 1]] = value;
  return copy;
}

function operation(field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `mutation(${vars}) { ${field.name}(${args})${selection} }`;
}

describe('input fuzz: every mutation, bad values of every kind', () => {
  let api: TestApi;
  let admin: GqlClient;

  beforeAll(async () => {
    api = await startTestApi();
    admin = (await loginAs(api.gql, 'admin')).client;
  });
  afterAll(() => api?.close());

  async function rowCounts(): Promise<Record<string, number>> {
    const tables: { t: string }[] = await api.ds.query(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'`,
    );
    const counts: Record<string, number> = {};
    for (const { t } of tables)
      if (!['refresh_token', 'migrations', 'typeorm_metadata'].includes(t))
        counts[t] = Number((await api.ds.query(`SELECT COUNT(*) AS n FROM \`${t}\``))[0].n);
    return counts;
  }

  it(`answers a coded error and stores nothing for each of ${mutations.length} mutations`, async () => {
    expect(mutations.length).toBeGreaterThan(40);
    const before = await rowCounts();
    const internal: string[] = [];
    for (const field of mutations) {
      const base = Object.fromEntries(field.args.map((a) => [a.name, sample(a.type)]));
      const slots = field.args.flatMap((a) => leaves(a.type, base[a.name], [a.name]));
      if (!slots.length) continue;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...slots).chain(([path, kind]) => fc.tuple(fc.constant(path), fc.constantFrom(...BAD[kind]))),
          async ([path, bad]) => {
            const r = await admin.request(operation(field), setAt(base, path, bad));
            const codes = (r.errors ?? []).map((e) => e.extensions?.code);
            if (!codes.length || codes.some((c) => !c || c === 'INTERNAL_SERVER_ERROR'))
              internal.push(
                `${field.name} ${path.join('.')}=${JSON.stringify(bad)} → ${JSON.stringify(r.errors ?? r.data)}`,
              );
          },
        ),
        { numRuns: 8 },
      );
    }
    expect(internal).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  }, 600_000);
});
