import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  apiClientActor,
  ApiClientEntity,
  AppError,
  ErrorCode,
  exchangeAdapterFor,
  ExchangePartner,
  ExchangeReceiver,
  InboundAnswer,
  InboundMessage,
  isOutage,
  OrgUnitEntity,
} from '@weiquan/core';
import { Permission, WorkOrderMappingError, WorkOrderTransfer } from '@weiquan/shared';
import { InputValidationPipe } from '../../common/validation.pipe';
import { TransferCaseInput } from './transfer.input';
import { TransferService } from './transfer.service';
import { WorkOrder12345Input } from './work-order.input';
import { transferInputOf } from './work-order.service';

/** The province receivers bound in the API (AppModule.forRoot's `exchangeReceivers`); none by default. */
export const EXCHANGE_RECEIVERS = Symbol('EXCHANGE_RECEIVERS');

/** Makes the bound receivers visible to the transfer module, whoever builds the application. */
@Global()
@Module({})
export class ExchangeReceiversModule {
  static forRoot(receivers: readonly ExchangeReceiver[] = []): DynamicModule {
    return {
      module: ExchangeReceiversModule,
      providers: [{ provide: EXCHANGE_RECEIVERS, useValue: receivers }],
      exports: [EXCHANGE_RECEIVERS],
    };
  }
}

/**
 * Per partner: the form its message must have before its adapter maps it (the same rules as over GraphQL),
 * and how the mapped message becomes transferIn's input.
 */
const INBOUND: Record<
  ExchangePartner,
  { form: new () => object; input: (t: WorkOrderTransfer, key?: string) => TransferCaseInput }
> = {
  HOTLINE_12345: { form: WorkOrder12345Input, input: transferInputOf },
  // Until the national platform's interface is known its connector speaks Weiquan's transfer form, whole.
  PLATFORM_12315: {
    form: TransferCaseInput,
    input: (t, key) => ({ ...(t as unknown as TransferCaseInput), idempotencyKey: key }),
  },
};
const TOKEN = /^[\x21-\x7e]{1,100}$/;

/**
 * The receiving half of the exchange for a province's own wire: starts every bound ExchangeReceiver once
 * the application is up, stops them on shutdown, and answers each message they deliver exactly as the
 * GraphQL mutations answer a request of the same client — the client is read afresh (active, granted
 * TRANSFER_IN, a partner channel), acts in its unit's scope, its adapter maps the partner's fields, and
 * TransferService.transferIn registers the case idempotently and attributed to the client. Allowed source
 * addresses and the requests-per-minute limit are not applied: they guard the network surface, and a
 * receiver is in process and sets its own pace.
 */
@Injectable()
export class ExchangeInboundService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(ExchangeInboundService.name);
  private started: ExchangeReceiver[] = [];

  constructor(
    @Inject(EXCHANGE_RECEIVERS) private readonly receivers: readonly ExchangeReceiver[],
    @InjectDataSource() private readonly ds: DataSource,
    private readonly transfers: TransferService,
    private readonly validation: InputValidationPipe,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const r of this.receivers) {
      await r.start((m) => this.deliver(m));
      this.started.push(r);
    }
  }

  // Before the database and Redis close (their onApplicationShutdown), so messages under way finish.
  async beforeApplicationShutdown(): Promise<void> {
    const started = this.started;
    this.started = [];
    await Promise.all(started.map((r) => r.stop()));
  }

  /** One inbound message → the case it registers (or found), or a coded refusal with nothing stored. */
  async deliver(message: InboundMessage): Promise<InboundAnswer> {
    try {
      const { actor, adapter } = await this.client(message.clientId);
      const input = await this.mapped(adapter, message);
      const { transfer, created } = await this.transfers.transferIn(actor, input);
      return { ok: true, created, caseNo: transfer.caseNo, externalRef: transfer.externalRef, state: transfer.state };
    } catch (e) {
      if (e instanceof AppError) {
        const retryable = e.code === ErrorCode.SERVICE_UNAVAILABLE || e.code === ErrorCode.TOO_MANY_REQUESTS;
        return { ok: false, code: e.code, message: e.message, field: e.field ?? null, retryable };
      }
      this.log.error(e, 'inbound exchange message failed');
      // The database or Redis away for the moment: the wire keeps the message and delivers it again.
      if (isOutage(e))
        return {
          ok: false,
          code: ErrorCode.SERVICE_UNAVAILABLE,
          message: '服务暂时不可用，请稍后重发',
          field: null,
          retryable: true,
        };
      return { ok: false, code: ErrorCode.INTERNAL, message: '登记失败（内部错误）', field: null, retryable: false };
    }
  }

  private async client(clientId: number) {
    const client = Number.isSafeInteger(clientId)
      ? await this.ds.getRepository(ApiClientEntity).findOneBy({ id: clientId })
      : null;
    if (!client?.active) throw new AppError(ErrorCode.UNAUTHENTICATED, '接口客户端不存在或已停用');
    // The client's operations become its permissions exactly as for an API-key request (apiClientActor).
    const unit = await this.ds.getRepository(OrgUnitEntity).findOneByOrFail({ id: client.unitId });
    const actor = apiClientActor(client, unit.path);
    const adapter = exchangeAdapterFor(client.channel);
    if (!actor.permissions.has(Permission.CASE_TRANSFER)) throw AppError.forbidden('该接口客户端未开通转办登记');
    if (!adapter) throw AppError.forbidden('该接口客户端的渠道不是 12345 或 12315 转办渠道');
    return { actor, adapter };
  }

  /** Partner's fields checked as over GraphQL, then mapped by its adapter; errors name the partner's field. */
  private async mapped(adapter: NonNullable<ReturnType<typeof exchangeAdapterFor>>, m: InboundMessage) {
    if (m.idempotencyKey !== undefined && (typeof m.idempotencyKey !== 'string' || !TOKEN.test(m.idempotencyKey)))
      throw AppError.badInput('idempotencyKey', '幂等键应为 1–100 个字母、数字或常用符号，不含空格');
    if (!m.body || typeof m.body !== 'object') throw AppError.badInput('body', '报文应为对象');
    const form = (await this.validation.transform(m.body, {
      type: 'body',
      metatype: INBOUND[adapter.partner].form,
      data: '',
    })) as never;
    let mapped: WorkOrderTransfer;
    try {
      mapped = adapter.receive(form);
    } catch (e) {
      if (e instanceof WorkOrderMappingError) throw AppError.badInput(e.field, e.message);
      throw e;
    }
    const key = m.idempotencyKey ?? (form as { idempotencyKey?: string }).idempotencyKey;
    return INBOUND[adapter.partner].input(mapped, key);
  }
}
