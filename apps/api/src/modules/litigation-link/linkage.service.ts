import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { OrgUnitType } from '@weiquan/shared';
import { Actor, ActorSide, AppError, Clock, LinkageMessageEntity, OrgUnitEntity, withTransaction } from '@weiquan/core';
import { parseId } from '../../common/ids';
import { Page, PageInput } from '../../common/paging';
import { AuditService } from '../audit/audit.service';
import { LitigationLinkAccess } from './litigation-link-access.service';
import { LitigationLinkError } from './litigation-link.exception';
import { AcknowledgeLinkageMessageInput, LinkageMessageFilter, SendLinkageMessageInput } from './litigation-link.input';
import { LinkageMessageView, LitigationLinkViews } from './litigation-link-views.service';

const UNITS = [
  { path: 'sender_path', unitId: 'sender_unit_id' },
  { path: 'target_path', unitId: 'target_unit_id' },
];

/**
 * 与全市各县区消费者维权中心以及乡镇、村消费者维权站消费维权联动协调 (seed 002 五.4): instructions go
 * down to a unit in the sending center's subtree, reports go up to one of its ancestors; the
 * receiving unit acknowledges (签收) each once. Sender and receiver are centers or stations, never
 * workrooms: a workroom's staff send and receive for their center.
 */
@Injectable()
export class LinkageService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: LitigationLinkAccess,
    private readonly views: LitigationLinkViews,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async send(actor: Actor, i: SendLinkageMessageInput): Promise<LinkageMessageView> {
    return withTransaction(this.ds, async (m) => {
      const side = await this.access.writerSide(actor, m);
      const sender = await this.access.owningUnit(m, side);
      const target = await m.findOneBy(OrgUnitEntity, { id: parseId(i.targetUnitId, 'input.targetUnitId') });
      if (!target || !target.active || target.type === OrgUnitType.WORKROOM)
        throw AppError.notFound('接收单位', 'input.targetUnitId');
      const below = target.path.startsWith(sender.path) && target.id !== sender.id;
      const above = sender.path.startsWith(target.path) && target.id !== sender.id;
      if (i.kind === 'INSTRUCTION' && !below) throw LitigationLinkError.targetNotSubordinate();
      if (i.kind === 'REPORT' && !above) throw LitigationLinkError.targetNotSuperior();
      const now = this.clock.now();
      if (i.dueAt && i.dueAt.getTime() <= now.getTime()) throw AppError.badInput('input.dueAt', '期限须晚于当前时间');
      const res = await m.insert(LinkageMessageEntity, {
        kind: i.kind,
        senderUnitId: sender.id,
        senderPath: sender.path,
        targetUnitId: target.id,
        targetPath: target.path,
        title: i.title.trim(),
        content: i.content.trim(),
        dueAt: i.dueAt ?? null,
        sentById: actor.id,
        sentAt: now,
        acknowledgedById: null,
        acknowledgedAt: null,
        ackNote: null,
        version: 1,
      });
      const id = String(res.identifiers[0].id);
      await this.audit.record(
        m,
        actor,
        'sendLinkageMessage',
        { type: 'linkage_message', id },
        { kind: i.kind, from: sender.id, to: target.id, title: i.title.trim() },
      );
      return this.one(m, id);
    });
  }

  /** 签收 by staff of the receiving unit (or of its workrooms), once. */
  async acknowledge(actor: Actor, i: AcknowledgeLinkageMessageInput): Promise<LinkageMessageView> {
    return withTransaction(this.ds, async (m) => {
      const side = await this.access.writerSide(actor, m);
      const x = await m.findOne(LinkageMessageEntity, {
        where: { id: String(parseId(i.id, 'input.id')) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!x || !this.visible(actor, side, x)) throw AppError.notFound('联动消息', 'input.id');
      if (!side.unitIds.includes(x.targetUnitId)) throw LitigationLinkError.notRecipient();
      if (x.acknowledgedAt) throw LitigationLinkError.alreadyAcknowledged(x.acknowledgedAt);
      await m.update(
        LinkageMessageEntity,
        { id: x.id, version: x.version },
        {
          acknowledgedById: actor.id,
          acknowledgedAt: this.clock.now(),
          ackNote: i.note?.trim() || null,
          version: x.version + 1,
        },
      );
      await this.audit.record(
        m,
        actor,
        'acknowledgeLinkageMessage',
        { type: 'linkage_message', id: x.id },
        { unitId: x.targetUnitId },
      );
      return this.one(m, x.id);
    });
  }

  /** Received by the actor's unit (a workroom's staff: by its center). */
  inbox(
    actor: Actor,
    f: LinkageMessageFilter = {},
    page: PageInput = new PageInput(),
  ): Promise<Page<LinkageMessageView>> {
    return this.list(actor, 'target_unit_id', f, page);
  }

  /** Sent by the actor's unit (a workroom's staff: by its center). */
  outbox(
    actor: Actor,
    f: LinkageMessageFilter = {},
    page: PageInput = new PageInput(),
  ): Promise<Page<LinkageMessageView>> {
    return this.list(actor, 'sender_unit_id', f, page);
  }

  async get(actor: Actor, rawId: string): Promise<LinkageMessageView> {
    const m = this.ds.manager;
    const side = await this.access.sideOf(actor, m);
    const x = await m.findOneBy(LinkageMessageEntity, { id: String(parseId(rawId, 'id')) });
    if (!x || !this.visible(actor, side, x)) throw AppError.notFound('联动消息', 'id');
    return (await this.views.messages(m, [x]))[0];
  }

  /** Visible messages of the actor's side, as a query (for the work queue too). */
  scoped(
    qb: SelectQueryBuilder<LinkageMessageEntity>,
    actor: Actor,
    side: ActorSide,
    alias = 'x',
  ): SelectQueryBuilder<LinkageMessageEntity> {
    return this.access.scopeByUnits(qb, actor, side, LinkageMessageEntity, alias, UNITS);
  }

  private async list(
    actor: Actor,
    column: 'target_unit_id' | 'sender_unit_id',
    f: LinkageMessageFilter,
    page: PageInput,
  ): Promise<Page<LinkageMessageView>> {
    const m = this.ds.manager;
    const side = await this.access.sideOf(actor, m);
    if (!side.unitIds.length) return { items: [], total: 0, offset: page.offset, limit: page.limit };
    const qb = this.scoped(m.createQueryBuilder(LinkageMessageEntity, 'x'), actor, side).andWhere(
      `x.${column} IN (:...boxUnitIds)`,
      { boxUnitIds: side.unitIds },
    );
    if (f.kind) qb.andWhere('x.kind = :kind', { kind: f.kind });
    if (f.acknowledged != null)
      qb.andWhere(f.acknowledged ? 'x.acknowledged_at IS NOT NULL' : 'x.acknowledged_at IS NULL');
    const [rows, total] = await qb
      .orderBy('x.sentAt', 'DESC')
      .addOrderBy('x.id', 'DESC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return { items: await this.views.messages(m, rows), total, offset: page.offset, limit: page.limit };
  }

  private visible(actor: Actor, side: ActorSide, x: LinkageMessageEntity): boolean {
    return (
      this.access.canSeeUnit(actor, side, x.senderUnitId, x.senderPath) ||
      this.access.canSeeUnit(actor, side, x.targetUnitId, x.targetPath)
    );
  }

  private async one(m: EntityManager, id: string): Promise<LinkageMessageView> {
    return (await this.views.messages(m, [await m.findOneByOrFail(LinkageMessageEntity, { id })]))[0];
  }
}
