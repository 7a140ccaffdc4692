import { Module } from '@nestjs/common';
import { StatisticsExportController } from './statistics-export.controller';
import { StatisticsQueryService } from './statistics-query.service';
import { StatisticsTablesService } from './statistics-tables.service';
import { StatisticsResolver } from './statistics.resolver';

// The figures are kept by the worker (libs/core/src/stats); this module only reads them.
@Module({
  providers: [StatisticsResolver, StatisticsQueryService, StatisticsTablesService],
  // #16 服务成效 on the public site reads the month figures through the same service.
  exports: [StatisticsQueryService],
  controllers: [StatisticsExportController],
})
export class StatisticsModule {}
