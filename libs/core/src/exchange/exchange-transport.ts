/**
 * The two transports of the exchange with partner systems (12345, 12315), so that a province's own wire
 * is plugged in without touching the case lifecycle.
 *
 * Sending — ExchangeTransport: what carries one status message from the outbox to one subscriber. The
 * worker's webhook delivery builds the message (payload masked for the client, the partner's form beside
 * it) and records the answer as an attempt with retries and backoff; only the carrying is here, so a
 * province's own wire (its message queue, its HTTP interface) is bound in the worker's module in place of
 * the shipped one — signed Standard Webhooks POSTs — and the outbox, ordering, retries and the case
 * lifecycle stay as they are.
 *
 * Receiving — ExchangeReceiver: a province's inbound wire (a poller of its queue, a listener on its bus)
 * bound in the API's module. The API starts it at bootstrap and hands it `deliver`, which does for each
 * message what the shipped receiving transport — the GraphQL mutations transferCase and
 * receiveWorkOrder12345 — does for a request: the client's checks, its exchange adapter's mapping
 * (exchange-adapter.ts) and the idempotent TransferService.transferIn.
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

/**
 * A province's inbound wire. `start` begins taking messages (and returns once it is listening) and hands
 * each to `deliver`, which never throws: the answer says what to tell the sender (acknowledge, or refuse
 * with a coded error), and whether trying the same message again later can succeed.
 * `stop` ends taking messages and waits for the ones under way; it is called on shutdown.
 */
export abstract class ExchangeReceiver {
  abstract start(deliver: (message: InboundMessage) => Promise<InboundAnswer>): Promise<void>;
  abstract stop(): Promise<void>;
}

export interface InboundMessage {
  /**
   * The API client the message comes from (api_client.id). A receiver is configured by the operator, in
   * process, for one partner: it is not a caller proving who it is, so it names its client instead of
   * holding an API key (a secret in its configuration, broken by every key rotation). The client is read
   * on every message: disabled, or without TRANSFER_IN, it is refused at once.
   */
  clientId: number;
  /** The partner's message as it came (for 12345 its work-order fields), mapped by the client's adapter. */
  body: unknown;
  /** Resent unchanged when the wire retries; one key stands for one work order (see transferCase). */
  idempotencyKey?: string;
}

export type InboundAnswer =
  | {
      ok: true;
      /** False when the message was a resend: the case registered the first time is answered. */
      created: boolean;
      caseNo: string;
      externalRef: string;
      state: string;
    }
  | {
      ok: false;
      /** An ErrorCode of the API (BAD_USER_INPUT, FORBIDDEN, UNAUTHENTICATED, IDEMPOTENCY_KEY_REUSED, …). */
      code: string;
      message: string;
      /** The field at fault, named as the partner names it (e.g. `sqlx` of a 12345 work order); null if none. */
      field: string | null;
      /** True for a passing failure (database or Redis away, SERVICE_UNAVAILABLE): deliver the same message again later. */
      retryable: boolean;
    };
