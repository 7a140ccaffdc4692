import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, Clock, CoreModule, loggerParams, QueueName, redisOptions } from '@weiquan/core';
import { HousekeepingProcessor } from './processors/housekeeping.processor';
import { HousekeepingSchedule } from './schedules/housekeeping.schedule';

/** The worker: a Nest application context (no HTTP, no GraphQL) running BullMQ processors. */
@Module({})
export class WorkerModule {
  static forRoot(opts: { config: AppConfig; clock?: Clock; schedules?: boolean }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot(loggerParams(opts.config, 'worker')),
        CoreModule.forRoot(opts),
        BullModule.forRoot({ connection: redisOptions(opts.config), prefix: opts.config.QUEUE_PREFIX }),
        BullModule.registerQueue({ name: QueueName.HOUSEKEEPING }),
      ],
      providers: [HousekeepingProcessor, ...(opts.schedules === false ? [] : [HousekeepingSchedule])],
    };
  }
}
