import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { endOfShanghaiDay, toShanghaiDate, WorkingCalendar } from '@weiquan/shared';
import { CaseEventWriter } from '../case/case-event.writer';
import { withTransaction } from '../db/after-commit';
import { CaseEntity } from '../entities/case.entity';
import { CaseDeadlineEntity, DeadlineRuleEntity, ViolationEntity } from '../entities/deadline.entity';
import { OrgUnitEntity } from '../entities/org-unit.entity';
import { NotificationService } from '../notification/notification.service';
import { SYSTEM_ACTOR } from '../scope/actor';
import { SupervisionService } from '../supervision/supervision.service';
import { Clock } from '../time/clock';
import { CalendarService } from '../calendar/calendar.service';
import { DeadlineJob, effectOf } from './deadline-alarms';
import { escalationInstant, warningsOf } from './deadline-math';
import { dutyOf, ESCALATION_ACTION_LABEL, type EscalationStep } from './default-rules';

export type FireResult = 'applied' | 'duplicate' | 'stale' | 'early' | 'inactive';

/**
 * What happens when an alarm rings. Every effect is claimed in deadline_effect (unique per deadline
 * and effect) inside the same transaction as its consequences, so a job that runs twice, a worker
 * killed mid-job or a reconciler racing the queue can never apply it twice.
 */
