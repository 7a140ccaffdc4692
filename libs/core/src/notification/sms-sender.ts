import { Injectable, Logger, Provider, Type } from '@nestjs/common';
import { maskPhone } from '@weiquan/shared';

export interface SmsSendMeta {
  outboxId: string;
  caseId: string | null;
}

/**
 * The SMS gateway adapter. The default {@link RecordingSmsSender} only records; a real provider is
 * plugged in with `CoreModule.forRoot({ smsSender })` (a class or an instance). `send` throws on
 * failure; the worker retries with backoff and marks the outbox row FAILED after the last attempt.
 */
export abstract class SmsSender {
  abstract send(phone: string, content: string, meta: SmsSendMeta): Promise<{ providerRef: string }>;
}

/** Sends nothing: the outbox row is the record (status SENT, provider_ref `recorded-<id>`). */
@Injectable()
export class RecordingSmsSender extends SmsSender {
  private readonly log = new Logger('SmsSender');

  async send(phone: string, content: string, meta: SmsSendMeta): Promise<{ providerRef: string }> {
    // 保密: the log never carries the full number or the text.
    this.log.log(`recorded SMS #${meta.outboxId} to ${maskPhone(phone)} (${content.length} characters)`);
    return { providerRef: `recorded-${meta.outboxId}` };
  }
}

/** The Nest provider for {@link SmsSender}: a class, an instance, or the recording default. */
export function smsSenderProvider(sender?: Type<SmsSender> | SmsSender): Provider {
  if (sender instanceof SmsSender) return { provide: SmsSender, useValue: sender };
  return { provide: SmsSender, useClass: sender ?? RecordingSmsSender };
}
