import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SupervisionLevel } from '@weiquan/shared';
import { CaseAccess } from '../case/case-access.service';
import { CaseEventWriter } from '../case/case-event.writer';
import { SupervisionEntity } from '../entities/case-records.entity';
import { OrgUnitEntity } from '../entities/org-unit.entity';
import { AppError } from '../errors/app-error';
import { Actor, actsForOf, canSeeUnitPath, SYSTEM_ACTOR } from '../scope/actor';
import { AuditWriter } from '../audit/audit-writer';
import { CaseLifecycleService, CaseTransitionHook, TransitionContext } from '../case/case-lifecycle.service';
import { Clock } from '../time/clock';
import { NotificationService } from '../notification/notification.service';
import { notifySupervisionArrival } from './supervision-arrival';
import { ActorSide, SupervisionAccess } from './supervision-access.service';
import { SupervisionError } from './supervision.exception';
import { SupervisionQueryService } from './supervision-query.service';
import {
  AutomaticSupervisionParams,
  EscalateSupervisionCommand,
  OpenSupervisionCommand,
  RespondSupervisionCommand,
  ReviewSupervisionCommand,
  SUPERVISION_LEVEL_RANK,
  SupervisionView,
} from './supervision.types';

const DAY_MS = 86_400_000;

type NewSupervision = Omit<
  SupervisionEntity,
  | 'id'
  | 'status'
  | 'response'
  | 'respondedById'
  | 'respondedAt'
  | 'version'
  | 'closedReason'
  | 'closedAt'
  | 'closedById'
  | 'reviewNote'
>;

/**
 * 督办: opens, answers and escalates supervision items (催办 / 督办 / 挂牌督办) on a case or on a
 * unit. Each write is one transaction that also appends the case timeline entry when the item is
 * on a case. Reads are in SupervisionQueryService; access in SupervisionAccess.
 */
