import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { DocumentNode, getNullableType, GraphQLError, GraphQLSchema, isListType } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { ErrorCode } from '@weiquan/core';

/**
 * Bounds on every GraphQL operation, for every caller (console, API clients, anonymous):
 *  - depth, aliases, directives and tokens: graphql-armor's validation rules;
 *  - cost: graphql-query-complexity with a list-aware estimator — a paged field costs its page's `limit`
 *    times its selection, an unpaged list LIST_FACTOR times — so 16 aliases of `cases(page:{limit:100})`
 *    with nested fields cost far over MAX_COST while the console's largest real query stays well under
 *    (graphql-limits.spec.ts computes every operation of the console and the tests against the schema);
 *  - batched operations (a JSON array body): refused (Apollo's allowBatchedHttpRequests: false);
 *  - field suggestions ("Did you mean …?") hidden in production, with introspection (app.module).
 * A refusal answers QUERY_TOO_COMPLEX before anything is resolved.
 */
export const LIMITS = { depth: 10, aliases: 15, directives: 20, tokens: 3000, cost: 12_000 } as const;
export const DEFAULT_PAGE_LIMIT = 20;
export const LIST_FACTOR = 10;

/** A paged field (argument `page: PageInput`) or an unpaged list multiplies its selection's cost. */
export const listAwareEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.args.some((a) => a.name === 'page')) {
    const limit = Number((args.page as { limit?: unknown } | undefined)?.limit ?? DEFAULT_PAGE_LIMIT);
    return 1 + Math.max(1, Number.isFinite(limit) ? limit : DEFAULT_PAGE_LIMIT) * childComplexity;
  }
  // `items` of a page is already counted by the paged field above it.
  const list = isListType(getNullableType(field.type)) && field.name !== 'items';
  return 1 + (list && childComplexity > 0 ? LIST_FACTOR : 1) * childComplexity;
};

export function operationCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables?: Record<string, unknown>,
  operationName?: string,
): number {
  return getComplexity({ schema, query, variables, operationName, estimators: [listAwareEstimator] });
}

export const ARMOR_MESSAGE = /^Syntax Error: (Query depth limit|Aliases limit|Directives limit|Token limit) of \d+/;

export function graphqlLimits(production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.depth, exposeLimits: true },
    maxAliases: { n: LIMITS.aliases, exposeLimits: true },
    maxDirectives: { n: LIMITS.directives, exposeLimits: true },
    maxTokens: { n: LIMITS.tokens, exposeLimits: true },
    costLimit: { enabled: false }, // list-blind; replaced by the list-aware cost below
    blockFieldSuggestion: { enabled: production },
  }).protect();
  const cost: ApolloServerPlugin = {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document, schema }) => {
        const actual = operationCost(schema, document, request.variables, request.operationName ?? undefined);
        if (actual > LIMITS.cost)
          throw new GraphQLError(
            `查询过于复杂（成本 ${actual}，上限 ${LIMITS.cost}），请减少每页条数、别名或嵌套字段`,
            {
              extensions: {
                code: ErrorCode.QUERY_TOO_COMPLEX,
                details: { cost: actual, maxCost: LIMITS.cost },
                http: { status: 400 },
              },
            },
          );
      },
    }),
  };
  return {
    plugins: [...armor.plugins, cost],
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false as const,
  };
}

/** An armor refusal as the stable QUERY_TOO_COMPLEX error (armor reports them as syntax errors). */
export function armorRefusal(message: string): { message: string; code: string } | null {
  const m = ARMOR_MESSAGE.exec(message);
  if (!m) return null;
  return { message: `查询超出限制：${message.replace(/^Syntax Error: /, '')}`, code: ErrorCode.QUERY_TOO_COMPLEX };
}
