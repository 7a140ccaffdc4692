import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildSchema,
  DocumentNode,
  getNamedType,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
  validate,
} from 'graphql';
import fc from 'fast-check';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { LIMITS, operationCost } from './graphql-limits';

const ROOT = resolve(__dirname, '../../../..');
const schema = buildSchema(readFileSync(join(ROOT, 'apps/api/schema.gql'), 'utf8'));
const rules = new ApolloArmor({
  maxDepth: { n: LIMITS.depth },
  maxAliases: { n: LIMITS.aliases },
  maxDirectives: { n: LIMITS.directives },
  maxTokens: { n: LIMITS.tokens },
  costLimit: { enabled: false },
}).protect().validationRules;

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return graphqlFiles(p);
    return p.endsWith('.graphql') && !p.includes('schema.') ? [p] : [];
  });
}

/** Some value of an input type; pages at their largest (limit 100), the worst case for cost. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  const named = getNamedType(type);
  if (named.name === 'PageInput') return { offset: 0, limit: 100 };
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named))
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type)]),
    );
  return ({ Int: 1, Float: 1, Boolean: true } as Record<string, unknown>)[named.name] ?? '1';
}

function worstCost(s: GraphQLSchema, doc: DocumentNode): { name: string; cost: number }[] {
  return doc.definitions.flatMap((d) => {
    if (d.kind !== Kind.OPERATION_DEFINITION) return [];
    const variables = Object.fromEntries(
      (d.variableDefinitions ?? []).map((v) => [
        v.variable.name.value,
        sample(typeFromAST(s, v.type as never) as GraphQLInputType),
      ]),
    );
    return [{ name: d.name?.value ?? '?', cost: operationCost(s, doc, variables, d.name?.value) }];
  });
}

const fragmentsDoc = (files: string[]) => parse(files.map((f) => readFileSync(f, 'utf8')).join('\n'));

describe('GraphQL bounds', () => {
  const files = graphqlFiles(join(ROOT, 'apps/web/src'));
  const consoleOps = fragmentsDoc(files);

  it("passes every one of the console's operations at its largest page", () => {
    expect(files.length).toBeGreaterThan(5);
    expect(validate(schema, consoleOps, rules)).toEqual([]);
    const costs = worstCost(schema, consoleOps);
    expect(costs.length).toBeGreaterThan(50);
    const over = costs.filter((c) => c.cost > LIMITS.cost);
    expect(over).toEqual([]);
    // Headroom for the console to grow, but not so much that the limit stops meaning anything.
    expect(Math.max(...costs.map((c) => c.cost))).toBeGreaterThan(LIMITS.cost / 10);
  });

  const CASE_FIELDS = `id caseNo kind state channel receivedAt summary version
    consumer { name phone idNumber address } respondent { name address creditCode }
    ownerUnitId assignedUnitId`;
  const aliased = (n: number, limit: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: cases(page: { limit: ${limit} }) { total items { ${CASE_FIELDS} } }`).join(' ')} }`;

  it('refuses the 16-alias cases(limit: 100) shape', () => {
    const doc = parse(aliased(16, 100));
    expect(validate(schema, doc, rules).map((e) => e.message)).toEqual([expect.stringMatching(/Aliases limit of 15/)]);
    expect(operationCost(schema, doc)).toBeGreaterThan(LIMITS.cost);
  });

  it('prices n aliases of a page of L cases at least n × L × the selection, so no alias count under the alias limit gets a big read through', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 100 }), (n, limit) => {
        const cost = operationCost(schema, parse(aliased(n, limit)));
        expect(cost).toBeGreaterThanOrEqual(n * limit * 10);
        // So an accepted operation reads at most LIMITS.cost / 10 rows of this size, however it is split.
        if (cost <= LIMITS.cost) expect(n * limit).toBeLessThanOrEqual(LIMITS.cost / 10);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses more than 15 aliases whatever the fields', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 60 }), (n) => {
        const doc = parse(`{ ${Array.from({ length: n }, (_, i) => `m${i}: me { id }`).join(' ')} }`);
        expect(validate(schema, doc, rules).map((e) => e.message)).toContainEqual(
          expect.stringMatching(/Aliases limit/),
        );
      }),
      { numRuns: 20 },
    );
  });
});
