import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, AppError, Clock, DocumentUnitSettingEntity, canSeeUnitPath, OrgUnitEntity } from '@weiquan/core';
import { isValidNumberFormat, OrgUnitType } from '@weiquan/shared';
import { settingsOrDefault } from './document-data.builder';
import { DocumentUnitSettingModel, SetDocumentUnitSettingInput } from './document.model';

/** The unit's document header, number prefix and format and seal name, set by an administrator. */
@Injectable()
export class DocumentSettingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, unitId: string): Promise<DocumentUnitSettingModel> {
    const unit = await this.visibleCenter(actor, unitId);
    const s = settingsOrDefault(
      unit,
      await this.ds.manager.findOne(DocumentUnitSettingEntity, { where: { unitId: unit.id } }),
    );
    return { unitId: String(unit.id), ...s };
  }

  async set(actor: Actor, input: SetDocumentUnitSettingInput): Promise<DocumentUnitSettingModel> {
    if (!isValidNumberFormat(input.numberFormat))
      throw AppError.badInput(
        'input.numberFormat',
        '文号格式须包含 {year} 与 {seq}，只可使用 {prefix} {abbr} {year} {seq}',
      );
    const unit = await this.visibleCenter(actor, input.unitId);
    await this.ds.manager.upsert(
      DocumentUnitSettingEntity,
      {
        unitId: unit.id,
        header: input.header.trim(),
        numberPrefix: input.numberPrefix.trim(),
        numberFormat: input.numberFormat.trim(),
        sealName: input.sealName.trim(),
        redHead: input.redHead,
        phone: input.phone?.trim() || null,
        updatedById: actor.id,
        updatedAt: this.clock.now(),
      },
      ['unitId'],
    );
    return this.get(actor, input.unitId);
  }

  private async visibleCenter(actor: Actor, unitId: string): Promise<OrgUnitEntity> {
    const unit = /^\d{1,10}$/.test(unitId)
      ? await this.ds.manager.findOne(OrgUnitEntity, { where: { id: Number(unitId) } })
      : null;
    if (!unit || !canSeeUnitPath(actor, unit.path, unit.id)) throw AppError.notFound('单位', 'input.unitId');
    if (unit.type !== OrgUnitType.CITY_CENTER && unit.type !== OrgUnitType.COUNTY_CENTER)
      throw AppError.badInput('input.unitId', '文书由市、县（区）中心签发，请选择中心');
    return unit;
  }
}
