import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import {
  AppConfig,
  Clock,
  CoreModule,
  DEADLINE_QUEUE_NAME,
  ExchangeTransport,
  loggerParams,
  QueueName,
  redisOptions,
  SmsSender,
} from '@weiquan/core';
import { DeadlineProcessor } from './processors/deadline.processor';
import { HousekeepingProcessor } from './processors/housekeeping.processor';
import { SmsDispatcher } from './processors/sms-dispatcher.service';
import { SmsProcessor } from './processors/sms.processor';
import { StatisticsProcessor } from './processors/statistics.processor';
import { DeadlineSchedule } from './schedules/deadline.schedule';
import { HousekeepingSchedule } from './schedules/housekeeping.schedule';
import { SmsSchedule } from './schedules/sms.schedule';
import { WebhookProcessor } from './processors/webhook.processor';
import { WebhookTransport } from './processors/webhook-transport';
import { WebhookSchedule } from './schedules/webhook.schedule';
import { StatisticsSchedule } from './schedules/statistics.schedule';

/** The worker: a Nest application context (no HTTP, no GraphQL) running BullMQ processors. */
@Module({})
export class WorkerModule {
  static forRoot(opts: {
    config: AppConfig;
    clock?: Clock;
    schedules?: boolean;
    smsSender?: Type<SmsSender> | SmsSender;
    /** The sending transport of status messages: signed webhooks unless a province's own is plugged in. */
    exchangeTransport?: Type<ExchangeTransport> | ExchangeTransport;
  }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot(loggerParams(opts.config, 'worker')),
        CoreModule.forRoot(opts),
        BullModule.forRoot({ connection: redisOptions(opts.config), prefix: opts.config.QUEUE_PREFIX }),
        BullModule.registerQueue(
          { name: QueueName.HOUSEKEEPING },
          { name: DEADLINE_QUEUE_NAME },
          { name: QueueName.NOTIFICATION },
          { name: QueueName.WEBHOOK },
          { name: QueueName.STATISTICS },
        ),
      ],
      providers: [
        HousekeepingProcessor,
        DeadlineProcessor,
        SmsProcessor,
        SmsDispatcher,
        WebhookProcessor,
        exchangeTransportProvider(opts.exchangeTransport),
        StatisticsProcessor,
        ...(opts.schedules === false
          ? []
          : [HousekeepingSchedule, DeadlineSchedule, SmsSchedule, WebhookSchedule, StatisticsSchedule]),
      ],
    };
  }
}

function exchangeTransportProvider(transport?: Type<ExchangeTransport> | ExchangeTransport): Provider {
  if (transport instanceof ExchangeTransport) return { provide: ExchangeTransport, useValue: transport };
  return { provide: ExchangeTransport, useClass: transport ?? WebhookTransport };
}
