import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '@weiquan/shared';
import {
  AuditWriter,
  Actor,
  actingUnitId,
  CaseEntity,
  CaseEventWriter,
  CaseLifecycleService,
  Clock,
  MediationSessionEntity,
  MediationSessionStaffEntity,
  NotificationService,
  UserEntity,
  withTransaction,
} from '@weiquan/core';
import { handling, MediationAccess } from './mediation-access.service';
import { MediationModeLabel, MediationResultLabel } from './mediation.enums';
import { MediationError } from './mediation.exception';
import {
  FeedBackResultInput,
  MediationPartyInput,
  RecordMediationSessionInput,
  UpdateMediationSessionInput,
} from './mediation.input';
import { MediationQueryService, SessionView } from './mediation-query.service';

/** The case log names what changed in a 调解记录 as the console's form does (never the field's code). */
const SESSION_FIELD_LABEL: Readonly<Record<string, string>> = {
  mode: '调解方式',
  heldAt: '调解时间',
  place: '地点',
  simple: '简易调解',
  parties: '当事人',
  record: '调解记录',
  result: '调解结果',
  resultNote: '结果说明',
  staff: '工作人员',
};

/** 调解: the recorded sessions of a case, and the result fed back to reception. */
@Injectable()
export class MediationSessionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: MediationAccess,
    private readonly events: CaseEventWriter,
    private readonly lifecycle: CaseLifecycleService,
    private readonly queries: MediationQueryService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    private readonly audit: AuditWriter,
  ) {}

  async record(actor: Actor, i: RecordMediationSessionInput): Promise<SessionView> {
    return withTransaction(this.ds, async (m) => {
      const c = await this.access.caseFor(m, actor, i.caseId, handling('记录调解'));
      this.access.assertPast(i.heldAt, 'input.heldAt');
      const simple = i.simple ?? false;
      const staff = await this.checkSession(m, actor, c, {
        simple,
        staffIds: i.staffIds,
        parties: i.parties,
        partiesConsented: i.partiesConsented,
      });
      const now = this.clock.now();
      const res = await m.insert(MediationSessionEntity, {
        caseId: c.id,
        unitId: actingUnitId(actor, c),
        mode: i.mode,
        heldAt: i.heldAt,
        place: i.place?.trim() || null,
        simple,
        partiesConsented: i.partiesConsented,
        parties: parties(i.parties),
        record: i.record.trim(),
        result: i.result,
        resultNote: i.resultNote?.trim() || null,
        recordedById: actor.kind === 'USER' ? actor.id : null,
        recordedAt: now,
        updatedById: null,
        updatedAt: null,
        version: 1,
      });
      const id = String(res.identifiers[0].id);
      await this.saveStaff(m, id, staff, false);
      // A session or investigation with the consumer is a real contact: the clocks see it as a step.
      await this.lifecycle.recordActivity(m, actor, c, 'recordMediationSession');
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'recordMediationSession',
        note: `${MediationModeLabel[i.mode]}：${MediationResultLabel[i.result]}`,
        detail: {
          sessionId: id,
          mode: i.mode,
          heldAt: i.heldAt.toISOString(),
          simple,
          staff: staff.map((u) => u.displayName),
          result: i.result,
        },
        at: now,
      });
      return (await this.queries.sessions([], m, [id]))[0];
    });
  }

  /** Changes the given fields; the staff rule (two or more unless simple) holds for the result. */
  async update(actor: Actor, i: UpdateMediationSessionInput): Promise<SessionView> {
    return withTransaction(this.ds, async (m) => {
      const { item: s, c } = await this.access.itemFor(
        m,
        actor,
        MediationSessionEntity,
        i.id,
        i.version,
        handling('修改调解记录'),
      );
      if (i.heldAt) this.access.assertPast(i.heldAt, 'input.heldAt');
      const simple = i.simple ?? s.simple;
      const current = (await m.findBy(MediationSessionStaffEntity, { sessionId: s.id })).map((x) => String(x.userId));
      const staffCount = this.access.staffIds(i.staffIds ?? current, 'input.staffIds').length;
      if (staffCount < (simple ? 1 : 2))
        throw MediationError.staffTooFew(i.staffIds ? 'input.staffIds' : 'input.simple');
      const staff = i.staffIds ? await this.access.staff(m, actor, c, i.staffIds, 'input.staffIds') : null;
      if (i.parties && !i.parties.length) throw MediationError.partyRequired('input.parties');
      const changes: Partial<MediationSessionEntity> = {};
      if (i.mode) changes.mode = i.mode;
      if (i.heldAt) changes.heldAt = i.heldAt;
      if (i.place !== undefined) changes.place = i.place?.trim() || null;
      if (i.simple != null) changes.simple = i.simple;
      if (i.parties) changes.parties = parties(i.parties);
      if (i.record) changes.record = i.record.trim();
      if (i.result) changes.result = i.result;
      if (i.resultNote !== undefined) changes.resultNote = i.resultNote?.trim() || null;
      const now = this.clock.now();
      await m.update(
        MediationSessionEntity,
        { id: s.id },
        { ...changes, updatedById: actor.kind === 'USER' ? actor.id : null, updatedAt: now, version: s.version + 1 },
      );
      if (staff) await this.saveStaff(m, s.id, staff, true);
      const changed = [...Object.keys(changes), ...(staff ? ['staff'] : [])];
      // The old text is kept: on the timeline (read by the case's handlers) and in the audit log.
      const previous = Object.fromEntries(
        Object.keys(changes).map((k) => [k, s[k as keyof MediationSessionEntity] ?? null]),
      );
      await this.audit.record(
        m,
        actor,
        'mediation.session.update',
        { type: 'mediation_session', id: s.id },
        {
          caseId: c.id,
          changed,
          previous,
          current: changes,
        },
      );
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'updateMediationSession',
        note: `修改调解记录：${changed.map((k) => SESSION_FIELD_LABEL[k] ?? k).join('、') || '无变化'}`,
        detail: {
          sessionId: s.id,
          changed,
          previous,
          ...(staff ? { staff: staff.map((u) => u.displayName) } : {}),
          ...(i.result ? { result: i.result } : {}),
        },
        at: now,
      });
      return (await this.queries.sessions([], m, [s.id]))[0];
    });
  }

  /**
   * 调解完毕后及时向受理接待工作室反馈办理结果: a note on the case timeline, and a notification
   * to the intake unit's reception (or station) staff.
   */
  async feedBackResult(actor: Actor, i: FeedBackResultInput): Promise<CaseEntity> {
    return withTransaction(this.ds, async (m) => {
      const c = await this.access.caseFor(m, actor, i.caseId, {
        what: '反馈办理结果',
        guard: 'atAssignedUnit',
        states: ['IN_PROGRESS', 'SUSPENDED', 'CONCLUDED'],
      });
      const content = i.content.trim();
      const now = this.clock.now();
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'feedBackResult',
        note: content,
        detail: { toUnitId: c.intakeUnitId },
        at: now,
      });
      const receivers = new Set<number>();
      for (const role of [Role.RECEPTIONIST, Role.STATION_STAFF])
        for (const id of await this.notifications.usersWithRole(m, c.intakeUnitId, role)) receivers.add(id);
      await this.notifications.notifyUsers(m, [...receivers], {
        kind: 'RESULT_FEEDBACK',
        title: `${c.caseNo} 办理结果反馈`,
        body: content,
        caseId: c.id,
      });
      return m.findOneByOrFail(CaseEntity, { id: c.id });
    });
  }

  /** Consent, at least one party, the staff count, then each staff member (exists, visible, active, not recused). */
  private async checkSession(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    d: { simple: boolean; staffIds: string[]; parties: MediationPartyInput[]; partiesConsented: boolean },
  ): Promise<UserEntity[]> {
    if (!d.partiesConsented) throw MediationError.consentRequired();
    if (!d.parties.length) throw MediationError.partyRequired('input.parties');
    // Counted as people, not strings: '7' and '07' name the same staff member.
    if (this.access.staffIds(d.staffIds, 'input.staffIds').length < (d.simple ? 1 : 2))
      throw MediationError.staffTooFew('input.staffIds');
    return this.access.staff(m, actor, c, d.staffIds, 'input.staffIds');
  }

  private async saveStaff(m: EntityManager, sessionId: string, staff: UserEntity[], replace: boolean): Promise<void> {
    if (replace) await m.delete(MediationSessionStaffEntity, { sessionId });
    await m.insert(
      MediationSessionStaffEntity,
      staff.map((u) => ({ sessionId, userId: u.id })),
    );
  }
}

function parties(list: MediationPartyInput[]) {
  return list.map((p) => ({ role: p.role, name: p.name.trim(), note: p.note?.trim() || null }));
}
