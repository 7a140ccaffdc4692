import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  Actor,
  CaseDeadlineEntity,
  CaseEntity,
  Clock,
  CourtReferralEntity,
  CourtReferralStatusLabel,
  CourtReferralTypeLabel,
  DepartmentHandlingEntity,
  DepartmentHandlingModeLabel,
  DepartmentHandlingStatusLabel,
  LinkageMessageEntity,
  LinkageMessageKindLabel,
} from '@weiquan/core';
import { Page, PageInput } from '../../common/paging';
import { msLeft, TIME_LEFT_ORDER, unionPage } from '../workroom/work-queue';
import { OPEN_REFERRAL_STATUSES } from './court-referral.service';
import { LinkageService } from './linkage.service';
import { LitigationLinkAccess } from './litigation-link-access.service';
import {
  LitigationLinkQueueSort,
  LitigationLinkWorkItemKind,
  LitigationLinkWorkItemKindLabel,
} from './litigation-link.enums';
import type { LitigationLinkWorkItemModel } from './litigation-link.model';
import { LitigationLinkViews } from './litigation-link-views.service';

interface QueueRow {
  kind: LitigationLinkWorkItemKind;
  id: string;
  due_at: Date | null;
  since: Date;
}

/**
 * 诉调对接工作室待办: the open items of the signed-in user's unit and workroom (its center's side) —
 * referrals still at the court, joint handlings / transfers in progress with their agreed
 * deadline, and linkage messages waiting for this unit's 签收 — in one page, sorted by time left.
 * Each part is scoped with the same helpers as its own list; unionPage pages them as one list.
 */
@Injectable()
export class LitigationLinkQueueService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: LitigationLinkAccess,
    private readonly linkage: LinkageService,
    private readonly views: LitigationLinkViews,
    private readonly clock: Clock,
  ) {}

  async queue(
    actor: Actor,
    sort: LitigationLinkQueueSort = LitigationLinkQueueSort.TIME_LEFT,
    page: PageInput = new PageInput(),
  ): Promise<Page<LitigationLinkWorkItemModel>> {
    const m = this.ds.manager;
    const side = await this.access.sideOf(actor, m);
    if (!side.unitIds.length) return { items: [], total: 0, offset: page.offset, limit: page.limit };
    const units = { queueUnitIds: side.unitIds };

    const referrals = this.access
      .scopeByCase(m.createQueryBuilder(CourtReferralEntity, 'r').innerJoin(CaseEntity, 'c', 'c.id = r.case_id'), actor)
      .select(`'${LitigationLinkWorkItemKind.COURT_REFERRAL}'`, 'kind')
      .addSelect('r.id', 'id')
      .addSelect('c.due_at', 'due_at')
      .addSelect('r.sent_at', 'since')
      .andWhere('r.status IN (:...openReferral) AND r.unit_id IN (:...queueUnitIds)', {
        openReferral: OPEN_REFERRAL_STATUSES,
        ...units,
      });
    const handlings = this.access
      .scopeByCase(
        m.createQueryBuilder(DepartmentHandlingEntity, 'h').innerJoin(CaseEntity, 'c', 'c.id = h.case_id'),
        actor,
      )
      .leftJoin(CaseDeadlineEntity, 'd', 'd.id = h.deadline_id')
      .select(`'${LitigationLinkWorkItemKind.DEPARTMENT_HANDLING}'`, 'kind')
      .addSelect('h.id', 'id')
      .addSelect('d.due_at', 'due_at')
      .addSelect('h.started_at', 'since')
      .andWhere("h.status = 'IN_PROGRESS' AND h.unit_id IN (:...queueUnitIds)", units);
    const messages = this.linkage
      .scoped(m.createQueryBuilder(LinkageMessageEntity, 'x'), actor, side)
      .select(`'${LitigationLinkWorkItemKind.LINKAGE_MESSAGE}'`, 'kind')
      .addSelect('x.id', 'id')
      .addSelect('x.due_at', 'due_at')
      .addSelect('x.sent_at', 'since')
      .andWhere('x.acknowledged_at IS NULL AND x.target_unit_id IN (:...queueUnitIds)', units);

    const order =
      sort === LitigationLinkQueueSort.NEWEST
        ? 'q.since DESC, q.kind, q.id DESC'
        : `${TIME_LEFT_ORDER('q.due_at')}, q.since ASC, q.kind, q.id`;
    const { rows, total } = await unionPage<QueueRow>(
      m,
      [referrals, handlings, messages] as SelectQueryBuilder<ObjectLiteral>[],
      order,
      page,
    );
    return { items: await this.describe(rows), total, offset: page.offset, limit: page.limit };
  }

  /** What each row is about, in one batch per kind. */
  private async describe(rows: QueueRow[]): Promise<LitigationLinkWorkItemModel[]> {
    const m = this.ds.manager;
    const ids = (k: LitigationLinkWorkItemKind) => rows.filter((r) => r.kind === k).map((r) => String(r.id));
    const refIds = ids('COURT_REFERRAL');
    const hIds = ids('DEPARTMENT_HANDLING');
    const xIds = ids('LINKAGE_MESSAGE');
    const referrals = new Map(
      (await this.views.referrals(m, refIds.length ? await m.findBy(CourtReferralEntity, { id: In(refIds) }) : [])).map(
        (v) => [String(v.item.id), v],
      ),
    );
    const handlings = new Map(
      (
        await this.views.handlings(m, hIds.length ? await m.findBy(DepartmentHandlingEntity, { id: In(hIds) }) : [])
      ).map((v) => [String(v.item.id), v]),
    );
    const messages = new Map(
      (await this.views.messages(m, xIds.length ? await m.findBy(LinkageMessageEntity, { id: In(xIds) }) : [])).map(
        (v) => [String(v.item.id), v],
      ),
    );
    const now = this.clock.now();
    return rows.map((row) => {
      const dueAt = row.due_at ? new Date(row.due_at) : null;
      const left = msLeft(dueAt, now);
      const base = {
        kind: row.kind,
        kindLabel: LitigationLinkWorkItemKindLabel[row.kind],
        id: String(row.id),
        dueAt,
        timeLeftMs: left,
        overdue: left != null && left < 0,
        since: new Date(row.since),
      };
      if (row.kind === 'COURT_REFERRAL') {
        const v = referrals.get(String(row.id))!;
        const title = `${CourtReferralTypeLabel[v.item.type]}：${v.court.name}`;
        return {
          ...base,
          caseId: String(v.item.caseId),
          caseNo: v.caseNo,
          title,
          status: CourtReferralStatusLabel[v.item.status],
          dueLabel: dueAt ? '案件最近的计时期限' : null,
        };
      }
      if (row.kind === 'DEPARTMENT_HANDLING') {
        const v = handlings.get(String(row.id))!;
        const title = `${DepartmentHandlingModeLabel[v.item.mode]}：${v.department.name}`;
        return {
          ...base,
          overdue: v.overdue,
          caseId: String(v.item.caseId),
          caseNo: v.caseNo,
          title,
          status: DepartmentHandlingStatusLabel[v.item.status],
          dueLabel: `商定办理期限 ${v.item.agreedDeadline}`,
        };
      }
      const v = messages.get(String(row.id))!;
      const title = `${LinkageMessageKindLabel[v.item.kind]}：${v.item.title}（${v.senderUnit.name}）`;
      return { ...base, caseId: null, caseNo: null, title, status: '待签收', dueLabel: dueAt ? '要求签收期限' : null };
    });
  }
}
