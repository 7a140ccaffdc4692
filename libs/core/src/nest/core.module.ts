import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../db/data-source';
import { ENTITIES } from '../entities';
import { Clock, SystemClock } from '../time/clock';
import { EvidenceStorage, LocalDiskStorage } from '../storage';
import { AuditWriter } from '../audit/audit-writer';
import { ConsumerSmsHook } from '../notification/consumer-sms.hook';
import { CaseAccess } from '../case/case-access.service';
import { CalendarService } from '../calendar/calendar.service';
import { Queue } from 'bullmq';
import { DeadlineEffects } from '../deadline/deadline-effects.service';
import { DeadlineEngine } from '../deadline/deadline-engine.service';
import { DeadlineReconciler } from '../deadline/deadline-reconciler.service';
import { DeadlineRulesService } from '../deadline/deadline-rules.service';
import { DEADLINE_QUEUE, DEADLINE_QUEUE_NAME, DeadlineScheduler } from '../deadline/deadline-scheduler.service';
import { createRedis, redisOptions } from '../queue/redis';
import { REDIS } from './redis.token';
import { CaseSearchIndexer } from '../search/case-search-indexer.service';

export { REDIS };
import { CaseEventWriter } from '../case/case-event.writer';
import { CaseLifecycleService } from '../case/case-lifecycle.service';
import { CaseNumberService } from '../case/case-number.service';
import { SupervisionAccess, SupervisionQueryService, SupervisionService } from '../supervision';
import { NotificationService, SmsOutbox, SmsSender, smsSenderProvider } from '../notification';
import { StatMaintainer } from '../stats/stat-maintainer.service';

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: IORedis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * Kernel shared by api and worker: validated config, the clock, the database and Redis.
 * Tests pass their own config and a FakeClock.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(opts: { config: AppConfig; clock?: Clock; smsSender?: Type<SmsSender> | SmsSender }): DynamicModule {
    return {
      module: CoreModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(opts.config)), TypeOrmModule.forFeature(ENTITIES)],
      providers: [
        { provide: AppConfig, useValue: opts.config },
        { provide: Clock, useValue: opts.clock ?? new SystemClock() },
        { provide: REDIS, useFactory: () => createRedis(opts.config) },
        RedisCloser,
        { provide: EvidenceStorage, useClass: LocalDiskStorage },
        CaseAccess,
        AuditWriter,
        CalendarService,
        {
          provide: DEADLINE_QUEUE,
          useFactory: () =>
            new Queue(DEADLINE_QUEUE_NAME, { connection: redisOptions(opts.config), prefix: opts.config.QUEUE_PREFIX }),
        },
        DeadlineRulesService,
        DeadlineScheduler,
        DeadlineEngine,
        DeadlineEffects,
        DeadlineReconciler,
        CaseEventWriter,
        CaseLifecycleService,
        CaseNumberService,
        CaseSearchIndexer,
        SupervisionAccess,
        SupervisionQueryService,
        SupervisionService,
        StatMaintainer,
        // The SMS gateway adapter: records only, unless a real provider is plugged in.
        smsSenderProvider(opts.smsSender),
        NotificationService,
        ConsumerSmsHook,
        SmsOutbox,
      ],
      exports: [
        AppConfig,
        Clock,
        REDIS,
        TypeOrmModule,
        EvidenceStorage,
        CalendarService,
        DEADLINE_QUEUE,
        DeadlineRulesService,
        DeadlineScheduler,
        DeadlineEngine,
        DeadlineEffects,
        DeadlineReconciler,
        CaseAccess,
        AuditWriter,
        CaseEventWriter,
        CaseLifecycleService,
        CaseNumberService,
        CaseSearchIndexer,
        SupervisionAccess,
        SupervisionQueryService,
        SupervisionService,
        StatMaintainer,
        SmsSender,
        NotificationService,
        SmsOutbox,
      ],
    };
  }
}
