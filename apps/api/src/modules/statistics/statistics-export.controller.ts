import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IsIn, IsOptional } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Permission } from '@weiquan/shared';
import { type Actor, AppError, AuditWriter } from '@weiquan/core';
import { attachmentDisposition } from '../../common/content-disposition';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { StatFilterInput, toStatFilter } from './statistics.input';
import { StatisticsQueryService } from './statistics-query.service';
import { writeStatWorkbook } from './statistics-workbook';

/** The export's query string: the figure's filter, and `unmask=1` for full names and phones. */
export class StatExportQuery extends StatFilterInput {
  @IsOptional()
  @IsIn(['0', '1'], { message: '参数不正确' })
  unmask?: string;
}

/**
 * Excel export of the rows behind a figure: the same filter as statFigure / statCases, streamed
 * (exceljs WorkbookWriter straight into the response, rows read in keyset pages), so memory stays
 * flat for 100,000 rows. `X-Total-Rows` announces the count first, for the console's progress.
 * Consumer fields leave masked, as on screen, unless `unmask=1` is asked by a role holding case.unmask
 * (refused otherwise, and audited when granted); the KPI definitions are on a sheet of their own.
 */
@Controller('api/stats')
export class StatisticsExportController {
  constructor(
    private readonly stats: StatisticsQueryService,
    private readonly audit: AuditWriter,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Get('cases.xlsx')
  @Allow(Permission.STATS_READ)
  async export(@CurrentActor() actor: Actor, @Query() q: StatExportQuery, @Res() res: Response): Promise<void> {
    const filter = toStatFilter(q, 'query');
    const unmask = q.unmask === '1';
    if (unmask && !actor.permissions.has(Permission.CASE_UNMASK)) throw AppError.forbidden('无权导出未脱敏的个人信息');
    const total = await this.stats.total(actor, filter); // also checks scope and period before any byte
    if (unmask) {
      const { unmask: _u, ...rest } = q;
      await this.audit.record(
        this.ds.manager,
        actor,
        'exportStatCasesUnmasked',
        { type: 'stat', id: filter.metric },
        {
          ...rest,
          rows: total,
        },
      );
    }
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', attachmentDisposition(`统计明细_${filter.from}_${filter.to}.xlsx`));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Total-Rows', String(total));
    try {
      await writeStatWorkbook(res, filter, total, this.stats.eachCase(actor, filter, unmask));
    } catch (e) {
      // headers are out: cut the connection so a half file is never taken as complete
      res.destroy(e as Error);
    }
  }
}
