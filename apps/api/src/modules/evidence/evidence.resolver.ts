import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { EvidenceModel, toEvidenceModel } from './evidence.model';
import { EvidenceService } from './evidence.service';

@Resolver(() => EvidenceModel)
export class EvidenceResolver {
  constructor(private readonly evidence: EvidenceService) {}

  @Query(() => [EvidenceModel], { description: '案件的证据材料（上传：POST /api/cases/:caseId/evidence）' })
  @Allow(Permission.CASE_READ)
  async caseEvidence(
    @CurrentActor() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
  ): Promise<EvidenceModel[]> {
    return (await this.evidence.listForCase(actor, caseId)).map(toEvidenceModel);
  }
}
