import { Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { ExchangeTransport, OutboundMessage, TransportAnswer } from '@weiquan/core';

/** A receiver has 15 s to answer 2xx; anything else (or nothing) is a failed attempt. */
export const WEBHOOK_TIMEOUT_MS = 15_000;

/**
 * One signed POST per the Standard Webhooks scheme (webhook-id, webhook-timestamp, webhook-signature =
 * HMAC-SHA256 over `id.timestamp.body` with the endpoint's secret), signed by the `standardwebhooks` library.
 * The timestamp is the wall clock of the sending moment: the receiver checks it against its own clock.
 * The shipped sending transport (ExchangeTransport).
 */
@Injectable()
export class WebhookTransport extends ExchangeTransport {
  async send(p: OutboundMessage): Promise<TransportAnswer> {
    const sentAt = new Date();
    const signature = new Webhook(p.secret).sign(p.id, sentAt, p.body);
    const started = performance.now();
    try {
      const res = await fetch(p.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'weiquan-webhooks/1',
          'webhook-id': p.id,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body: p.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined); // drain: the answer's body is not kept
      const ok = res.status >= 200 && res.status < 300;
      return { ok, statusCode: res.status, latencyMs: elapsed(started), error: ok ? null : `HTTP ${res.status}` };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      const reason = err.name === 'TimeoutError' ? '15 秒内无应答' : (err.cause?.code ?? err.message);
      return { ok: false, statusCode: null, latencyMs: elapsed(started), error: String(reason).slice(0, 300) };
    }
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
