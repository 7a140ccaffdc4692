import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseKind, checkTransition, DEFAULT_CASE_MACHINE_CONFIG, normalizePhone, OrgUnitType, pathIds } from '@weiquan/shared';
import { Actor, AppError, CaseEntity, CaseEventWriter, CaseLifecycleService, CaseNumberService, Clock, FRESH_CASE_PROGRESS, insertRows, OrgUnitEntity, withTransaction } from '@weiquan/core';
import { parseId } from '../../common/ids';
import { OrgUnitService } from '../org-unit/org-unit.service';
import { RegisterCaseInput } from './case.input';

/** Window in which the same consumer phone + the same respondent marks a possible repeat (重复件). */
export const REPEAT_WINDOW_DAYS = 180;
const DAY_MS = 86_400_000;

@Injectable()
export class CaseIntakeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly numbers: CaseNumberService,
    private readonly events: CaseEventWriter,
    private readonly orgUnits: OrgUnitService,
    private readonly clock: Clock,
    private readonly lifecycle: CaseLifecycleService,
  ) {}

  /**
   * 登记. The registering operator owns the case (首问负责) until a handler receives it.
   * A possible repeat is linked and flagged, never merged; a report repeating the same facts
   * from the same reporter is registered and closed at once (not handled again).
   */
  async register(actor: Actor, input: RegisterCaseInput): Promise<CaseEntity> {
    const check = checkTransition('registerCase', {
      kind: input.kind,
      state: 'NEW',
      actor: { userId: String(actor.id), roles: actor.roles, unitId: String(actor.unitId) },
      case: {},
      input: { channel: input.channel },
      config: DEFAULT_CASE_MACHINE_CONFIG,
    });
    if (!check.ok) throw new AppError(check.error.code, check.error.message, check.error.field ? `input.${check.error.field}` : undefined);
    const now = this.clock.now();
    const receivedAt = input.receivedAt ?? now;
    if (receivedAt.getTime() > now.getTime() + 60_000) throw AppError.badInput('input.receivedAt', '收到时间不能晚于现在');
    if (input.kind !== 'CONSULTATION' && input.kind !== 'SUGGESTION' && !input.respondent?.name) {
      throw AppError.badInput('input.respondent.name', '投诉、举报须填写被投诉（举报）经营者名称');
    }
    if (!input.consumer.anonymous && !input.consumer.phone && input.kind !== 'SUGGESTION') {
      throw AppError.badInput('input.consumer.phone', '请填写联系电话（匿名举报除外）');
    }
    const unit = await this.intakeUnit(actor, input.unitId);
    const phone = input.consumer.phone ? normalizePhone(input.consumer.phone) : null;
    // The number is taken in its own short statement before the transaction (see CaseNumberService).
    const caseNo = await this.numbers.next(this.ds, await this.numbers.centerOf(this.ds, unit), shanghaiYear(receivedAt));

    return withTransaction(this.ds, async (m) => {
      const repeat = phone ? await this.findRepeat(m, input.kind, phone, input.respondent?.creditCode ?? null, input.respondent?.name ?? null, receivedAt) : null;
      const sameFacts = input.kind === 'REPORT' && repeat?.kind === 'REPORT' && sameText(repeat.summary, input.summary);
      const c = m.create(CaseEntity, {
        caseNo,
        kind: input.kind,
        channel: input.channel,
        state: sameFacts ? 'CLOSED' : 'REGISTERED',
        isOpen: true,
        round: 1,
        receivedAt,
        registeredAt: now,
        registeredById: actor.kind === 'USER' ? actor.id : null,
        registeredByClientId: actor.kind === 'API_CLIENT' ? actor.id : null,
        intakeUnitId: unit.id,
        ownerUnitId: unit.id,
        ownerPath: unit.path,
        consumerName: input.consumer.name ?? null,
        consumerPhone: phone,
        consumerIdNumber: input.consumer.idNumber?.toUpperCase() ?? null,
        consumerAddress: input.consumer.address ?? null,
        anonymous: input.consumer.anonymous ?? false,
        respondentName: input.respondent?.name ?? null,
        respondentCreditCode: input.respondent?.creditCode?.toUpperCase() ?? null,
        respondentAddress: input.respondent?.address ?? null,
        respondentRegion: input.respondent?.region ?? null,
        respondentIndustry: input.respondent?.industry ?? null,
        occurredAt: input.occurredAt ?? null,
        occurredPlace: input.occurredPlace ?? null,
        category: input.category ?? null,
        amountInvolved: input.amountInvolved ?? null,
        summary: input.summary,
        demand: input.demand ?? null,
        majorUrgent: input.flags?.majorUrgent ?? false,
        groupComplaint: input.flags?.groupComplaint ?? false,
        mediaAttention: input.flags?.mediaAttention ?? false,
        consentPublication: input.flags?.consentPublication ?? false,
        consentEntrustedMediation: input.flags?.consentEntrustedMediation ?? false,
        repeatOfId: repeat?.id ?? null,
        materialsRequestCount: 0,
        pendingExtension: false,
        extensionGranted: false,
        followUpAttempts: 0,
        followUpDone: false,
        overdue: false,
      });
      const saved = await insertCase(m, c, now);
      await this.events.append(m, actor, {
        caseId: saved.id,
        action: 'registerCase',
        fromState: null,
        toState: 'REGISTERED',
        detail: { caseNo, channel: input.channel, ...(repeat ? { possibleRepeatOf: repeat.caseNo } : {}) },
      });
      if (sameFacts) {
        await this.events.append(m, actor, {
          caseId: saved.id,
          action: 'closeRepeatReport',
          fromState: 'REGISTERED',
          toState: 'CLOSED',
          note: `同一举报人就相同事实重复举报（前件 ${repeat!.caseNo}），不再重复处理`,
        });
      } else {
        await this.lifecycle.afterRegistration(m, actor, saved);
      }
      return saved;
    });
  }

  /** 回访不满意: the request is accepted again as a new round linked to the previous one. */
  async registerNextRound(m: EntityManager, actor: Actor, prev: CaseEntity): Promise<CaseEntity> {
    const now = this.clock.now();
    const round = prev.round + 1;
    const baseNo = prev.caseNo.replace(/-R\d+$/, '');
    const next = m.create(CaseEntity, {
      ...prev,
      id: undefined,
      caseNo: `${baseNo}-R${round}`,
      state: 'REGISTERED',
      isOpen: true,
      round,
      previousRoundId: prev.id,
      receivedAt: now,
      registeredAt: now,
      registeredById: actor.kind === 'USER' ? actor.id : null,
      registeredByClientId: null,
      ownerUnitId: prev.intakeUnitId,
      ownerPath: (await m.findOneByOrFail(OrgUnitEntity, { id: prev.intakeUnitId })).path,
      ...FRESH_CASE_PROGRESS,
      version: undefined,
    } as Partial<CaseEntity>);
    const saved = await m.save(CaseEntity, next);
    await this.events.append(m, actor, {
      caseId: saved.id,
      action: 'registerCase',
      toState: 'REGISTERED',
      note: `回访不满意，重新受理（第 ${round} 轮，上一轮 ${prev.caseNo}）`,
      detail: { previousRound: prev.caseNo, round },
    });
    await this.lifecycle.afterRegistration(m, actor, saved);
    return saved;
  }

  /** Where the case is registered: the given unit (within scope) or the actor's; workrooms register for their center. */
  private async intakeUnit(actor: Actor, rawUnitId?: string): Promise<OrgUnitEntity> {
    const id = rawUnitId ? parseId(rawUnitId, 'input.unitId') : actor.unitId;
    const unit = await this.orgUnits.getVisible(actor, id, 'input.unitId');
    if (unit.type !== OrgUnitType.WORKROOM) return unit;
    const parentId = Number(pathIds(unit.path).slice(-2, -1)[0]);
    return this.orgUnits.getVisible(actor, parentId, 'input.unitId').catch(() => unit);
  }

  private async findRepeat(m: EntityManager, kind: CaseKind, phone: string, creditCode: string | null, name: string | null, receivedAt: Date): Promise<RepeatCandidate | null> {
    if (!creditCode && !name) return null;
    const rows: RepeatCandidate[] = await m.query(
      `SELECT c.id, c.case_no AS caseNo, c.kind, c.summary FROM wq_case c
        WHERE c.consumer_phone = ? AND c.received_at >= ? AND c.merged_into_id IS NULL
          AND ${creditCode ? 'c.respondent_credit_code = ?' : 'c.respondent_name = ?'}${kind === 'REPORT' ? " AND c.kind = 'REPORT'" : ''}
        ORDER BY c.received_at DESC LIMIT 1`,
      [phone, new Date(receivedAt.getTime() - REPEAT_WINDOW_DAYS * DAY_MS), creditCode ? creditCode.toUpperCase() : name],
    );
    return rows[0] ? { ...rows[0], id: String(rows[0].id) } : null;
  }
}

interface RepeatCandidate {
  id: string;
  caseNo: string;
  kind: CaseKind;
  summary: string;
}

/** INSERT without the read-back TypeORM's save does for the version column (id, version 1, timestamps now). */
async function insertCase(m: EntityManager, c: CaseEntity, now: Date): Promise<CaseEntity> {
  await insertRows(m, CaseEntity, [c]);
  c.createdAt = now;
  c.updatedAt = now;
  return c;
}

function shanghaiYear(d: Date): number {
  return new Date(d.getTime() + 8 * 3_600_000).getUTCFullYear();
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s，。,.;；！!？?、]/g, '');
  return norm(a) === norm(b);
}
