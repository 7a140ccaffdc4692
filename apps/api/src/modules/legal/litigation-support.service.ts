import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, In, Not } from 'typeorm';
import {
  Actor,
  actsForOf,
  AppError,
  CaseDocumentEntity,
  CaseEntity,
  CaseEventWriter,
  CaseEvidenceEntity,
  Clock,
  LITIGATION_NEXT,
  LitigationStatus,
  LitigationSupportEntity,
  OrgUnitEntity,
  withTransaction,
} from '@weiquan/core';
import { Permission } from '@weiquan/shared';
import { parseId } from '../../common/ids';
import { Page, PageInput } from '../../common/paging';
import { LegalError } from './legal.exception';
import { LitigationSupportFilter, RequestLitigationSupportInput, UpdateLitigationSupportInput } from './legal.input';
import { LitigationView } from './legal.model';
import { WorkroomCaseAccess } from '../workroom/workroom-case.service';
import { cleanList } from '../workroom/workroom.validators';
import { orNull } from './legal-consultation.service';
import { LegalScope } from './legal-scope.service';
import { DocumentRegistry } from '../document/document-registry.service';
import { buildStatementOfClaim, maskStatementOfClaim, renderStatementOfClaim } from './litigation-document';

const WHAT = '诉讼支持';

export interface LitigationDocument {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** 诉讼支持: always on a case; every step is recorded on the case timeline. */
@Injectable()
export class LitigationSupportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: LegalScope,
    private readonly cases: WorkroomCaseAccess,
    private readonly events: CaseEventWriter,
    private readonly clock: Clock,
    private readonly documents: DocumentRegistry,
  ) {}

  async list(
    actor: Actor,
    f: LitigationSupportFilter = {},
    page: PageInput = new PageInput(),
  ): Promise<Page<LitigationView>> {
    const qb = this.ds.getRepository(LitigationSupportEntity).createQueryBuilder('ls');
    this.scope.scope(qb, actor, 'ls');
    await this.scope.filterUnit(qb, actor, 'ls', f.unitId, 'filter.unitId');
    if (f.caseId != null) qb.andWhere('ls.case_id = :caseId', { caseId: parseId(f.caseId, 'filter.caseId') });
    if (f.statuses?.length) qb.andWhere('ls.status IN (:...statuses)', { statuses: f.statuses });
    qb.orderBy('ls.requestedAt', 'DESC').addOrderBy('ls.id', 'DESC');
    const [rows, total] = await Promise.all([
      qb.clone().offset(page.offset).limit(page.limit).getMany(),
      qb.getCount(),
    ]);
    return { items: await this.views(rows), total, offset: page.offset, limit: page.limit };
  }

  async get(actor: Actor, rawId: string): Promise<LitigationView> {
    const row = await this.scope.getVisible(actor, LitigationSupportEntity, rawId, { what: WHAT, field: 'id' });
    return (await this.views([row]))[0];
  }

  /** Litigation supports of cases the caller has already reached through CaseAccess. */
  async forCases(caseIds: readonly string[]): Promise<LitigationView[]> {
    if (!caseIds.length) return [];
    return this.views(
      await this.ds.manager.find(LitigationSupportEntity, {
        where: { caseId: In([...caseIds]) },
        order: { requestedAt: 'ASC', id: 'ASC' },
      }),
    );
  }

  async request(actor: Actor, i: RequestLitigationSupportInput): Promise<LitigationView> {
    const row = await withTransaction(this.ds, async (m) => {
      const c = await this.cases.caseForWrite(m, actor, parseId(i.caseId, 'input.caseId'));
      if (c.kind === 'REPORT') throw LegalError.caseKind();
      if (await m.existsBy(LitigationSupportEntity, { caseId: c.id, status: Not(LitigationStatus.CLOSED) }))
        throw LegalError.openExists();
      const unit = await this.scope.homeForWrite(actor, c.ownerUnitId, m);
      const now = this.clock.now();
      const e = m.create(LitigationSupportEntity, {
        unitId: unit.id,
        unitPath: unit.path,
        caseId: c.id,
        request: i.request.trim(),
        status: LitigationStatus.REQUESTED,
        documents: null,
        court: null,
        filedAt: null,
        outcome: null,
        closedAt: null,
        documentGeneratedAt: null,
        requestedById: actor.kind === 'USER' ? actor.id : null,
        requestedAt: now,
        updatedAt: now,
        version: 1,
      });
      e.id = String((await m.insert(LitigationSupportEntity, e)).identifiers[0].id);
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'requestLitigationSupport',
        note: e.request,
        detail: { litigationSupportId: e.id, status: e.status },
      });
      return e;
    });
    return (await this.views([row]))[0];
  }

  /** Edits and moves forward: REQUESTED → DOCUMENTS_PREPARED → FILED (court required) → CLOSED (outcome required). */
  async update(actor: Actor, i: UpdateLitigationSupportInput): Promise<LitigationView> {
    const row = await withTransaction(this.ds, async (m) => {
      const e = await this.scope.getVisible(actor, LitigationSupportEntity, i.id, {
        m,
        lock: true,
        what: WHAT,
        field: 'input.id',
      });
      if (e.version !== i.version) throw LegalError.stale(WHAT, e.version, i.version);
      if (e.status === LitigationStatus.CLOSED) throw LegalError.closed();
      const c = await this.cases.caseForWrite(m, actor, e.caseId, 'input.id');
      const now = this.clock.now();
      const from = e.status;
      const to = i.status ?? from;
      if (to !== from && !LITIGATION_NEXT[from].includes(to)) throw LegalError.transition(from, to);
      if (i.filedAt && i.filedAt.getTime() > now.getTime())
        throw AppError.badInput('input.filedAt', '立案日期不能晚于现在');
      const changed: string[] = [];
      const set = <K extends keyof LitigationSupportEntity>(k: K, v: LitigationSupportEntity[K]) => {
        e[k] = v;
        changed.push(k);
      };
      if (i.request != null) set('request', i.request.trim());
      if (i.documents != null) set('documents', orNull(cleanList(i.documents)));
      if (i.court != null) set('court', i.court.trim());
      if (i.filedAt != null) set('filedAt', i.filedAt);
      if (i.outcome != null) set('outcome', i.outcome.trim());
      if (to === LitigationStatus.FILED && from !== to) {
        if (!e.court) throw AppError.badInput('input.court', '立案起诉须填写受理法院');
        if (!e.filedAt) set('filedAt', now);
      }
      if (to === LitigationStatus.CLOSED) {
        if (!e.outcome) throw AppError.badInput('input.outcome', '结束诉讼支持须填写诉讼结果');
        set('closedAt', now);
      }
      if (to !== from) set('status', to);
      e.updatedAt = now;
      e.version += 1;
      await m.save(LitigationSupportEntity, e);
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'updateLitigationSupport',
        note: to === LitigationStatus.CLOSED ? e.outcome : null,
        detail: { litigationSupportId: e.id, from, to, changed, court: e.court },
      });
      return e;
    });
    return (await this.views([row]))[0];
  }

  /**
   * 民事起诉状 from the case's current data. For a role that may unmask it holds the consumer's full
   * name, phone, ID number and address, so producing it is recorded on the case timeline like unmasking
   * the consumer; any other role (e.g. a legal officer) gets the masked copy (#12 item 15).
   */
  async generateDocument(actor: Actor, rawId: string): Promise<LitigationDocument> {
    return withTransaction(this.ds, async (m) => {
      const e = await this.scope.getVisible(actor, LitigationSupportEntity, rawId, { m, what: WHAT, field: 'id' });
      const c = await this.cases.caseForWrite(m, actor, e.caseId, 'id');
      if (c.anonymous) throw LegalError.consumerConfidential();
      if (!c.consumerName?.trim()) throw LegalError.partyMissing('原告（消费者）姓名');
      if (!c.respondentName?.trim()) throw LegalError.partyMissing('被告（经营者）名称');
      if (!c.demand?.trim()) throw LegalError.partyMissing('诉讼请求（消费者的诉求）');
      const now = this.clock.now();
      const evidence = await m.find(CaseEvidenceEntity, {
        where: { caseId: c.id },
        order: { uploadedAt: 'ASC', id: 'ASC' },
      });
      const full = buildStatementOfClaim(c, {
        court: e.court,
        evidence: evidence.map((x) => (x.description ? `${x.fileName}（${x.description}）` : x.fileName)),
        centerName: await this.centerName(e.unitId),
        now,
      });
      const mayUnmask = actor.permissions.has(Permission.CASE_UNMASK);
      const doc = await renderStatementOfClaim(mayUnmask ? full : maskStatementOfClaim(full));
      const fileName = `民事起诉状-${c.caseNo}.${doc.extension}`;
      await m.update(LitigationSupportEntity, e.id, { documentGeneratedAt: now });
      // Filed in the document registry too (issue #15): the printable PDF with its hash and template
      // version, on the case's document list and in its 卷宗; the .docx answered here stays editable.
      // A download that drafts the same statement again files nothing new; a changed one (court set,
      // evidence added, another day) supersedes the previous, both kept.
      const extra = {
        claim: { ...full, plaintiff: { gender: full.plaintiff.gender, birthDate: full.plaintiff.birthDate } },
      };
      const prev = await m.findOne(CaseDocumentEntity, {
        where: { caseId: c.id, docType: 'CIVIL_COMPLAINT' },
        order: { id: 'DESC' },
      });
      if (!prev || JSON.stringify(prev.data.extra) !== JSON.stringify(extra))
        await this.documents.issueIn(m, actor, c, 'CIVIL_COMPLAINT', {
          action: 'generateLitigationDocument',
          extra,
          supersedes: prev,
          reason: prev ? '起诉状内容已更新' : null,
        });
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'generateLitigationDocument',
        note: mayUnmask ? '生成民事起诉状（含消费者完整信息）' : '生成民事起诉状（脱敏件）',
        detail: {
          litigationSupportId: e.id,
          masked: !mayUnmask,
          fileName,
          sizeBytes: doc.bytes.length,
          sha256: createHash('sha256').update(doc.bytes).digest('hex'),
        },
      });
      return { fileName, contentType: doc.contentType, bytes: doc.bytes };
    });
  }

  /** The center the workroom belongs to, by name (for the document's wording). */
  private async centerName(unitId: number): Promise<string> {
    const unit = await this.ds.manager.findOneByOrFail(OrgUnitEntity, { id: unitId });
    const { centerId } = actsForOf(unit.id, unit.path, unit.type);
    if (centerId === unit.id) return unit.name;
    return (await this.ds.manager.findOneBy(OrgUnitEntity, { id: centerId }))?.name ?? unit.name;
  }

  private async views(rows: LitigationSupportEntity[]): Promise<LitigationView[]> {
    const caseIds = [...new Set(rows.map((r) => String(r.caseId)))];
    const cases = caseIds.length
      ? await this.ds.manager.find(CaseEntity, { where: { id: In(caseIds) }, select: { id: true, caseNo: true } })
      : [];
    const caseNo = new Map(cases.map((c) => [String(c.id), c.caseNo]));
    return rows.map((item) => ({ item, caseNo: caseNo.get(String(item.caseId)) ?? '' }));
  }
}