@Injectable()
export class DeadlineEffects {
  private readonly log = new Logger(DeadlineEffects.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly supervision: SupervisionService,
    private readonly notifications: NotificationService,
    private readonly events: CaseEventWriter,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async fire(job: DeadlineJob): Promise<FireResult> {
    // The calendar is read before the transaction opens: (re)loading it takes a pool connection of its
    // own, and with every connection held by an alarm's transaction that would wait forever.
    const cal = await this.calendar.current();
    return withTransaction(this.ds, async (m) => {
      const d = await m.findOne(CaseDeadlineEntity, {
        where: { id: job.deadlineId },
        lock: { mode: 'pessimistic_write' },
      });
      if (job.kind === 'step') return d ? this.step(m, d, job.step ?? 0, cal) : 'inactive';
      if (!d || d.status !== 'RUNNING') return 'inactive';
      if (d.version !== job.version) return 'stale';
      const now = this.clock.now();
      if (job.kind === 'due') {
        if (!d.dueAt || d.dueAt.getTime() > now.getTime()) return 'early';
        return this.breach(m, d, now, cal);
      }
      const w = warningsOf(cal, d).find((x) => x.fraction === job.fraction);
      if (!w || w.at.getTime() > now.getTime()) return 'early';
      return this.warn(m, d, job.fraction!, now);
    });
  }

  private async claim(m: EntityManager, d: CaseDeadlineEntity, effect: string, now: Date): Promise<boolean> {
    const res = await m.query('INSERT IGNORE INTO deadline_effect (deadline_id, effect, applied_at) VALUES (?, ?, ?)', [
      d.id,
      effect,
      now,
    ]);
    return Number(res.affectedRows) === 1;
  }

  private async warn(m: EntityManager, d: CaseDeadlineEntity, fraction: number, now: Date): Promise<FireResult> {
    if (!(await this.claim(m, d, effectOf({ deadlineId: d.id, version: d.version, kind: 'warn', fraction }), now)))
      return 'duplicate';
    const c = await m.findOneByOrFail(CaseEntity, { id: d.caseId });
    const rule = await m.findOneBy(DeadlineRuleEntity, { id: d.ruleId });
    const recipients = d.responsibleUserId
      ? [d.responsibleUserId]
      : await this.notifications.usersWithRole(m, d.responsibleUnitId, 'DIRECTOR');
    await this.notifications.notifyUsers(m, recipients, {
      kind: 'DEADLINE_WARNING',
      title: `时限预警：${c.caseNo} ${rule?.name ?? d.ruleCode} 已用时 ${Math.round(fraction * 100)}%`,
      body: `截止时间 ${fmt(d.dueAt)}`,
      caseId: c.id,
      dedupeKey: `dl-${d.id}-warn-${Math.round(fraction * 100)}`,
    });
    return 'applied';
  }

  /** A rung of the rule's escalation ladder; each happens once, before or after the breach. */
  private async step(
    m: EntityManager,
    d: CaseDeadlineEntity,
    index: number,
    cal: WorkingCalendar,
  ): Promise<FireResult> {
    if (d.stoppedAt || !d.dueAt || (d.status !== 'RUNNING' && d.status !== 'BREACHED')) return 'inactive';
    const rule = await m.findOneBy(DeadlineRuleEntity, { id: d.ruleId });
    const step = ((rule?.escalation ?? []) as EscalationStep[])[index];
    if (!step) return 'inactive';
    const now = this.clock.now();
    if (escalationInstant(cal, d.dueAt, step.offsetWorkingDays).getTime() > now.getTime()) return 'early';
    if (!(await this.claim(m, d, effectOf({ deadlineId: d.id, version: d.version, kind: 'step', step: index }), now)))
      return 'duplicate';
    const c = await m.findOneByOrFail(CaseEntity, { id: d.caseId });
    const unit = await m.findOneByOrFail(OrgUnitEntity, { id: d.responsibleUnitId });
    const what = `${c.caseNo}「${rule?.name ?? d.ruleCode}」截止 ${fmt(d.dueAt)}`;
    const notify = (userIds: number[], title: string) =>
      this.notifications.notifyUsers(m, userIds, {
        kind: 'DEADLINE_ESCALATION',
        title,
        caseId: c.id,
        dedupeKey: `dl-${d.id}-step-${index}`,
      });
    switch (step.action) {
      case 'NOTIFY_HANDLER':
        await notify(
          d.responsibleUserId ? [d.responsibleUserId] : await this.notifications.usersWithRole(m, unit.id, 'DIRECTOR'),
          `临期提醒：${what}`,
        );
        break;
      case 'NOTIFY_UNIT_HEAD':
        await notify(await this.notifications.usersWithRole(m, unit.id, 'DIRECTOR'), `今日到期：${what}`);
        break;
      case 'NOTIFY_SUPERVISORS':
        await notify(await this.notifications.usersCovering(m, unit.path, 'SUPERVISOR'), `督办提示：${what}`);
        break;
      case 'SUPERVISE_PARENT': {
        if (!unit.parentId) break;
        let respondBy = toShanghaiDate(now);
        for (let i = 0; i < 2; i++) respondBy = cal.nextWorkingDay(respondBy);
        await this.supervision.openAutomatic(m, {
          caseId: c.id,
          targetUnitId: unit.parentId,
          level: 'SUPERVISION',
          content: `逐级督办：${unit.name} 办理的 ${what} 已超期，请上级单位督促办理。`,
          responseDueAt: endOfShanghaiDay(respondBy),
          sourceKey: `deadline-${d.id}-step-${index}`,
        } as never);
        await notify(await this.notifications.usersWithRole(m, unit.parentId, 'DIRECTOR'), `逐级督办：${what}`);
        break;
      }
    }
    await this.events.append(m, SYSTEM_ACTOR, {
      caseId: c.id,
      action: 'deadlineEscalated',
      note: `${ESCALATION_ACTION_LABEL[step.action] ?? '超期升级'}：${what}`,
      detail: { deadlineId: d.id, step: index, action: step.action },
    });
    return 'applied';
  }

  /**
   * The 违诺 of a breach. A person is charged at most once per case and duty (the unique personal key
   * turns a second personal row into the unit's); a statutory breach is the unit's and points at the
   * commitment 违诺 of the same duty. Returns the person charged, if any.
   */
  private async recordViolation(
    m: EntityManager,
    d: CaseDeadlineEntity,
    c: CaseEntity,
    unit: OrgUnitEntity,
    now: Date,
  ): Promise<number | null> {
    const v = violationOf(d);
    const sameDuty = await m.findOne(ViolationEntity, {
      where: { caseId: c.id, duty: v.duty, layer: 'COMMITMENT' },
      order: { id: 'ASC' },
    });
    const personal =
      v.userId != null && !(await m.existsBy(ViolationEntity, { caseId: c.id, duty: v.duty, userId: v.userId }));
    const res = await m.insert(ViolationEntity, {
      deadlineId: d.id,
      caseId: c.id,
      ruleCode: d.ruleCode,
      userId: personal ? v.userId : null,
      unitId: unit.id,
      unitPath: unit.path,
      year: Number(toShanghaiDate(now).slice(0, 4)),
      occurredAt: now,
      duty: v.duty,
      layer: v.layer,
      reason: v.reason,
      linkedViolationId: v.layer === 'STATUTORY' ? (sameDuty?.id ?? null) : null,
    });
    // A statutory breach that came first points at the commitment 违诺 once there is one. Read first and update
    // by primary key: a ranged UPDATE would gap-lock the index and serialise concurrent breaches of other cases.
    if (v.layer === 'COMMITMENT' && !sameDuty) {
      const earlier = await m.find(ViolationEntity, {
        where: { caseId: c.id, duty: v.duty, layer: 'STATUTORY', linkedViolationId: IsNull() },
        select: { id: true },
      });
      if (earlier.length)
        await m.update(
          ViolationEntity,
          { id: In(earlier.map((x) => x.id)) },
          { linkedViolationId: res.identifiers[0].id },
        );
    }
    return personal ? v.userId : null;
  }

  /**
   * 超期: overdue flag, automatic 督办 for the responsible unit, escalation, and a 违诺 record. Pass the
   * calendar when called inside a transaction that holds a pool connection (see fire).
   */
  async breach(m: EntityManager, d: CaseDeadlineEntity, now: Date, calendar?: WorkingCalendar): Promise<FireResult> {
    if (!(await this.claim(m, d, 'breach', now))) return 'duplicate';
    d.status = 'BREACHED';
    d.breachedAt = now;
    d.version += 1;
    await m.update(CaseDeadlineEntity, { id: d.id }, { status: d.status, breachedAt: now, version: d.version });
    const c = await m.findOneByOrFail(CaseEntity, { id: d.caseId });
    const unit = await m.findOneByOrFail(OrgUnitEntity, { id: d.responsibleUnitId });
    const rule = await m.findOneBy(DeadlineRuleEntity, { id: d.ruleId });
    const what = `${c.caseNo} 超过「${rule?.name ?? d.ruleCode}」时限（截止 ${fmt(d.dueAt)}）`;
    await m.query('UPDATE wq_case SET overdue = 1 WHERE id = ?', [c.id]);
    const cal = calendar ?? (await this.calendar.current());
    let respondBy = toShanghaiDate(now);
    for (let i = 0; i < 2; i++) respondBy = cal.nextWorkingDay(respondBy);
    await this.supervision.openAutomatic(m, {
      caseId: c.id,
      targetUnitId: unit.id,
      level: 'SUPERVISION',
      content: `自动督办：${what}，请说明原因并尽快办理。`,
      responseDueAt: endOfShanghaiDay(respondBy),
      sourceKey: `deadline-${d.id}`,
    } as never);
    const charged = await this.recordViolation(m, d, c, unit, now);
    const directors = await this.notifications.usersWithRole(m, unit.id, 'DIRECTOR');
    const supervisors = await this.notifications.usersCovering(m, unit.path, 'SUPERVISOR');
    const handler = charged ? [charged] : [];
    await this.notifications.notifyUsers(m, [...new Set([...handler, ...directors, ...supervisors])], {
      kind: 'DEADLINE_BREACHED',
      title: `超期：${what}`,
      body: `已自动督办 ${unit.name}，并记录违诺。`,
      caseId: c.id,
      dedupeKey: `dl-${d.id}-breach`,
    });
    await this.events.append(m, SYSTEM_ACTOR, {
      caseId: c.id,
      action: 'deadlineBreached',
      note: what,
      detail: {
        deadlineId: d.id,
        rule: d.ruleCode,
        dueAt: d.dueAt?.toISOString(),
        unitId: unit.id,
        userId: charged,
        reason: d.chargeNote,
      },
    });
    this.log.warn(`deadline ${d.id} breached: ${what}`);
    return 'applied';
  }
}

/** How a 违诺 row is written: one late duty, one 违诺 per case, duty and person; statutory breaches are the unit's. */
export function violationOf(d: Pick<CaseDeadlineEntity, 'ruleCode' | 'layer' | 'responsibleUserId' | 'chargeNote'>): {
  duty: string;
  layer: CaseDeadlineEntity['layer'];
  userId: number | null;
  reason: string | null;
} {
  const statutory = d.layer === 'STATUTORY';
  return {
    duty: dutyOf(d.ruleCode),
    layer: d.layer,
    userId: statutory ? null : d.responsibleUserId,
    reason: d.chargeNote ?? null,
  };
}

function fmt(d: Date | null): string {
  if (!d) return '—';
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
