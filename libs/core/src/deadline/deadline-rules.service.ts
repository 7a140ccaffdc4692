import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { toShanghaiDate } from '@weiquan/shared';
import { DeadlineRuleEntity, DeadlineRuleSetEntity } from '../entities/deadline.entity';
import { DEFAULT_RULE_SETS } from './default-rules';

export interface ActiveRule {
  rule: DeadlineRuleEntity;
  set: DeadlineRuleSetEntity;
}

/**
 * Versioned rule sets. A request gets, per layer, the active rule set with the latest
 * effective-from on or before its receivedAt (Asia/Shanghai date): a complaint received on
 * 2026-04-14 runs Order 20's statutory clock, one received on 2026-04-15 Order 121's.
 */
@Injectable()
export class DeadlineRulesService {
  /** Seeds the default rule sets once (idempotent). */
  async seedDefaults(m: EntityManager): Promise<void> {
    for (const spec of DEFAULT_RULE_SETS) {
      if (await m.existsBy(DeadlineRuleSetEntity, { code: spec.code })) continue;
      const set = await m.save(
        m.create(DeadlineRuleSetEntity, {
          code: spec.code,
          name: spec.name,
          layer: spec.layer,
          effectiveFrom: spec.effectiveFrom,
          version: 1,
          active: true,
        }),
      );
      for (const r of spec.rules) {
        await m.insert(DeadlineRuleEntity, {
          ruleSetId: set.id,
          code: r.code,
          name: r.name,
          kinds: r.kinds,
          channels: r.channels ?? null,
          startEvent: r.startEvent,
          startCondition: r.startCondition ?? null,
          stopEvents: r.stopEvents,
          pauseStates: r.pauseStates,
          amount: r.amount,
          unit: r.unit,
          warnFractions: r.warnFractions ?? [0.5, 0.8],
          hardMaxAmount: r.hardMaxAmount ?? null,
          perHop: r.perHop ?? false,
          escalation: r.escalation ?? null,
        });
      }
    }
  }

  /** The rules in force for a request received at `receivedAt`. */
  async rulesFor(m: EntityManager, receivedAt: Date): Promise<ActiveRule[]> {
    return this.rulesIn(await this.snapshot(m), receivedAt);
  }

  /** The rules in force at `receivedAt` in a snapshot. */
  rulesIn(snapshot: RulesSnapshot, receivedAt: Date): ActiveRule[] {
    const day = toShanghaiDate(receivedAt);
    const { sets, rulesBySet } = snapshot;
    // Per layer, the latest set in force (sets are sorted newest effective-from, then version, first).
    const chosen = new Map<string, DeadlineRuleSetEntity>();
    for (const s of sets) if (s.active && s.effectiveFrom <= day && !chosen.has(s.layer)) chosen.set(s.layer, s);
    return [...chosen.values()].flatMap((set) => (rulesBySet.get(set.id) ?? []).map((rule) => ({ rule, set })));
  }

  /**
   * Every rule set and rule, read once and kept while nothing changed. Rule sets and rules are
   * append-only (a revision is a new set version with new rule rows; only `active` is ever updated),
   * so a one-row stamp of counts and highest ids tells exactly when the copy is stale — whichever
   * process wrote the change. The copy is also dropped after a minute, for edits made by hand in SQL.
   * Callers must not mutate the returned entities. Several rulesIn calls can share one (a registration batch).
   */
  async snapshot(m: EntityManager): Promise<RulesSnapshot> {
    const [row] = await m.query(
      `SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS maxId, COALESCE(SUM(active), 0) AS active,
              (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(id), 0)) FROM deadline_rule) AS rules
         FROM deadline_rule_set`,
    );
    const stamp = `${row.n}:${row.maxId}:${row.active}:${row.rules}`;
    const cached = this.cache;
    if (cached && cached.stamp === stamp && Date.now() - cached.loadedAt < SNAPSHOT_MAX_AGE_MS) return cached;
    const sets = await m
      .createQueryBuilder(DeadlineRuleSetEntity, 's')
      .orderBy('s.effective_from', 'DESC')
      .addOrderBy('s.version', 'DESC')
      .getMany();
    const rules = sets.length ? await m.findBy(DeadlineRuleEntity, { ruleSetId: In(sets.map((s) => s.id)) }) : [];
    const rulesBySet = new Map<number, DeadlineRuleEntity[]>();
    for (const r of rules.sort((a, b) => a.id - b.id))
      rulesBySet.set(r.ruleSetId, [...(rulesBySet.get(r.ruleSetId) ?? []), r]);
    this.cache = { stamp, loadedAt: Date.now(), sets, rulesBySet };
    return this.cache;
  }

  private cache: (RulesSnapshot & { stamp: string; loadedAt: number }) | null = null;
}

const SNAPSHOT_MAX_AGE_MS = 60_000;

export interface RulesSnapshot {
  sets: DeadlineRuleSetEntity[];
  rulesBySet: Map<number, DeadlineRuleEntity[]>;
}
