/** What a flush says about one item: its result, or the error that item alone gets. */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface GroupCommitOptions<I> {
  /** Most items in one flush. */
  maxBatch: number;
  /** Flushes running at the same time (1: the next batch gathers while one is written). */
  maxInFlight?: number;
  /**
   * Items with the same non-null key never share a flush, nor run in two flushes at once: the later
   * one waits until the earlier one's flush has finished, so it sees it committed (e.g. two
   * registrations that could be repeats of each other).
   */
  key?: (item: I) => string | null;
}

/**
 * Group commit: callers submit one item each and get their own result; items that arrive while a
 * flush is being written are gathered and written together by the next one (one transaction, one
 * multi-row INSERT per table). An idle committer flushes at once, so a lone caller waits no longer
 * than it would alone; under load the batches grow by themselves and the per-statement and
 * per-commit costs (round trips, log flush) are shared.
 *
 * `flush` gets the items in arrival order and returns one Settled per item, in the same order; if it
 * throws, every item of that flush gets the error.
 */
export class GroupCommit<I, O> {
  private readonly queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;
  /** Keys of the items in flushes now running. */
  private readonly busyKeys = new Map<string, number>();
  private readonly maxInFlight: number;

  constructor(
    private readonly flush: (items: I[]) => Promise<Settled<O>[]>,
    private readonly opts: GroupCommitOptions<I>,
  ) {
    if (!(opts.maxBatch >= 1)) throw new Error('GroupCommit: maxBatch must be at least 1');
    this.maxInFlight = Math.max(1, opts.maxInFlight ?? 1);
  }

  /** Items waiting for a flush (not counting those being written). */
  get waiting(): number {
    return this.queue.length;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length) {
      const batch = this.take();
      if (!batch.length) return; // everything waiting has a key in a running flush
      this.inFlight++;
      void this.run(batch);
    }
  }

  /**
   * The oldest items, up to maxBatch, skipping any whose key is already in the batch or in a running
   * flush (they keep their place).
   */
  private take(): typeof this.queue {
    const { maxBatch, key } = this.opts;
    if (!key) return this.queue.splice(0, maxBatch);
    const batch: typeof this.queue = [];
    const keys = new Set<string>();
    for (let i = 0; i < this.queue.length && batch.length < maxBatch; ) {
      const k = key(this.queue[i]!.item);
      if (k !== null && (keys.has(k) || this.busyKeys.has(k))) {
        i++;
        continue;
      }
      if (k !== null) keys.add(k);
      batch.push(this.queue.splice(i, 1)[0]!);
    }
    for (const k of keys) this.busyKeys.set(k, (this.busyKeys.get(k) ?? 0) + 1);
    return batch;
  }

  private async run(batch: typeof this.queue): Promise<void> {
    try {
      const out = await this.flush(batch.map((b) => b.item));
      if (out.length !== batch.length)
        throw new Error(`GroupCommit: flush returned ${out.length} results for ${batch.length} items`);
      batch.forEach((b, i) => {
        const s = out[i]!;
        if (s.ok) b.resolve(s.value);
        else b.reject(s.error);
      });
    } catch (e) {
      for (const b of batch) b.reject(e);
    } finally {
      this.inFlight--;
      const { key } = this.opts;
      if (key) {
        for (const b of batch) {
          const k = key(b.item);
          if (k === null) continue;
          const n = (this.busyKeys.get(k) ?? 1) - 1;
          if (n > 0) this.busyKeys.set(k, n);
          else this.busyKeys.delete(k);
        }
      }
      this.pump();
    }
  }
}
