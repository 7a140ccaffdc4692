import DataLoader from 'dataloader';

/**
 * Request-scoped DataLoaders, kept on the request object: one batch per field per request,
 * so list pages resolve nested fields without N+1 queries.
 */
export function loader<K, V>(req: object, key: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  const bag = ((req as { __loaders?: Map<string, DataLoader<K, V>> }).__loaders ??= new Map());
  let l = bag.get(key);
  if (!l) {
    l = new DataLoader<K, V>(batch);
    bag.set(key, l);
  }
  return l;
}