@Injectable()
export class SupervisionService implements CaseTransitionHook {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: SupervisionAccess,
    private readonly cases: CaseAccess,
    private readonly events: CaseEventWriter,
    private readonly queries: SupervisionQueryService,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    lifecycle: CaseLifecycleService,
    // Optional: the demo seed wires this service by hand and notifies nobody.
    @Optional() private readonly notifications?: NotificationService,
  ) {
    lifecycle.registerHook(this);
  }

  /** Archiving a case closes its open and answered items (reason CASE_ARCHIVED), in the archive's transaction. */
  async afterTransition(actor: Actor, t: TransitionContext & { action: string }): Promise<void> {
    if (t.action !== 'archiveCase') return;
    const open = await t.m.find(SupervisionEntity, {
      where: [
        { caseId: t.c.id, status: 'OPEN' },
        { caseId: t.c.id, status: 'RESPONDED' },
      ],
      lock: { mode: 'pessimistic_write' },
    });
    if (!open.length) return;
    const now = this.clock.now();
    for (const s of open)
      await t.m.update(SupervisionEntity, { id: s.id }, {
        status: 'CLOSED',
        closedReason: 'CASE_ARCHIVED',
        closedAt: now,
        closedById: actor.kind === 'USER' ? actor.id : null,
        version: () => 'version + 1',
      } as never);
    await this.events.append(t.m, actor, {
      caseId: t.c.id,
      action: 'closeSupervision',
      note: `案件归档，${open.length} 项督办随之关闭`,
      detail: { supervisionIds: open.map((s) => s.id), reason: 'CASE_ARCHIVED' },
      at: now,
    });
  }

  /**
   * The issuer (or a unit above the target) reviews a response: accepted → CLOSED; sent back → OPEN
   * again with a new response deadline. Both leave a timeline entry (case items) or an audit entry
   * (unit items).
   */
  async review(actor: Actor, cmd: ReviewSupervisionCommand): Promise<SupervisionView> {
    if (!cmd.accepted) {
      if (!cmd.responseDueAt) throw AppError.badInput('input.responseDueAt', '退回重新答复须指定新的答复期限');
      this.assertFuture(cmd.responseDueAt, 'input.responseDueAt');
      if (!cmd.note?.trim()) throw AppError.badInput('input.note', '请说明退回的理由');
    }
    return this.ds.transaction(async (m) => {
      const side = await this.access.sideOf(actor, m);
      const s = await this.access.getVisible(actor, side, cmd.id, { m, lock: true, field: 'input.id' });
      const target = await m.findOneByOrFail(OrgUnitEntity, { id: s.targetUnitId });
      const issuing = await m.findOneBy(OrgUnitEntity, { id: s.issuingUnitId });
      if (!this.mayEscalate(side, issuing, target)) throw SupervisionError.reviewNotAllowed();
      if (s.status !== 'RESPONDED') throw SupervisionError.notResponded(s.status);
      if (s.version !== cmd.version) throw SupervisionError.stale(s.version, cmd.version);
      const now = this.clock.now();
      const note = cmd.note?.trim() || null;
      await m.update(SupervisionEntity, { id: s.id, version: s.version }, {
        ...(cmd.accepted
          ? {
              status: 'CLOSED',
              closedReason: 'ACCEPTED',
              closedAt: now,
              closedById: actor.kind === 'USER' ? actor.id : null,
            }
          : {
              status: 'OPEN',
              responseDueAt: cmd.responseDueAt!,
              response: null,
              respondedById: null,
              respondedAt: null,
            }),
        reviewNote: note,
        version: () => 'version + 1',
      } as never);
      if (!cmd.accepted && this.notifications)
        await notifySupervisionArrival(this.notifications, m, s, 'ANSWER', actor.kind === 'USER' ? actor.id : null);
      const action = cmd.accepted ? 'acceptSupervisionResponse' : 'returnSupervisionResponse';
      const detail = {
        supervisionId: s.id,
        previousResponse: s.response,
        ...(cmd.accepted ? {} : { responseDueAt: cmd.responseDueAt!.toISOString() }),
      };
      if (s.caseId) await this.events.append(m, actor, { caseId: s.caseId, action, note, detail, at: now });
      else await this.audit.record(m, actor, action, { type: 'supervision', id: s.id }, { ...detail, note });
      return this.queries.viewIn(m, s.id);
    });
  }

  /** Issued by the actor's unit; on a case the target is the unit holding it (owner_unit_id). */
  async open(actor: Actor, cmd: OpenSupervisionCommand): Promise<SupervisionView> {
    if ((cmd.caseId == null) === (cmd.targetUnitId == null))
      throw AppError.badInput('input.caseId', '请指定督办的案件或被督办单位（二者只能选其一）');
    this.assertFuture(cmd.responseDueAt, 'input.responseDueAt');
    const issuingUnitId = this.issuingUnitOf(actor);
    return this.ds.transaction(async (m) => {
      let caseId: string | null = null;
      let target: OrgUnitEntity;
      if (cmd.caseId != null) {
        // Locked so the target is the unit holding the case when this commits.
        const c = await this.cases.getVisible(actor, cmd.caseId, { m, lock: true, field: 'input.caseId' });
        if (!c.isOpen) throw SupervisionError.caseClosed();
        target = await m.findOneByOrFail(OrgUnitEntity, { id: c.ownerUnitId });
        caseId = c.id;
      } else {
        const unit = await m.findOneBy(OrgUnitEntity, { id: cmd.targetUnitId! });
        if (!unit || !canSeeUnitPath(actor, unit.path, unit.id)) throw AppError.notFound('机构', 'input.targetUnitId');
        if (!unit.active) throw AppError.badInput('input.targetUnitId', '该机构已停用，不能督办');
        target = unit;
      }
      const now = this.clock.now();
      const id = await this.insert(m, {
        caseId,
        level: cmd.level,
        issuingUnitId,
        issuedById: actor.kind === 'USER' ? actor.id : null,
        targetUnitId: target.id,
        targetPath: target.path,
        content: cmd.content,
        responseDueAt: cmd.responseDueAt,
        automatic: false,
        sourceKey: null,
        escalatedFromId: null,
        createdAt: now,
      });
      if (caseId) {
        await this.events.append(m, actor, {
          caseId,
          action: 'openSupervision',
          note: cmd.content,
          detail: {
            supervisionId: id,
            level: cmd.level,
            targetUnitId: target.id,
            responseDueAt: cmd.responseDueAt.toISOString(),
          },
          at: now,
        });
      }
      return this.queries.viewIn(m, id);
    });
  }

  /**
   * Opens an automatic item (deadline breached) inside the caller's transaction. Idempotent on
   * `sourceKey`: when an item with that key exists, nothing is written and its id is returned.
   */
  async openAutomatic(m: EntityManager, p: AutomaticSupervisionParams): Promise<{ id: string; created: boolean }> {
    const sourceKey = p.sourceKey?.trim();
    if (!sourceKey || sourceKey.length > 100) throw new Error('openAutomatic: sourceKey must be 1–100 characters');
    const existing = await m.findOne(SupervisionEntity, { where: { sourceKey }, select: { id: true } });
    if (existing) return { id: String(existing.id), created: false };
    const target = await m.findOneBy(OrgUnitEntity, { id: p.targetUnitId });
    if (!target) throw AppError.notFound('机构', 'targetUnitId');
    const issuingUnitId = p.issuingUnitId ?? target.parentId ?? target.id;
    if (!(await m.exists(OrgUnitEntity, { where: { id: issuingUnitId } })))
      throw AppError.notFound('机构', 'issuingUnitId');
    const now = this.clock.now();
    let id: string;
    try {
      id = await this.insert(m, {
        caseId: p.caseId ?? null,
        level: p.level,
        issuingUnitId,
        issuedById: null,
        targetUnitId: target.id,
        targetPath: target.path,
        content: p.content,
        responseDueAt: p.responseDueAt,
        automatic: true,
        sourceKey,
        escalatedFromId: null,
        createdAt: now,
      });
    } catch (e) {
      // A concurrent transaction stored the same key first (unique uq_supervision_source). InnoDB
      // undoes only the failed statement; a locking read sees the other's committed row (FOR
      // UPDATE: TypeORM writes FOR SHARE for a read lock, which MariaDB does not accept).
      if ((e as { code?: string }).code !== 'ER_DUP_ENTRY') throw e;
      const winner = await m.findOne(SupervisionEntity, {
        where: { sourceKey },
        select: { id: true },
        lock: { mode: 'pessimistic_write' },
      });
      if (!winner) throw e;
      return { id: String(winner.id), created: false };
    }
    if (p.caseId) {
      await this.events.append(m, SYSTEM_ACTOR, {
        caseId: p.caseId,
        action: 'openSupervision',
        note: p.content,
        detail: {
          supervisionId: id,
          level: p.level,
          targetUnitId: target.id,
          responseDueAt: p.responseDueAt.toISOString(),
          automatic: true,
          sourceKey,
        },
        at: now,
      });
    }
    return { id, created: true };
  }

  /** The written response; only staff of the target unit (or of its workrooms) may give it, once. */
  async respond(actor: Actor, cmd: RespondSupervisionCommand): Promise<SupervisionView> {
    return this.ds.transaction(async (m) => {
      const side = await this.access.sideOf(actor, m);
      const s = await this.access.getVisible(actor, side, cmd.id, { m, lock: true, field: 'input.id' });
      if (!side.unitIds.includes(s.targetUnitId)) throw SupervisionError.notTargetUnit();
      // Status before version: a repeated submit says "already answered", not "stale".
      if (s.status === 'RESPONDED') throw SupervisionError.alreadyResponded();
      if (s.status !== 'OPEN') throw SupervisionError.notOpen(s.status);
      if (s.version !== cmd.version) throw SupervisionError.stale(s.version, cmd.version);
      const now = this.clock.now();
      await m.update(SupervisionEntity, { id: s.id, version: s.version }, {
        status: 'RESPONDED',
        response: cmd.response,
        respondedById: actor.kind === 'USER' ? actor.id : null,
        respondedAt: now,
        version: () => 'version + 1',
      } as never);
      if (this.notifications)
        await notifySupervisionArrival(this.notifications, m, s, 'REVIEW', actor.kind === 'USER' ? actor.id : null);
      if (s.caseId) {
        await this.events.append(m, actor, {
          caseId: s.caseId,
          action: 'respondSupervision',
          note: cmd.response,
          detail: {
            supervisionId: s.id,
            targetUnitId: s.targetUnitId,
            late: now.getTime() > s.responseDueAt.getTime(),
          },
          at: now,
        });
      }
      return this.queries.viewIn(m, s.id);
    });
  }

  /**
   * Moves an open item up one level of the org tree: the item becomes ESCALATED and a new OPEN
   * item (escalated_from_id → the old one) targets the parent of its target unit. Allowed to the
   * issuing side and to units above the target. Returns the new item.
   */
  async escalate(actor: Actor, cmd: EscalateSupervisionCommand): Promise<SupervisionView> {
    if (cmd.responseDueAt) this.assertFuture(cmd.responseDueAt, 'input.responseDueAt');
    const issuingUnitId = this.issuingUnitOf(actor);
    return this.ds.transaction(async (m) => {
      const side = await this.access.sideOf(actor, m);
      const s = await this.access.getVisible(actor, side, cmd.id, { m, lock: true, field: 'input.id' });
      if (s.status !== 'OPEN') throw SupervisionError.notOpen(s.status);
      if (s.version !== cmd.version) throw SupervisionError.stale(s.version, cmd.version);
      const target = await m.findOneByOrFail(OrgUnitEntity, { id: s.targetUnitId });
      const issuing = await m.findOneBy(OrgUnitEntity, { id: s.issuingUnitId });
      if (!this.mayEscalate(side, issuing, target)) throw SupervisionError.escalateNotAllowed();
      if (target.parentId == null) throw SupervisionError.noParentUnit();
      const parent = await m.findOneByOrFail(OrgUnitEntity, { id: target.parentId });
      const level = cmd.level ?? (s.level as SupervisionLevel);
      if (SUPERVISION_LEVEL_RANK[level] < (SUPERVISION_LEVEL_RANK[s.level as SupervisionLevel] ?? 0)) {
        throw AppError.badInput('input.level', '升级督办不能降低督办级别');
      }
      const now = this.clock.now();
      // Without a new deadline the parent gets the same response window the target had.
      const window = Math.max(s.responseDueAt.getTime() - s.createdAt.getTime(), DAY_MS);
      const responseDueAt = cmd.responseDueAt ?? new Date(now.getTime() + window);
      await m.update(SupervisionEntity, { id: s.id, version: s.version }, {
        status: 'ESCALATED',
        version: () => 'version + 1',
      } as never);
      const id = await this.insert(m, {
        caseId: s.caseId,
        level,
        issuingUnitId,
        issuedById: actor.kind === 'USER' ? actor.id : null,
        targetUnitId: parent.id,
        targetPath: parent.path,
        content: cmd.content ?? s.content,
        responseDueAt,
        automatic: false,
        sourceKey: null,
        escalatedFromId: s.id,
        createdAt: now,
      });
      if (s.caseId) {
        await this.events.append(m, actor, {
          caseId: s.caseId,
          action: 'escalateSupervision',
          note: cmd.content ?? null,
          detail: {
            supervisionId: id,
            escalatedFromId: s.id,
            fromUnitId: target.id,
            toUnitId: parent.id,
            level,
            responseDueAt: responseDueAt.toISOString(),
          },
          at: now,
        });
      }
      return this.queries.viewIn(m, id);
    });
  }

  /** The issuing side (same center as the issuing unit) or a unit strictly above the target. */
  private mayEscalate(side: ActorSide, issuing: OrgUnitEntity | null, target: OrgUnitEntity): boolean {
    if (!side.unitIds.length) return false;
    // The issuing unit's center as Actor.actsFor works it out (a workroom issues for its center).
    const issuingCenter = issuing ? actsForOf(issuing.id, issuing.path, issuing.type).centerId : null;
    if (issuingCenter != null && side.unitIds.includes(issuingCenter)) return true;
    return target.id !== side.centerId && target.path.startsWith(side.centerPath);
  }

  private issuingUnitOf(actor: Actor): number {
    if (actor.unitId <= 0) throw AppError.forbidden('督办须由机构人员发起');
    return actor.unitId;
  }

  private assertFuture(at: Date, field: string): void {
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw AppError.badInput(field, '答复期限格式不正确');
    if (at.getTime() <= this.clock.now().getTime()) throw SupervisionError.pastDue(field);
  }

  private async insert(m: EntityManager, row: NewSupervision): Promise<string> {
    const res = await m.insert(SupervisionEntity, {
      ...row,
      status: 'OPEN',
      response: null,
      respondedById: null,
      respondedAt: null,
      version: 1,
    });
    const id = String(res.identifiers[0].id);
    if (this.notifications)
      await notifySupervisionArrival(this.notifications, m, { ...row, id }, 'ANSWER', row.issuedById);
    return id;
  }
}
