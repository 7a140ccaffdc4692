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
  /** The pass running now, and the one that will run after it (shared by every caller arriving meanwhile). */
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
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
    await this.next;
    await this.running;
  }

  // A pass starts right after commit; the answer does not wait for it (a closed loop of registering
  // clients lost 40 % of its throughput to that wait). Reads wait instead: see catchUp.
  async afterTransition(_actor: unknown, t: { m: EntityManager }): Promise<void> {
    afterCommit(t.m, async () => void this.kick());
  }

  async afterRegistrations(m: EntityManager): Promise<void> {
    afterCommit(m, async () => void this.kick());
  }

  /**
   * Read your writes: a keyword search waits for the pass under way in this process, if any (every
   * commit here starts one, so a case this process wrote is indexed once it ends). Another process's
   * writes are found once its own pass ends, within milliseconds (at the latest the next poll, 1 s).
   */
  catchUp(): Promise<void> {
    return this.running ? this.kick() : Promise.resolve();
  }

  /**
   * Indexes everything queued so far. A caller waits for one pass that starts after its call: the running
   * one may have taken the queue before the caller's commit, so a caller arriving meanwhile waits for the
   * next pass, which all of them share. Under a steady stream of registrations a search catching up so
   * waits at most about two passes (a caller used to wait until the stream paused).
   */
  kick(): Promise<void> {
    if (!this.running) {
      this.running = this.pass().finally(() => (this.running = null));
      return this.running;
    }
    this.next ??= this.running.then(() => {
      this.next = null;
      return this.kick();
    });
    return this.next;
  }

  private async pass(): Promise<void> {
    try {
      while ((await this.batch()) === BATCH);
    } catch (e) {
      // The rows stay queued; the next pass retries them.
      this.log.warn(`case search indexing failed: ${(e as Error).message}`);
    }
  }

  /** Waits until every case committed so far is indexed (tests, bench). */
  drain(): Promise<void> {
    return this.kick();
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
