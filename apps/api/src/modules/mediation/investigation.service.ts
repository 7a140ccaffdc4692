import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Actor,
  actingUnitId,
  CaseEntity,
  CaseEventWriter,
  CaseLifecycleService,
  CaseEvidenceEntity,
  Clock,
  SiteInvestigationEntity,
  SiteInvestigationStaffEntity,
  UserEntity,
  withTransaction,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { handling, MediationAccess } from './mediation-access.service';
import { MediationError } from './mediation.exception';
import { RecordInvestigationInput, UpdateInvestigationInput } from './mediation.input';
import { InvestigationView, MediationQueryService } from './mediation-query.service';

/** 现场调查: who went, when and where, what they found, and the evidence gathered. */
@Injectable()
export class InvestigationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: MediationAccess,
    private readonly events: CaseEventWriter,
    private readonly lifecycle: CaseLifecycleService,
    private readonly queries: MediationQueryService,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, i: RecordInvestigationInput): Promise<InvestigationView> {
    return withTransaction(this.ds, async (m) => {
      const c = await this.access.caseFor(m, actor, i.caseId, handling('记录现场调查'));
      this.access.assertPast(i.investigatedAt, 'input.investigatedAt');
      const staff = await this.access.staff(m, actor, c, i.staffIds, 'input.staffIds');
      const evidenceIds = await this.evidenceOf(m, c, i.evidenceIds ?? []);
      const now = this.clock.now();
      const res = await m.insert(SiteInvestigationEntity, {
        caseId: c.id,
        unitId: actingUnitId(actor, c),
        investigatedAt: i.investigatedAt,
        place: i.place.trim(),
        findings: i.findings.trim(),
        evidenceNote: i.evidenceNote?.trim() || null,
        evidenceIds,
        recordedById: actor.kind === 'USER' ? actor.id : null,
        recordedAt: now,
        updatedById: null,
        updatedAt: null,
        version: 1,
      });
      const id = String(res.identifiers[0].id);
      await this.saveStaff(m, id, staff, false);
      // A session or investigation with the consumer is a real contact: the clocks see it as a step.
      await this.lifecycle.recordActivity(m, actor, c, 'recordInvestigation');
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'recordInvestigation',
        note: `现场调查（${i.place.trim()}）`,
        detail: {
          investigationId: id,
          investigatedAt: i.investigatedAt.toISOString(),
          staff: staff.map((u) => u.displayName),
          evidenceIds,
        },
        at: now,
      });
      return (await this.queries.investigations([], m, [id]))[0];
    });
  }

  async update(actor: Actor, i: UpdateInvestigationInput): Promise<InvestigationView> {
    return withTransaction(this.ds, async (m) => {
      const { item: v, c } = await this.access.itemFor(
        m,
        actor,
        SiteInvestigationEntity,
        i.id,
        i.version,
        handling('修改现场调查记录'),
      );
      if (i.investigatedAt) this.access.assertPast(i.investigatedAt, 'input.investigatedAt');
      const staff = i.staffIds ? await this.access.staff(m, actor, c, i.staffIds, 'input.staffIds') : null;
      const changes: Partial<SiteInvestigationEntity> = {};
      if (i.investigatedAt) changes.investigatedAt = i.investigatedAt;
      if (i.place) changes.place = i.place.trim();
      if (i.findings) changes.findings = i.findings.trim();
      if (i.evidenceNote !== undefined) changes.evidenceNote = i.evidenceNote?.trim() || null;
      if (i.evidenceIds) changes.evidenceIds = await this.evidenceOf(m, c, i.evidenceIds);
      const now = this.clock.now();
      await m.update(
        SiteInvestigationEntity,
        { id: v.id },
        { ...changes, updatedById: actor.kind === 'USER' ? actor.id : null, updatedAt: now, version: v.version + 1 },
      );
      if (staff) await this.saveStaff(m, v.id, staff, true);
      const changed = [...Object.keys(changes), ...(staff ? ['staff'] : [])];
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'updateInvestigation',
        note: `修改现场调查记录：${changed.join('、') || '无变化'}`,
        detail: { investigationId: v.id, changed, ...(staff ? { staff: staff.map((u) => u.displayName) } : {}) },
        at: now,
      });
      return (await this.queries.investigations([], m, [v.id]))[0];
    });
  }

  /** Evidence files named must be files of this case. */
  private async evidenceOf(m: EntityManager, c: CaseEntity, raw: readonly string[]): Promise<string[]> {
    const ids = [...new Set(raw.map((v, n) => String(parseId(v, `input.evidenceIds.${n}`))))];
    if (!ids.length) return [];
    const found = await m.count(CaseEvidenceEntity, { where: { id: In(ids), caseId: c.id } });
    if (found !== ids.length) throw MediationError.evidenceNotOnCase();
    return ids;
  }

  private async saveStaff(
    m: EntityManager,
    investigationId: string,
    staff: UserEntity[],
    replace: boolean,
  ): Promise<void> {
    if (replace) await m.delete(SiteInvestigationStaffEntity, { investigationId });
    await m.insert(
      SiteInvestigationStaffEntity,
      staff.map((u) => ({ investigationId, userId: u.id })),
    );
  }
}
