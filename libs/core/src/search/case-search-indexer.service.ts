import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { afterCommit } from '../db/after-commit';
import { CaseLifecycleService, CaseTransitionHook } from '../case/case-lifecycle.service';
import { indexCases } from './case-search.sql';

const BATCH = 500;
/** Fallback pass: catches cases written outside the lifecycle (seeds, scripts) and a pass that failed. */
const POLL_MS = 1000;

/**
 * Keeps case_search (Mroonga, not transactional) in step with wq_case. The triggers of migration
 * 1765600000000 queue a case id in case_search_pending inside the writer's transaction; this copies
 * the queued cases after commit — right after each registration batch or step (a lifecycle hook that
 * runs the indexer once the transaction has committed, before the request answers), and every second
 * in case anything was written elsewhere. A rolled-back write queued nothing, so it is never indexed.
 *
 * Several processes may index at once: queue rows are taken with SKIP LOCKED, and the case rows are
 * read with a shared lock, so a copy is always of the latest committed version and no newer version
 * can commit before the copy is written: the last copy of a case is its current state.
 */
@Injectable()
export class CaseSearchIndexer implements CaseTransitionHook, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('CaseSearchIndexer');
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    lifecycle: CaseLifecycleService,
  ) {
    lifecycle.registerHook(this);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.kick(), POLL_MS);
    this.timer.unref();
    void this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  // After commit, and the answer waits for it (read your writes: the caller's next search finds the
  // case). A group-committed registration batch already answers after its commit, while the next batch
  // is being written, so this adds latency to the answer, not work to the batch.
  async afterTransition(_actor: unknown, t: { m: EntityManager }): Promise<void> {
    afterCommit(t.m, () => this.kick());
  }

  async afterRegistrations(m: EntityManager): Promise<void> {
    afterCommit(m, () => this.kick());
  }

  /** Indexes everything queued; concurrent calls share one pass (and one more if work arrived meanwhile). */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while ((await this.batch()) === BATCH);
        } while (this.again);
      } catch (e) {
        // The rows stay queued; the next pass retries them.
        this.log.warn(`case search indexing failed: ${(e as Error).message}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Waits until every case committed so far is indexed (tests, bench). */
  async drain(): Promise<void> {
    await this.running;
    await this.kick();
  }

  private batch(): Promise<number> {
    return this.ds.transaction('READ COMMITTED', async (m) => {
      const queued: { id: string; case_id: string }[] = await m.query(
        `SELECT id, case_id FROM case_search_pending ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (!queued.length) return 0;
      await indexCases(m, 'c.id IN (?)', [[...new Set(queued.map((q) => String(q.case_id)))]], true);
      await m.query('DELETE FROM case_search_pending WHERE id IN (?)', [queued.map((q) => q.id)]);
      return queued.length;
    });
  }
}
