import { DataSource, EntityManager } from 'typeorm';

// Work that must happen only once a transaction has committed (enqueueing alarm jobs): the
// database is the truth, the queue is the alarm clock. Keyed by the transaction's EntityManager.
const pending = new WeakMap<EntityManager, (() => Promise<void>)[]>();

export function afterCommit(m: EntityManager, fn: () => Promise<void>): void {
  if (!m.queryRunner?.isTransactionActive) {
    void fn();
    return;
  }
  const list = pending.get(m) ?? [];
  list.push(fn);
  pending.set(m, list);
}

/** Runs `fn` in a transaction, then the after-commit work it registered (never on rollback). */
export async function withTransaction<T>(ds: DataSource, fn: (m: EntityManager) => Promise<T>): Promise<T> {
  const { result, afterCommit: done } = await transactionThen(ds, fn);
  await done;
  return result;
}

/**
 * Like withTransaction, but answers as soon as the transaction has committed; `afterCommit` settles
 * once the after-commit work has run (it never rejects). For a caller that frees a shared resource at
 * commit (a group-commit slot) and waits for the rest separately.
 */
export async function transactionThen<T>(
  ds: DataSource,
  fn: (m: EntityManager) => Promise<T>,
): Promise<{ result: T; afterCommit: Promise<void> }> {
  let manager: EntityManager | undefined;
  try {
    const result = await ds.transaction((m) => {
      manager = m;
      return fn(m);
    });
    const jobs = pending.get(manager!) ?? [];
    pending.delete(manager!);
    // A failed enqueue is repaired by the reconciler; it must not fail the committed request.
    const done = jobs.length
      ? Promise.all(jobs.map((j) => j().catch(() => undefined))).then(() => undefined)
      : Promise.resolve();
    return { result, afterCommit: done };
  } catch (e) {
    if (manager) pending.delete(manager);
    throw e;
  }
}
