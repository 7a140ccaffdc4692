import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { attachmentDisposition } from '../../common/content-disposition';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { StatFilterInput, toStatFilter } from './statistics.input';
import { StatisticsQueryService } from './statistics-query.service';
import { writeStatWorkbook } from './statistics-workbook';

/**
 * Excel export of the rows behind a figure: the same filter as statFigure / statCases, streamed
 * (exceljs WorkbookWriter straight into the response, rows read in keyset pages), so memory stays
 * flat for 100,000 rows. `X-Total-Rows` announces the count first, for the console's progress.
 * Consumer fields leave masked, as on screen; the KPI definitions are on a sheet of their own.
 */
@Controller('api/stats')
export class StatisticsExportController {
  constructor(private readonly stats: StatisticsQueryService) {}

  @Get('cases.xlsx')
  @Allow(Permission.STATS_READ)
  async export(@CurrentActor() actor: Actor, @Query() q: StatFilterInput, @Res() res: Response): Promise<void> {
    const filter = toStatFilter(q, 'query');
    const total = await this.stats.total(actor, filter); // also checks scope and period before any byte
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', attachmentDisposition(`统计明细_${filter.from}_${filter.to}.xlsx`));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Total-Rows', String(total));
    try {
      await writeStatWorkbook(res, filter, total, this.stats.eachCase(actor, filter));
    } catch (e) {
      // headers are out: cut the connection so a half file is never taken as complete
      res.destroy(e as Error);
    }
  }
}
