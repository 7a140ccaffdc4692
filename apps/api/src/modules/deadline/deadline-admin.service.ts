import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  Actor,
  AppError,
  CalendarService,
  CaseDeadlineEntity,
  DeadlineRuleEntity,
  DeadlineRuleSetEntity,
  DeadlineRulesService,
  DeadlineEngine,
  FIXED_DUE_RULES,
  dueOf,
  withTransaction,
} from '@weiquan/core';
import { AuditService } from '../audit/audit.service';
import { ReviseDeadlineRuleInput } from './deadline-admin.input';

export interface RecalculationItem {
  deadlineId: string;
  caseId: string;
  caseNo: string;
  ruleCode: string;
  fromVersion: number;
  toVersion: number;
  currentDue: Date | null;
  newDue: Date | null;
  amount: number;
  newAmount: number;
  unit: string;
  newUnit: string;
}

/**
 * Rule sets are versioned: a revision is a new version of the whole set; running deadlines keep
 * the version they started with. Moving running deadlines to a new rule version or calendar is an
 * explicit, previewed and audited administrator action — never a side effect.
 */
@Injectable()
export class DeadlineAdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rules: DeadlineRulesService,
    private readonly calendar: CalendarService,
    private readonly engine: DeadlineEngine,
    private readonly audit: AuditService,
  ) {}

  async ruleSets(): Promise<{ set: DeadlineRuleSetEntity; rules: DeadlineRuleEntity[] }[]> {
    const sets = await this.ds
      .getRepository(DeadlineRuleSetEntity)
      .find({ order: { layer: 'ASC', effectiveFrom: 'ASC', version: 'ASC' } });
    const rules = sets.length
      ? await this.ds
          .getRepository(DeadlineRuleEntity)
          .find({ where: { ruleSetId: In(sets.map((s) => s.id)) }, order: { id: 'ASC' } })
      : [];
    return sets.map((set) => ({ set, rules: rules.filter((r) => r.ruleSetId === set.id) }));
  }

  /** A new version of the set with one rule changed; the previous version stays for running deadlines. */
  async revise(actor: Actor, i: ReviseDeadlineRuleInput): Promise<DeadlineRuleSetEntity> {
    return withTransaction(this.ds, async (m) => {
      const latest = await m.findOne(DeadlineRuleSetEntity, {
        where: { code: i.ruleSetCode },
        order: { version: 'DESC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!latest) throw AppError.notFound('时限规则集', 'input.ruleSetCode');
      const rules = await m.findBy(DeadlineRuleEntity, { ruleSetId: latest.id });
      const target = rules.find((r) => r.code === i.ruleCode);
      if (!target) throw AppError.notFound('时限规则', 'input.ruleCode');
      if (i.hardMaxAmount != null && i.hardMaxAmount < (i.amount ?? target.amount))
        throw AppError.badInput('input.hardMaxAmount', '最长时限不能小于时限');
      const next = await m.save(
        m.create(DeadlineRuleSetEntity, {
          code: latest.code,
          name: latest.name,
          layer: latest.layer,
          effectiveFrom: i.effectiveFrom ?? latest.effectiveFrom,
          version: latest.version + 1,
          active: true,
        }),
      );
      for (const r of rules) {
        const { id: _id, ruleSetId: _set, ...rest } = r;
        const changed =
          r.code === i.ruleCode
            ? {
                amount: i.amount ?? r.amount,
                unit: i.unit ?? r.unit,
                warnFractions: i.warnFractions ?? r.warnFractions,
                hardMaxAmount: i.hardMaxAmount === undefined ? r.hardMaxAmount : i.hardMaxAmount,
              }
            : {};
        await m.insert(DeadlineRuleEntity, { ...rest, ...changed, ruleSetId: next.id } as never);
      }
      await this.audit.record(
        m,
        actor,
        'deadline.rule.revise',
        { type: 'deadline_rule_set', id: next.id },
        {
          code: latest.code,
          fromVersion: latest.version,
          toVersion: next.version,
          rule: i.ruleCode,
          amount: i.amount,
          unit: i.unit,
          warnFractions: i.warnFractions,
          hardMaxAmount: i.hardMaxAmount,
          reason: i.reason,
        },
      );
      return next;
    });
  }

  /** Which running deadlines would change under the rule versions and calendar in force now. */
  async preview(ruleSetCode?: string): Promise<RecalculationItem[]> {
    const qb = this.ds
      .getRepository(CaseDeadlineEntity)
      .createQueryBuilder('d')
      .innerJoin('wq_case', 'c', 'c.id = d.case_id')
      .addSelect('c.case_no', 'caseNo')
      .addSelect('c.received_at', 'receivedAt')
      .where("d.status IN ('RUNNING', 'PAUSED')");
    if (ruleSetCode) qb.andWhere('d.rule_set_code = :code', { code: ruleSetCode });
    const { entities, raw } = await qb.orderBy('d.id').getRawAndEntities();
    const cal = await this.calendar.current();
    const out: RecalculationItem[] = [];
    const rulesCache = new Map<string, Awaited<ReturnType<DeadlineRulesService['rulesFor']>>>();
    for (let k = 0; k < entities.length; k++) {
      const d = entities[k];
      // An agreed date is a fact, not a count: never recalculated from a rule's placeholder amount.
      if (FIXED_DUE_RULES.has(d.ruleCode)) continue;
      const receivedAt = new Date(raw[k].receivedAt);
      const key = receivedAt.toISOString().slice(0, 10);
      if (!rulesCache.has(key)) rulesCache.set(key, await this.rules.rulesFor(this.ds.manager, receivedAt));
      const inForce = rulesCache.get(key)!.find((r) => r.rule.code === d.ruleCode && r.set.code === d.ruleSetCode);
      const next = inForce ? { ...d, amount: inForce.rule.amount, unit: inForce.rule.unit } : d;
      const newDue = d.status === 'RUNNING' ? dueOf(cal, next).due : null;
      const toVersion = inForce?.set.version ?? d.ruleSetVersion;
      const moved = (newDue?.getTime() ?? null) !== (d.dueAt?.getTime() ?? null);
      if (moved || toVersion !== d.ruleSetVersion || cal.version !== d.calendarVersion) {
        out.push({
          deadlineId: d.id,
          caseId: d.caseId,
          caseNo: raw[k].caseNo,
          ruleCode: d.ruleCode,
          fromVersion: d.ruleSetVersion,
          toVersion,
          currentDue: d.dueAt,
          newDue,
          amount: d.amount,
          newAmount: next.amount,
          unit: d.unit,
          newUnit: next.unit,
        });
      }
    }
    return out;
  }

  /** Applies a previewed recalculation to the chosen deadlines (all previewed ones when none given). */
  async apply(actor: Actor, ids?: string[], reason?: string): Promise<number> {
    const items = (await this.preview()).filter((i) => !ids?.length || ids.includes(i.deadlineId));
    if (!items.length) return 0;
    return withTransaction(this.ds, async (m) => {
      const changed = await this.engine.recalculate(
        m,
        actor,
        items.map((i) => ({ ...i, newUnit: i.newUnit as CaseDeadlineEntity['unit'] })),
        reason,
      );
      await this.audit.record(
        m,
        actor,
        'deadline.recalculate',
        {
          type: 'case_deadline',
          id: changed
            .map((d) => d.id)
            .join(',')
            .slice(0, 64),
        },
        { count: changed.length, reason, items: items.slice(0, 200) as never },
      );
      return changed.length;
    });
  }
}
