import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  Actor,
  CaseExtensionEntity,
  CaseLifecycleService,
  CaseTransitionHook,
  Clock,
  ExternalAgencyEntity,
  OrgUnitEntity,
  TransitionContext,
} from '@weiquan/core';
import {
  CaseAction,
  DispatchModeLabel,
  DocumentType,
  OutcomeLabel,
  addDays,
  chineseDate,
  toShanghaiDate,
} from '@weiquan/shared';
import { CaseFileService } from './case-file.service';
import { DocumentRegistry } from './document-registry.service';

type Ctx = TransitionContext & { action: CaseAction };

/**
 * Which step issues which document, inside the step's transaction (number gap-free with the step:
 * a step that rolls back takes no number). The PDF is rendered after commit.
 */
@Injectable()
export class DocumentHook implements CaseTransitionHook, OnModuleInit {
  constructor(
    private readonly lifecycle: CaseLifecycleService,
    private readonly registry: DocumentRegistry,
    private readonly caseFiles: CaseFileService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.lifecycle.registerHook(this);
  }

  async afterTransition(actor: Actor, t: Ctx): Promise<void> {
    if (t.action === 'archiveCase') {
      await this.caseFiles.issueIn(t.m, actor, t.c, t.action);
      return;
    }
    for (const [type, extra] of await this.documentsFor(actor, t))
      await this.registry.issueIn(t.m, actor, t.c, type, { extra, action: t.action });
  }

  private async documentsFor(actor: Actor, { action, c, m }: Ctx): Promise<[DocumentType, Record<string, unknown>][]> {
    const complaint = c.kind === 'COMPLAINT';
    switch (action) {
      case 'requestMaterials': {
        // 补正材料: the days the consumer has, as the issuing unit's administrator set them (default 7).
        const { materialsDays } = await this.registry.periodsFor(m, actor, c);
        const due = addDays(toShanghaiDate(this.clock.now()), materialsDays);
        return [['MATERIALS_NOTICE', { missingItems: [...(c.missingItems ?? [])], dueOn: chineseDate(due) }]];
      }
      case 'acceptCase':
        return [[complaint ? 'ACCEPTANCE_DECISION' : 'ACCEPTANCE_NOTICE', {}]];
      case 'rejectCase':
        return [
          [
            'REJECTION_DECISION',
            { rejectGround: c.rejectGround, referralAuthority: c.referralAuthority, referralPhone: c.referralPhone },
          ],
        ];
      case 'decideFiling':
        return c.filed === false ? [['REPORT_RESULT_NOTICE', { result: '经核查，决定不予立案。' }]] : [];
      case 'dispatchCase': {
        if (c.dispatchTargetType === 'UNIT' && c.assignedUnitId) {
          const u = await m.findOneByOrFail(OrgUnitEntity, { id: c.assignedUnitId });
          return [['DISPATCH_NOTICE', this.dispatchExtra(c, u.name, '单位')]];
        }
        if (c.dispatchTargetType === 'EXTERNAL' && c.externalAgencyId) {
          const a = await m.findOneByOrFail(ExternalAgencyEntity, { id: c.externalAgencyId });
          return [['DISPATCH_NOTICE', this.dispatchExtra(c, a.name, '部门')]];
        }
        // Inside the center (a workroom) nothing leaves the unit: no notice.
        return [];
      }
      case 'receiveCase':
        if (!complaint) return [];
        return [
          [
            'MEDIATION_NOTICE',
            { mediatorName: actor.name, recusalDays: (await this.registry.periodsFor(m, actor, c)).recusalDays },
          ],
        ];
      case 'requestExtension': {
        const ext = await m.findOne(CaseExtensionEntity, { where: { caseId: c.id }, order: { id: 'DESC' } });
        return [
          ['EXTENSION_APPROVAL', { reason: ext?.reason ?? '', requestedBy: actor.name, dueOn: chineseDate(c.dueAt) }],
        ];
      }
      case 'concludeCase':
        if (!complaint)
          return c.kind === 'REPORT'
            ? [['REPORT_RESULT_NOTICE', { result: c.outcome ? OutcomeLabel[c.outcome] : '已办结' }]]
            : [];
        if (c.outcome === 'MEDIATED')
          return [
            [
              'MEDIATION_AGREEMENT',
              { terms: c.agreementText ?? '', amount: c.amountRecovered, mediatorName: actor.name },
            ],
          ];
        if (c.terminationGround) return [['TERMINATION_DECISION', { terminationGround: c.terminationGround }]];
        return [];
      default:
        return [];
    }
  }

  private dispatchExtra(c: Ctx['c'], targetName: string, targetKind: string) {
    return { targetName, targetKind, mode: c.dispatchMode ? DispatchModeLabel[c.dispatchMode] : '' };
  }
}
