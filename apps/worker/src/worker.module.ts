import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import {
  AppConfig,
  Clock,
  CoreModule,
  DEADLINE_QUEUE_NAME,
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
import { WebhookSender } from './processors/webhook-sender.service';
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
        WebhookSender,
        StatisticsProcessor,
        ...(opts.schedules === false
          ? []
          : [HousekeepingSchedule, DeadlineSchedule, SmsSchedule, WebhookSchedule, StatisticsSchedule]),
      ],
    };
  }
}
