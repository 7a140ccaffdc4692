import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AppError,
  AuditWriter,
  canSeeUnitPath,
  Clock,
  OrgUnitEntity,
  PublicStaffCardEntity,
  withTransaction,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { SaveStaffCardInput, SetServicePointInput } from './public-board.input';
import { PublicInfoService } from './public-info.service';

/**
 * 办事公开 maintained in the console: each unit's staff board (人员状态公示栏 / 挂牌上岗) and its address,
 * phone and office hours. Only units in the actor's scope (a county: its subtree; a station: itself);
 * any other unit or card answers NOT_FOUND. Edits are audited and version-checked (one of two concurrent
 * edits wins); the public cache is dropped so the site shows the change.
 */
@Injectable()
export class PublicBoardService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly info: PublicInfoService,
  ) {}

  unit(actor: Actor, rawUnitId: string): Promise<OrgUnitEntity> {
    return this.unitIn(this.ds.manager, actor, rawUnitId, 'unitId');
  }

  async cards(actor: Actor, rawUnitId: string): Promise<PublicStaffCardEntity[]> {
    const unit = await this.unitIn(this.ds.manager, actor, rawUnitId, 'unitId');
    return this.ds.getRepository(PublicStaffCardEntity).find({
      where: { unitId: unit.id },
      order: { sortOrder: 'ASC', id: 'ASC' },
    });
  }

  async save(actor: Actor, input: SaveStaffCardInput): Promise<PublicStaffCardEntity> {
    const id = await withTransaction(this.ds, async (m) => {
      const unit = await this.unitIn(m, actor, input.unitId, 'input.unitId');
      const fields = {
        name: input.name.trim(),
        post: input.post.trim(),
        workNo: input.workNo?.trim() || null,
        onDuty: input.onDuty,
        sortOrder: input.sortOrder ?? 0,
        updatedById: actor.id,
        updatedAt: this.clock.now(),
      };
      if (!fields.name) throw AppError.badInput('input.name', '请填写姓名');
      if (!fields.post) throw AppError.badInput('input.post', '请填写岗位');
      let cardId: number;
      if (input.id) {
        const card = await this.cardIn(m, actor, input.id, 'input.id');
        if (card.unitId !== unit.id) throw AppError.badInput('input.unitId', '不能把人员移到其他单位，请在该单位新增');
        if (input.version == null) throw AppError.badInput('input.version', '缺少版本号');
        const res = await m
          .createQueryBuilder()
          .update(PublicStaffCardEntity)
          .set({ ...fields, version: () => 'version + 1' })
          .where('id = :id AND version = :version', { id: card.id, version: input.version })
          .execute();
        if (res.affected !== 1) throw AppError.conflict(undefined, 'input.version');
        cardId = card.id;
      } else {
        cardId = (await m.insert(PublicStaffCardEntity, { ...fields, unitId: unit.id, version: 1 })).identifiers[0]!
          .id as number;
      }
      await this.audit.record(
        m,
        actor,
        'publicBoard.save',
        { type: 'org_unit', id: unit.id },
        { cardId, name: fields.name, post: fields.post, onDuty: fields.onDuty },
      );
      return cardId;
    });
    this.info.forget();
    return this.ds.getRepository(PublicStaffCardEntity).findOneByOrFail({ id });
  }

  async remove(actor: Actor, rawId: string): Promise<boolean> {
    await withTransaction(this.ds, async (m) => {
      const card = await this.cardIn(m, actor, rawId, 'id');
      await m.delete(PublicStaffCardEntity, { id: card.id });
      await this.audit.record(
        m,
        actor,
        'publicBoard.delete',
        { type: 'org_unit', id: card.unitId },
        { cardId: card.id, name: card.name },
      );
    });
    this.info.forget();
    return true;
  }

  /** Address, phone and office hours as the public site shows them (a null clears the field). */
  async setServicePoint(actor: Actor, input: SetServicePointInput): Promise<OrgUnitEntity> {
    const id = await withTransaction(this.ds, async (m) => {
      const unit = await this.unitIn(m, actor, input.unitId, 'input.unitId');
      const patch = {
        address: input.address?.trim() || null,
        phone: input.phone?.trim() || null,
        officeHours: input.officeHours?.trim() || null,
      };
      await m.update(OrgUnitEntity, unit.id, patch);
      await this.audit.record(m, actor, 'servicePoint.update', { type: 'org_unit', id: unit.id }, patch);
      return unit.id;
    });
    this.info.forget();
    return this.ds.getRepository(OrgUnitEntity).findOneByOrFail({ id });
  }

  private async unitIn(m: EntityManager, actor: Actor, raw: string, field: string): Promise<OrgUnitEntity> {
    const unit = await m.findOneBy(OrgUnitEntity, { id: parseId(raw, field) });
    if (!unit || !canSeeUnitPath(actor, unit.path, unit.id)) throw AppError.notFound('单位', field);
    return unit;
  }

  /** A card of a unit in the actor's scope, locked for the transaction `m`; NOT_FOUND otherwise. */
  async cardIn(m: EntityManager, actor: Actor, raw: string, field: string): Promise<PublicStaffCardEntity> {
    const card = await m.findOne(PublicStaffCardEntity, {
      where: { id: parseId(raw, field) },
      lock: { mode: 'pessimistic_write' },
    });
    const unit = card && (await m.findOneBy(OrgUnitEntity, { id: card.unitId }));
    if (!card || !unit || !canSeeUnitPath(actor, unit.path, unit.id)) throw AppError.notFound('人员', field);
    return card;
  }
}
