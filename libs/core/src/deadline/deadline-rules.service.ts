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
      const set = await m.save(m.create(DeadlineRuleSetEntity, { code: spec.code, name: spec.name, layer: spec.layer, effectiveFrom: spec.effectiveFrom, version: 1, active: true }));
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
    const day = toShanghaiDate(receivedAt);
    const sets = await m
      .createQueryBuilder(DeadlineRuleSetEntity, 's')
      .where('s.active = 1 AND s.effective_from <= :day', { day })
      .orderBy('s.effective_from', 'DESC')
      .addOrderBy('s.version', 'DESC')
      .getMany();
    // Per layer, the latest set in force; within the commitment layer one set, within statutory one.
    const chosen = new Map<string, DeadlineRuleSetEntity>();
    for (const s of sets) if (!chosen.has(s.layer)) chosen.set(s.layer, s);
    const ids = [...chosen.values()].map((s) => s.id);
    if (!ids.length) return [];
    const rules = await m.findBy(DeadlineRuleEntity, { ruleSetId: In(ids) });
    return rules.map((rule) => ({ rule, set: [...chosen.values()].find((s) => s.id === rule.ruleSetId)! }));
  }
}
