import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Permission } from '@weiquan/shared';
import { type Actor, CaseDocumentEntity, CaseDocumentFileEntity } from '@weiquan/core';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { DocumentDelivery } from './document-delivery.service';
import { DocumentRegistry } from './document-registry.service';
import { DocumentSettingsService } from './document-settings.service';
import {
  CaseDocumentModel,
  DocumentUnitSettingModel,
  IssueDocumentInput,
  SendDocumentLinkInput,
  SetDocumentUnitSettingInput,
  SupersedeDocumentInput,
  toDocumentModel,
} from './document.model';
import { CaseFileService } from './case-file.service';
import { withTransaction, CaseAccess } from '@weiquan/core';

@Resolver(() => CaseDocumentModel)
export class DocumentResolver {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly registry: DocumentRegistry,
    private readonly caseFiles: CaseFileService,
    private readonly access: CaseAccess,
    private readonly settings: DocumentSettingsService,
    private readonly delivery: DocumentDelivery,
  ) {}

  @Query(() => [CaseDocumentModel], { description: '案件的文书与卷宗（按签发时间）' })
  @Allow(Permission.CASE_READ)
  async caseDocuments(@CurrentActor() actor: Actor, @Args('caseId', { type: () => ID }) caseId: string) {
    return this.models(await this.registry.listForCase(actor, caseId));
  }

  @Query(() => CaseDocumentModel)
  @Allow(Permission.CASE_READ)
  async caseDocument(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return (await this.models([await this.registry.visibleDocument(actor, id)]))[0];
  }

  @Mutation(() => CaseDocumentModel, { description: '按需签发文书（取号、生成并归档文件）' })
  @Allow(Permission.CASE_HANDLE)
  async issueDocument(@CurrentActor() actor: Actor, @Args('input') input: IssueDocumentInput) {
    const doc =
      input.type === 'CASE_FILE'
        ? await withTransaction(this.ds, async (m) =>
            this.caseFiles.issueIn(
              m,
              actor,
              await this.access.getVisible(actor, input.caseId, { m, field: 'input.caseId' }),
              null,
            ),
          )
        : await this.registry.issue(actor, input.caseId, input.type);
    return (await this.models([doc]))[0];
  }

  @Mutation(() => CaseDocumentModel, { description: '更正文书：签发新文书取代原文书，两者均保留' })
  @Allow(Permission.CASE_HANDLE)
  async supersedeDocument(@CurrentActor() actor: Actor, @Args('input') input: SupersedeDocumentInput) {
    return (await this.models([await this.registry.supersede(actor, input.documentId, input.reason)]))[0];
  }

  @Mutation(() => CaseDocumentModel, { description: '短信送达：向诉求人发送一次性下载链接（72小时内有效）' })
  @Allow(Permission.CASE_HANDLE)
  async sendDocumentLink(@CurrentActor() actor: Actor, @Args('input') input: SendDocumentLinkInput) {
    const d = await this.delivery.sendLink(actor, input.documentId);
    return this.caseDocument(actor, d.documentId);
  }

  @Query(() => DocumentUnitSettingModel)
  @Allow(Permission.CASE_READ)
  documentUnitSetting(@CurrentActor() actor: Actor, @Args('unitId', { type: () => ID }) unitId: string) {
    return this.settings.get(actor, unitId);
  }

  @Mutation(() => DocumentUnitSettingModel, { description: '设置单位的发文机关标志、文号前缀与格式、印章名称' })
  @Allow(Permission.ORG_MANAGE)
  setDocumentUnitSetting(@CurrentActor() actor: Actor, @Args('input') input: SetDocumentUnitSettingInput) {
    return this.settings.set(actor, input);
  }

  private async models(docs: CaseDocumentEntity[]): Promise<CaseDocumentModel[]> {
    if (!docs.length) return [];
    const ids = docs.map((d) => d.id);
    const [files, later] = await Promise.all([
      this.ds.manager.find(CaseDocumentFileEntity, { where: { documentId: In(ids), variant: 'FULL' } }),
      this.ds.manager.find(CaseDocumentEntity, {
        where: { supersedesId: In(ids) },
        select: { id: true, supersedesId: true },
      }),
    ]);
    return docs.map((d) =>
      toDocumentModel(
        d,
        files.find((f) => String(f.documentId) === String(d.id)) ?? null,
        later.find((l) => String(l.supersedesId) === String(d.id))?.id ?? null,
      ),
    );
  }
}
