import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  Actor,
  CaseDeadlineEntity,
  CaseEntity,
  Clock,
  CourtReferralEntity,
  DepartmentHandlingEntity,
  ExpertEntity,
  ExpertSeminarCaseEntity,
  ExpertSeminarEntity,
  ExpertSeminarExpertEntity,
  ExternalAgencyEntity,
  LinkageMessageEntity,
  OrgUnitEntity,
} from '@weiquan/core';
import { LitigationLinkAccess } from './litigation-link-access.service';

export interface CourtReferralView {
  item: CourtReferralEntity;
  caseNo: string;
  court: ExternalAgencyEntity;
  unit: OrgUnitEntity;
}

export interface DepartmentHandlingView {
  item: DepartmentHandlingEntity;
  caseNo: string;
  department: ExternalAgencyEntity;
  unit: OrgUnitEntity;
  deadline: CaseDeadlineEntity | null;
  overdue: boolean;
}

export interface ExpertView {
  item: ExpertEntity;
  unit: OrgUnitEntity;
}

export interface ExpertSeminarView {
  item: ExpertSeminarEntity;
  unit: OrgUnitEntity;
  experts: ExpertEntity[];
  /** Only the linked cases the reader may see. */
  cases: Pick<CaseEntity, 'id' | 'caseNo'>[];
}

export interface LinkageMessageView {
  item: LinkageMessageEntity;
  senderUnit: OrgUnitEntity;
  targetUnit: OrgUnitEntity;
  overdue: boolean;
}

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Joins what every screen shows next to an item, in a fixed number of queries for any number of rows. */
@Injectable()
export class LitigationLinkViews {
  constructor(
    private readonly access: LitigationLinkAccess,
    private readonly clock: Clock,
  ) {}

  async referrals(m: EntityManager, rows: CourtReferralEntity[]): Promise<CourtReferralView[]> {
    if (!rows.length) return [];
    const [caseNos, agencies, units] = await this.common(
      m,
      rows.map((r) => r.caseId),
      rows.map((r) => r.courtAgencyId),
      rows.map((r) => r.unitId),
    );
    return rows.map((item) => ({
      item,
      caseNo: caseNos.get(String(item.caseId))!,
      court: agencies.get(item.courtAgencyId)!,
      unit: units.get(item.unitId)!,
    }));
  }

  async handlings(m: EntityManager, rows: DepartmentHandlingEntity[]): Promise<DepartmentHandlingView[]> {
    if (!rows.length) return [];
    const [caseNos, agencies, units] = await this.common(
      m,
      rows.map((r) => r.caseId),
      rows.map((r) => r.departmentAgencyId),
      rows.map((r) => r.unitId),
    );
    const deadlineIds = rows.map((r) => r.deadlineId).filter((id): id is string => id != null);
    const deadlines = new Map(
      (deadlineIds.length ? await m.findBy(CaseDeadlineEntity, { id: In(deadlineIds) }) : []).map((d) => [
        String(d.id),
        d,
      ]),
    );
    const now = this.clock.now().getTime();
    return rows.map((item) => {
      const deadline = item.deadlineId ? (deadlines.get(String(item.deadlineId)) ?? null) : null;
      const overdue =
        deadline?.status === 'BREACHED' ||
        (deadline?.status === 'RUNNING' && deadline.dueAt != null && deadline.dueAt.getTime() < now);
      return {
        item,
        caseNo: caseNos.get(String(item.caseId))!,
        department: agencies.get(item.departmentAgencyId)!,
        unit: units.get(item.unitId)!,
        deadline,
        overdue,
      };
    });
  }

  async experts(m: EntityManager, rows: ExpertEntity[]): Promise<ExpertView[]> {
    if (!rows.length) return [];
    const units = await this.units(
      m,
      rows.map((r) => r.unitId),
    );
    return rows.map((item) => ({ item, unit: units.get(item.unitId)! }));
  }

  async seminars(m: EntityManager, actor: Actor, rows: ExpertSeminarEntity[]): Promise<ExpertSeminarView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const units = await this.units(
      m,
      rows.map((r) => r.unitId),
    );
    const expertLinks = await m.find(ExpertSeminarExpertEntity, { where: { seminarId: In(ids) } });
    const caseLinks = await m.find(ExpertSeminarCaseEntity, { where: { seminarId: In(ids) } });
    const experts = new Map(
      (expertLinks.length
        ? await m.findBy(ExpertEntity, { id: In(uniq(expertLinks.map((l) => l.expertId))) })
        : []
      ).map((e) => [e.id, e]),
    );
    const visible = await this.access.visibleCaseIds(m, actor, uniq(caseLinks.map((l) => String(l.caseId))));
    const caseNos = await this.caseNos(m, [...visible]);
    return rows.map((item) => ({
      item,
      unit: units.get(item.unitId)!,
      experts: expertLinks
        .filter((l) => String(l.seminarId) === String(item.id))
        .map((l) => experts.get(l.expertId)!)
        .filter(Boolean)
        .sort((a, b) => a.id - b.id),
      cases: caseLinks
        .filter((l) => String(l.seminarId) === String(item.id) && visible.has(String(l.caseId)))
        .map((l) => ({ id: String(l.caseId), caseNo: caseNos.get(String(l.caseId))! }))
        .sort((a, b) => Number(a.id) - Number(b.id)),
    }));
  }

  async messages(m: EntityManager, rows: LinkageMessageEntity[]): Promise<LinkageMessageView[]> {
    if (!rows.length) return [];
    const units = await this.units(
      m,
      rows.flatMap((r) => [r.senderUnitId, r.targetUnitId]),
    );
    const now = this.clock.now().getTime();
    return rows.map((item) => ({
      item,
      senderUnit: units.get(item.senderUnitId)!,
      targetUnit: units.get(item.targetUnitId)!,
      overdue: item.acknowledgedAt == null && item.dueAt != null && item.dueAt.getTime() < now,
    }));
  }

  private async common(m: EntityManager, caseIds: string[], agencyIds: number[], unitIds: number[]) {
    const caseNos = await this.caseNos(m, caseIds);
    const agencies = new Map((await m.findBy(ExternalAgencyEntity, { id: In(uniq(agencyIds)) })).map((a) => [a.id, a]));
    const units = await this.units(m, unitIds);
    return [caseNos, agencies, units] as const;
  }

  private async caseNos(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await m.find(CaseEntity, {
      where: { id: In(uniq(ids.map(String))) },
      select: { id: true, caseNo: true },
    });
    return new Map(rows.map((c) => [String(c.id), c.caseNo]));
  }

  private async units(m: EntityManager, ids: number[]): Promise<Map<number, OrgUnitEntity>> {
    return new Map((await m.findBy(OrgUnitEntity, { id: In(uniq(ids)) })).map((u) => [u.id, u]));
  }
}
