import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, Clock, CoreModule, ExchangeReceiver, loggerParams } from '@weiquan/core';
import { AppErrorFilter } from './common/app-error.filter';
import { OutageFilter } from './common/outage.filter';
import { AuthGuard } from './common/auth.guard';
import { formatGraphQLError } from './common/format-error';
import { graphqlLimits } from './common/graphql-limits';
import { StrictDateTime } from './common/input-rules';
import { InputValidationPipe } from './common/validation.pipe';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { ProblemTypeModule } from './modules/problem-type/problem-type.module';
import { EvidenceModule } from './modules/evidence/evidence.module';
import { CaseModule } from './modules/case/case.module';
import { DeadlineModule } from './modules/deadline/deadline.module';
import { QueueDashboardModule } from './modules/queue-dashboard/queue-dashboard.module';
import { HealthController } from './modules/health/health.controller';
import { NotificationModule } from './modules/notification/notification.module';
import { OrgUnitModule } from './modules/org-unit/org-unit.module';
import { SupervisionModule } from './modules/supervision/supervision.module';
import { StatisticsModule } from './modules/statistics/statistics.module';
import { UserModule } from './modules/user/user.module';
import { MediationModule } from './modules/mediation/mediation.module';
import { LegalModule } from './modules/legal/legal.module';
import { LitigationLinkModule } from './modules/litigation-link/litigation-link.module';
import { ApiClientModule } from './modules/api-client/api-client.module';
import { TransferModule } from './modules/transfer/transfer.module';
import { ExchangeReceiversModule } from './modules/transfer/exchange-inbound.service';
import { DocumentModule } from './modules/document/document.module';
import { WorkQueueModule } from './modules/work-queue/work-queue.module';
import { PublicModule } from './modules/public/public.module';

/** Feature modules; each owns its resolvers (see FEATURE_MODULES for schema emission). */
export const FEATURE_MODULES = [
  AuditModule,
  AuthModule,
  OrgUnitModule,
  UserModule,
  CaseModule,
  DeadlineModule,
  QueueDashboardModule,
  SupervisionModule,
  StatisticsModule,
  EvidenceModule,
  CalendarModule,
  NotificationModule,
  MediationModule,
  DocumentModule,
  LegalModule,
  LitigationLinkModule,
  ApiClientModule,
  TransferModule,
  WorkQueueModule,
  PublicModule,
  ProblemTypeModule,
];

@Module({})
export class AppModule {
  static forRoot(opts: {
    config: AppConfig;
    clock?: Clock;
    /** A province's inbound wires (its queue pollers), started with the application; none by default. */
    exchangeReceivers?: readonly ExchangeReceiver[];
  }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerParams(opts.config, 'api')),
        CoreModule.forRoot(opts),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          // Strict dates everywhere: no bare numbers, no 02-30 rolled over (input-rules); same SDL as before.
          buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: StrictDateTime }] },
          sortSchema: true,
          playground: false,
          // The committed schema.gql is the contract; a production server does not describe itself.
          introspection: opts.config.NODE_ENV !== 'production',
          ...graphqlLimits(opts.config.NODE_ENV === 'production'),
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          formatError: formatGraphQLError,
        }),
        ExchangeReceiversModule.forRoot(opts.exchangeReceivers),
        ...FEATURE_MODULES,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: AppErrorFilter },
        // catch-all for REST: an outage of MariaDB/Redis answers 503 SERVICE_UNAVAILABLE (AppErrors as above)
        { provide: APP_FILTER, useClass: OutageFilter },
      ],
    };
  }
}
