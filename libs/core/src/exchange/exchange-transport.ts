/**
 * The sending transport: what carries one status message from the outbox to one subscriber. The worker's
 * webhook delivery builds the message (payload masked for the client, the partner's form beside it) and
 * records the answer as an attempt with retries and backoff; only the carrying is here, so a province's
 * own wire (its message queue, its HTTP interface) is bound in the worker's module in place of the
 * shipped one — signed Standard Webhooks POSTs — and the outbox, ordering, retries and the case
 * lifecycle stay as they are.
 *
 * Receiving needs no second seam: every inbound transfer, whatever carried it (GraphQL transferCase, the
 * 12345 work-order mutation, a province's poller), enters through the API's TransferService.transferIn
 * after its exchange adapter mapped it (exchange-adapter.ts).
 */
export abstract class ExchangeTransport {
  /** Carries one message; never throws — a failure, a timeout or a refusal is an answer with ok: false. */
  abstract send(message: OutboundMessage): Promise<TransportAnswer>;
}

export interface OutboundMessage {
  /** Stable across retries of the same delivery (`msg_<delivery id>`): the receiver's deduplication key. */
  id: string;
  /** The subscriber's endpoint address and its signing secret. */
  url: string;
  secret: string;
  /** The payload as JSON text, exactly as it is to be signed and sent. */
  body: string;
}

export interface TransportAnswer {
  /** Delivered (for webhooks: a 2xx within the time limit). */
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** Why it failed, shown in the delivery log; null when ok. */
  error: string | null;
}
