import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, ApiClientEntity, AppError, HOTLINE_12345 } from '@weiquan/core';
import { WorkOrderMappingError, WorkOrderTransfer } from '@weiquan/shared';
import { TransferCaseInput } from './transfer.input';
import { TransferModel } from './transfer.model';
import { TransferService } from './transfer.service';
import { WorkOrder12345Input, WorkOrderReply12345Model, WorkOrderResult12345Model } from './work-order.input';

/**
 * The 12345 hotline's receiving and reading-back over GraphQL in its own work-order fields, through its
 * exchange adapter: a work order becomes a transfer (idempotent by 工单编号 like transferCase), and the
 * answer is the status in the hotline's reply fields. Only a client registered under the 12345 channel
 * may call it.
 */
@Injectable()
export class WorkOrderService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly transfers: TransferService,
  ) {}

  async receive(actor: Actor, input: WorkOrder12345Input): Promise<WorkOrderResult12345Model> {
    await this.hotlineClient(actor);
    let mapped;
    try {
      mapped = HOTLINE_12345.receive(input);
    } catch (e) {
      if (e instanceof WorkOrderMappingError) throw AppError.badInput(`input.${e.field}`, e.message);
      throw e;
    }
    const transfer = transferInputOf(mapped, input.idempotencyKey);
    const r = await this.transfers.transferIn(actor, transfer);
    return { ...r, reply: this.reply(r.transfer) };
  }

  async byWorkOrderNo(actor: Actor, gdbh: string): Promise<WorkOrderReply12345Model> {
    await this.hotlineClient(actor);
    return this.reply(await this.transfers.byExternalRef(actor, gdbh));
  }

  private reply(t: TransferModel): WorkOrderReply12345Model {
    const iso = (x: Date | null) => x?.toISOString() ?? null;
    return HOTLINE_12345.send({
      externalRef: t.externalRef,
      state: t.state,
      ownerUnitName: t.ownerUnitName,
      dueAt: iso(t.dueAt),
      rejectGround: t.rejectGround,
      outcome: t.outcome,
      concludedAt: iso(t.concludedAt),
      replyContent: t.replyContent,
      satisfaction: t.satisfaction,
      archivedAt: iso(t.archivedAt),
    }) as unknown as WorkOrderReply12345Model;
  }

  private async hotlineClient(actor: Actor): Promise<void> {
    if (actor.kind !== 'API_CLIENT') throw AppError.forbidden('12345 工单接口仅供 12345 热线系统调用');
    const client = await this.ds.getRepository(ApiClientEntity).findOneByOrFail({ id: actor.id });
    if (client.channel !== HOTLINE_12345.channel)
      throw AppError.forbidden('12345 工单接口仅供以 12345 转办渠道登记的客户端调用');
  }
}

/** A partner's message as its adapter mapped it → the input of TransferService.transferIn. */
export function transferInputOf(mapped: WorkOrderTransfer, idempotencyKey?: string): TransferCaseInput {
  return {
    externalRef: mapped.externalRef,
    idempotencyKey,
    kind: mapped.kind,
    summary: mapped.summary,
    demand: mapped.demand ?? undefined,
    receivedAt: new Date(mapped.receivedAt),
    senderDueAt: mapped.senderDueAt ? new Date(mapped.senderDueAt) : undefined,
    occurredPlace: mapped.occurredPlace ?? undefined,
    consumer: mapped.consumer,
    respondent: mapped.respondent ?? undefined,
  } as TransferCaseInput;
}
