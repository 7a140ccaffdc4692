import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CaseState } from '@weiquan/shared';
import {
  Actor,
  AppError,
  CaseEntity,
  CaseEventWriter,
  Clock,
  CourtReferralEntity,
  CourtReferralStatus,
  CourtReferralStatusLabel,
  withTransaction,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { Page, PageInput } from '../../common/paging';
import { LitigationLinkAccess } from './litigation-link-access.service';
import { LitigationLinkError } from './litigation-link.exception';
import { CourtReferralFilter, ReferCaseToCourtInput, UpdateCourtReferralInput } from './litigation-link.input';
import { CourtReferralView, LitigationLinkViews } from './litigation-link-views.service';

/** A complaint can go to court once accepted, while handled, and after a mediated conclusion (司法确认). */
const REFERABLE_STATES: ReadonlySet<CaseState> = new Set<CaseState>([
  'ACCEPTED',
  'DISPATCHED',
  'RETURNED',
  'IN_PROGRESS',
  'SUSPENDED',
  'CONCLUDED',
  'REPLIED',
  'FOLLOWED_UP',
]);

export const OPEN_REFERRAL_STATUSES: readonly CourtReferralStatus[] = ['SENT', 'ACCEPTED'];

/** Where a referral may go from each status; MEDIATED only for 诉前调解, CONFIRMED only for 司法确认. */
const NEXT: Readonly<Record<CourtReferralStatus, readonly CourtReferralStatus[]>> = {
  SENT: ['ACCEPTED', 'REJECTED', 'WITHDRAWN'],
  ACCEPTED: ['MEDIATED', 'CONFIRMED', 'REJECTED', 'WITHDRAWN'],
  MEDIATED: [],
  CONFIRMED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

const STAMP: Partial<Record<CourtReferralStatus, keyof CourtReferralEntity>> = {
  ACCEPTED: 'acceptedAt',
  MEDIATED: 'mediatedAt',
  CONFIRMED: 'confirmedAt',
  REJECTED: 'rejectedAt',
  WITHDRAWN: 'withdrawnAt',
};

/** 行政调解、消费者协会调解与司法诉讼对接: referrals of a case to a court and their status. */
@Injectable()
export class CourtReferralService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: LitigationLinkAccess,
    private readonly views: LitigationLinkViews,
    private readonly events: CaseEventWriter,
    private readonly clock: Clock,
  ) {}

  async refer(actor: Actor, i: ReferCaseToCourtInput): Promise<CourtReferralView> {
    return withTransaction(this.ds, async (m) => {
      const side = await this.access.writerSide(actor, m);
      const c = await this.access.caseForWrite(m, actor, i.caseId);
      if (c.kind !== 'COMPLAINT') throw LitigationLinkError.complaintOnly();
      if (!REFERABLE_STATES.has(c.state)) throw LitigationLinkError.caseNotReferable(c.state);
      const court = await this.access.agency(m, i.courtId, 'COURT', 'input.courtId', '法院');
      if (i.type === 'JUDICIAL_CONFIRMATION' && !(await this.hasAgreement(m, c)))
        throw LitigationLinkError.noMediationAgreement();
      if (
        await m.existsBy(CourtReferralEntity, { caseId: c.id, type: i.type, status: In([...OPEN_REFERRAL_STATUSES]) })
      )
        throw LitigationLinkError.referralAlreadyOpen();
      const unit = await this.access.owningUnit(m, side);
      const now = this.clock.now();
      const res = await m.insert(CourtReferralEntity, {
        caseId: c.id,
        type: i.type,
        courtAgencyId: court.id,
        status: 'SENT',
        matter: i.matter.trim(),
        courtCaseNo: null,
        statusNote: null,
        unitId: unit.id,
        unitPath: unit.path,
        referredById: actor.id,
        sentAt: now,
        acceptedAt: null,
        mediatedAt: null,
        confirmedAt: null,
        rejectedAt: null,
        withdrawnAt: null,
        updatedAt: now,
        version: 1,
      });
      const id = String(res.identifiers[0].id);
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'referCaseToCourt',
        note: i.matter.trim(),
        detail: { referralId: id, type: i.type, courtId: court.id, court: court.name },
        at: now,
      });
      return this.one(m, id);
    });
  }

  /** Status (with its timestamp), court case number, the court's feedback. A stale version is a CONFLICT. */
  async update(actor: Actor, i: UpdateCourtReferralInput): Promise<CourtReferralView> {
    return withTransaction(this.ds, async (m) => {
      const side = await this.access.writerSide(actor, m);
      const id = String(parseId(i.id, 'input.id'));
      const found = await m.findOne(CourtReferralEntity, { where: { id }, select: { id: true, caseId: true } });
      // On a case outside the scope: exactly like a missing one.
      if (!found || !(await this.access.canSeeCase(m, actor, found.caseId)))
        throw AppError.notFound('移送记录', 'input.id');
      const c = await this.access.caseForWrite(m, actor, found.caseId, 'input.id');
      const r = await m.findOneOrFail(CourtReferralEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      this.access.assertOwningSide(actor, side, r);
      if (r.version !== i.version) throw LitigationLinkError.stale('移送记录', r.version, i.version);
      const from = r.status;
      const to = i.status ?? from;
      if (to !== from) {
        const allowed = NEXT[from].filter((s) =>
          s === 'MEDIATED'
            ? r.type === 'PRE_SUIT_MEDIATION'
            : s === 'CONFIRMED'
              ? r.type === 'JUDICIAL_CONFIRMATION'
              : true,
        );
        if (!allowed.includes(to)) throw LitigationLinkError.referralStatusInvalid(from, to);
      }
      if (to === from && i.courtCaseNo === undefined && i.note === undefined)
        throw AppError.badInput('input.status', '没有需要保存的修改');
      const now = this.clock.now();
      const patch: Partial<CourtReferralEntity> = { status: to, updatedAt: now, version: r.version + 1 };
      if (to !== from) (patch as Record<string, unknown>)[STAMP[to]!] = now;
      if (i.courtCaseNo !== undefined) patch.courtCaseNo = i.courtCaseNo?.trim() || null;
      if (i.note !== undefined) patch.statusNote = i.note?.trim() || null;
      await m.update(CourtReferralEntity, { id: r.id, version: r.version }, patch);
      const note = i.note?.trim() || (to !== from ? `移送${CourtReferralStatusLabel[to]}` : null);
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'updateCourtReferral',
        note,
        detail: { referralId: r.id, type: r.type, from, to, courtCaseNo: patch.courtCaseNo ?? r.courtCaseNo },
        at: now,
      });
      return this.one(m, r.id);
    });
  }

  async list(
    actor: Actor,
    f: CourtReferralFilter = {},
    page: PageInput = new PageInput(),
  ): Promise<Page<CourtReferralView>> {
    const m = this.ds.manager;
    const qb = await this.access.scopeByCaseFilter(
      m.createQueryBuilder(CourtReferralEntity, 'r').innerJoin(CaseEntity, 'c', 'c.id = r.case_id'),
      actor,
      f.caseId,
      'r.case_id',
    );
    if (f.type) qb.andWhere('r.type = :type', { type: f.type });
    if (f.statuses?.length) qb.andWhere('r.status IN (:...statuses)', { statuses: f.statuses });
    const [rows, total] = await qb
      .orderBy('r.sentAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return { items: await this.views.referrals(m, rows), total, offset: page.offset, limit: page.limit };
  }

  async get(actor: Actor, rawId: string): Promise<CourtReferralView> {
    const m = this.ds.manager;
    const r = await m.findOneBy(CourtReferralEntity, { id: String(parseId(rawId, 'id')) });
    if (!r || !(await this.access.canSeeCase(m, actor, r.caseId))) throw AppError.notFound('移送记录', 'id');
    return (await this.views.referrals(m, [r]))[0];
  }

  /** 司法确认 confirms a mediation agreement: the case was mediated, or the court's pre-suit mediation succeeded. */
  private async hasAgreement(m: EntityManager, c: CaseEntity): Promise<boolean> {
    return (
      c.outcome === 'MEDIATED' ||
      (await m.existsBy(CourtReferralEntity, { caseId: c.id, type: 'PRE_SUIT_MEDIATION', status: 'MEDIATED' }))
    );
  }

  private async one(m: EntityManager, id: string): Promise<CourtReferralView> {
    return (await this.views.referrals(m, [await m.findOneByOrFail(CourtReferralEntity, { id })]))[0];
  }
}
