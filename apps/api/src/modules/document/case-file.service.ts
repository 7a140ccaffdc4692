import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  Actor,
  CaseDispatchEntity,
  CaseDocumentEntity,
  CaseDocumentFileEntity,
  CaseEntity,
  CaseEventEntity,
  CaseEvidenceEntity,
  CaseExtensionEntity,
  CaseFollowUpEntity,
  UserEntity,
} from '@weiquan/core';
import {
  CaseActionLabel,
  CaseStateLabel,
  DispatchModeLabel,
  DispatchTargetTypeLabel,
  OutcomeLabel,
  SatisfactionLabel,
  chineseDate,
  toShanghaiDate,
} from '@weiquan/shared';
import { CaseFileSnapshot } from './case-file.renderer';
import { DocumentRegistry } from './document-registry.service';

const at = (d: Date | null | undefined) =>
  d ? `${toShanghaiDate(d)} ${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}` : '';
const label = (map: Record<string, string>, k: string | null | undefined) => (k ? (map[k] ?? k) : '');

/** The 卷宗: a snapshot of the case's record, issued as an unnumbered document (at archive, or on demand). */
@Injectable()
export class CaseFileService {
  constructor(private readonly registry: DocumentRegistry) {}

  async issueIn(m: EntityManager, actor: Actor, c: CaseEntity, action: string | null): Promise<CaseDocumentEntity> {
    // 保管期限 as the issuing unit's administrator set it (default 10 years).
    const { retentionYears } = await this.registry.periodsFor(m, actor, c);
    const extra = { ...(await this.snapshot(m, c, retentionYears)) };
    return this.registry.issueIn(m, actor, c, 'CASE_FILE', { action, extra });
  }

  async snapshot(m: EntityManager, c: CaseEntity, retentionYears: number): Promise<CaseFileSnapshot> {
    const [docs, events, evidence, dispatches, followUps, extensions] = await Promise.all([
      m.find(CaseDocumentEntity, { where: { caseId: c.id }, order: { issuedAt: 'ASC', id: 'ASC' } }),
      m.find(CaseEventEntity, { where: { caseId: c.id }, order: { at: 'ASC', id: 'ASC' } }),
      m.find(CaseEvidenceEntity, { where: { caseId: c.id }, order: { uploadedAt: 'ASC', id: 'ASC' } }),
      m.find(CaseDispatchEntity, { where: { caseId: c.id }, order: { hop: 'ASC' } }),
      m.find(CaseFollowUpEntity, { where: { caseId: c.id }, order: { attempt: 'ASC' } }),
      m.find(CaseExtensionEntity, { where: { caseId: c.id }, order: { requestedAt: 'ASC' } }),
    ]);
    const filed = docs.filter((d) => d.docType !== 'CASE_FILE');
    const userIds = [c.handlerId, ...followUps.map((f) => f.byUserId)].filter((x): x is number => x != null);
    const users = userIds.length ? await m.find(UserEntity, { where: { id: In(userIds) } }) : [];
    const accepted = events.find((e) => e.action === 'acceptCase' || e.action === 'decideFiling');
    const files = filed.length
      ? await m.find(CaseDocumentFileEntity, { where: { documentId: In(filed.map((d) => d.id)), variant: 'FULL' } })
      : [];
    return {
      cover: {
        cause: c.category ? `${c.category}：${c.summary.slice(0, 60)}` : c.summary.slice(0, 60),
        acceptedOn: chineseDate(accepted?.at),
        result: [label(OutcomeLabel, c.outcome), label(CaseStateLabel, c.state)].filter(Boolean).join('，'),
        handler: users.find((u) => u.id === c.handlerId)?.displayName ?? '',
        archivedOn: chineseDate(c.archivedAt ?? new Date()),
        retention: `${retentionYears}年`,
      },
      documents: filed.map((d) => ({
        id: d.id,
        title: d.title,
        docNo: d.docNo,
        issuedOn: chineseDate(d.issuedAt),
        supersededBy: filed.find((x) => x.supersedesId === d.id)?.docNo ?? null,
        sha256: files.find((f) => f.documentId === d.id)?.sha256 ?? null,
      })),
      records: [
        {
          title: '登记',
          header: ['登记时间', '渠道', '诉求人', '被诉方', '诉求'],
          rows: [[at(c.registeredAt), c.channel, c.consumerName ?? '', c.respondentName ?? '', c.demand ?? '']],
        },
        {
          title: '分流',
          header: ['序', '分流时间', '去向', '方式', '签收', '退回/办结'],
          rows: dispatches.map((x) => [
            String(x.hop),
            at(x.dispatchedAt),
            label(DispatchTargetTypeLabel, x.targetType),
            label(DispatchModeLabel, x.mode),
            at(x.receivedAt),
            x.returnedAt ? `退回 ${at(x.returnedAt)}：${x.returnReason ?? ''}` : at(x.concludedAt),
          ]),
        },
        {
          title: '延期',
          header: ['申请时间', '天数', '理由', '审批'],
          rows: extensions.map((x) => [at(x.requestedAt), String(x.days), x.reason, x.status]),
        },
        {
          title: '回访',
          header: ['次', '时间', '回访人', '结果', '满意度'],
          rows: followUps.map((f) => [
            String(f.attempt),
            at(f.at),
            users.find((u) => u.id === f.byUserId)?.displayName ?? '',
            f.result,
            label(SatisfactionLabel, f.satisfaction),
          ]),
        },
      ],
      timeline: events.map((e) => ({
        at: at(e.at),
        action: label(CaseActionLabel, e.action),
        actor: e.actorName,
        note: e.note ?? '',
      })),
      evidence: evidence.map((e) => ({
        fileName: e.fileName,
        size: `${Math.ceil(e.sizeBytes / 1024)} KB`,
        sha256: e.sha256,
        uploadedAt: at(e.uploadedAt),
      })),
    };
  }
}
