import { loader } from '../../common/loaders';

/** The GraphQL context the case-field resolvers read their request from. */
export type LoaderContext = { req: object };

/**
 * A workroom's records shown on a Case (the parent case was reached through the case scope):
 * one batched query per field per request for every case on the page, grouped back by case id.
 */
export function byCase<V>(
  ctx: LoaderContext,
  key: string,
  caseId: string,
  fetch: (ids: readonly string[]) => Promise<[string | number, V][]>,
): Promise<V[]> {
  return loader<string, V[]>(ctx.req, key, async (ids) => {
    const grouped = new Map<string, V[]>();
    for (const [id, v] of await fetch(ids)) grouped.set(String(id), [...(grouped.get(String(id)) ?? []), v]);
    return ids.map((id) => grouped.get(id) ?? []);
  }).load(String(caseId));
}
