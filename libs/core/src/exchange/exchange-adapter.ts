import type { Channel, TransferStatus, WorkOrder12345, WorkOrderTransfer } from '@weiquan/shared';
import { transferStatusToWorkOrderReply, workOrderToTransfer } from '@weiquan/shared';

export type ExchangePartner = 'HOTLINE_12345' | 'PLATFORM_12315';

/**
 * One partner system behind one interface, so that a province's real interface is plugged in here and
 * the case lifecycle never learns of it:
 *  - the receiving side turns what the partner sends into the transfer it asks for (then transferCase's
 *    idempotent registration runs as for any client);
 *  - the sending side turns a transfer's status into the partner's form, which every webhook delivery to
 *    that partner's clients carries as `partnerForm` beside Weiquan's own payload.
 * The shipped transports are GraphQL (receiving: transferCase / receiveWorkOrder12345) and signed webhooks
 * through the outbox (sending, the worker's ExchangeTransport). A partner with its own wire protocol
 * implements these two functions, binds its own ExchangeTransport in the worker for sending, and for
 * receiving calls `receive` then TransferService.transferIn (e.g. from a poller of its queue), without
 * touching the lifecycle.
 */
export interface ExchangeAdapter<Inbound = unknown, Outbound = Record<string, unknown>> {
  readonly partner: ExchangePartner;
  /** The channel its clients register under (an API client's `channel`). */
  readonly channel: Channel;
  /** Receiving: the partner's message → a transfer; throws WorkOrderMappingError naming the partner's field. */
  receive(message: Inbound): WorkOrderTransfer;
  /** Sending: a transfer's status → the partner's reply form. */
  send(status: TransferStatus): Outbound;
}

/** The 12345 hotline: its work-order fields (工单编号, 诉求类型, 办理时限, 办结/回访 results). */
export const HOTLINE_12345: ExchangeAdapter<WorkOrder12345> = {
  partner: 'HOTLINE_12345',
  channel: 'TRANSFER_12345',
  receive: workOrderToTransfer,
  send: (s) => ({ ...transferStatusToWorkOrderReply(s) }),
};

/**
 * The national 12315 platform. Its interface for local systems is not public (reference notes): the
 * platform's connector speaks Weiquan's own transfer and status forms until it is known; its adapter
 * is where the mapping will go.
 */
export const PLATFORM_12315: ExchangeAdapter<WorkOrderTransfer> = {
  partner: 'PLATFORM_12315',
  channel: 'TRANSFER_UPPER',
  receive: (m) => m,
  send: (s) => ({ ...s }),
};

const ADAPTERS: ExchangeAdapter<never>[] = [HOTLINE_12345, PLATFORM_12315];

/** The adapter of the partner whose clients register under this channel; null for any other client. */
export function exchangeAdapterFor(channel: Channel | string): ExchangeAdapter<never> | null {
  return ADAPTERS.find((a) => a.channel === channel) ?? null;
}
