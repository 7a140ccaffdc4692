import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IsIn, IsOptional } from 'class-validator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Permission } from '@weiquan/shared';
import { type Actor, AppError, AuditWriter } from '@weiquan/core';
import { attachmentDisposition } from '../../common/content-disposition';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { parseId } from '../../common/ids';
import {
  MonthQuery,
  RegisterBookQuery,
  STAT_TABLE_TITLES,
  StatFilterInput,
  StatTableExportQuery,
  toStatFilter,
} from './statistics.input';
import { registerBookFilter, StatisticsQueryService } from './statistics-query.service';
import { StatisticsTablesService } from './statistics-tables.service';
import {
  writeMonthWorkbook,
  writeRegisterBookWorkbook,
  writeStatTableWorkbook,
  writeStatWorkbook,
} from './statistics-workbook';

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
    private readonly tables: StatisticsTablesService,
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

  /** 登记簿 as .xlsx: statRegisterBook's rows for the same period and unit, streamed, oldest first. */
  @Get('register.xlsx')
  @Allow(Permission.STATS_READ)
  async exportRegister(
    @CurrentActor() actor: Actor,
    @Query() q: RegisterBookQuery,
    @Res() res: Response,
  ): Promise<void> {
    const unitId = q.unitId ? parseId(q.unitId, 'query.unitId') : null;
    const filter = registerBookFilter(q.from, q.to, unitId);
    const unmask = q.unmask === '1';
    if (unmask && !actor.permissions.has(Permission.CASE_UNMASK)) throw AppError.forbidden('无权导出未脱敏的个人信息');
    const total = await this.stats.total(actor, filter); // checks scope and period before any byte
    const unitName = await this.tables.unitName(actor, unitId);
    if (unmask)
      await this.audit.record(
        this.ds.manager,
        actor,
        'exportStatCasesUnmasked',
        { type: 'stat', id: 'REGISTER_BOOK' },
        {
          from: q.from,
          to: q.to,
          unitId: q.unitId ?? null,
          rows: total,
        },
      );
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', attachmentDisposition(`登记簿_${q.from}_${q.to}.xlsx`));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Total-Rows', String(total));
    try {
      const period = `${q.from} 至 ${q.to}`;
      await writeRegisterBookWorkbook(
        res,
        { unitName, period },
        total,
        this.stats.eachCase(actor, filter, unmask, 2000, true),
      );
    } catch (e) {
      res.destroy(e as Error);
    }
  }

  /** The monthly report (kpiMonth: frozen at month end beside today's recount) as .xlsx. */
  @Get('month.xlsx')
  @Allow(Permission.STATS_READ)
  async exportMonth(@CurrentActor() actor: Actor, @Query() q: MonthQuery, @Res() res: Response): Promise<void> {
    const m = await this.stats.month(actor, q.unitId ? parseId(q.unitId, 'query.unitId') : null, q.month);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', attachmentDisposition(`月报_${q.month}.xlsx`));
    res.setHeader('Cache-Control', 'private, no-store');
    try {
      await writeMonthWorkbook(res, m);
    } catch (e) {
      res.destroy(e as Error);
    }
  }

  /**
   * A standard table as .xlsx: the very rows statTable returns for the same input (one service call),
   * so the file and the screen cannot differ; amounts in 万元 as on screen.
   */
  @Get('table.xlsx')
  @Allow(Permission.STATS_READ)
  async exportTable(
    @CurrentActor() actor: Actor,
    @Query() q: StatTableExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const metrics = q.metrics.split(',');
    const unitId = q.unitId ? parseId(q.unitId, 'query.unitId') : null;
    const base = { from: q.from, to: q.to, unitId, kind: q.kind ?? null };
    const rows = await this.tables.table(actor, base, q.rowsBy, metrics); // checks scope and period first
    const unitName = await this.tables.unitName(actor, unitId);
    const title = STAT_TABLE_TITLES[q.rowsBy] ?? '统计表';
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', attachmentDisposition(`${title}_${q.from}_${q.to}.xlsx`));
    res.setHeader('Cache-Control', 'private, no-store');
    try {
      const rowHeader = ROW_HEADERS[q.rowsBy];
      await writeStatTableWorkbook(res, { title, rowHeader, period: `${q.from} 至 ${q.to}`, unitName, metrics }, rows);
    } catch (e) {
      res.destroy(e as Error);
    }
  }
}

const ROW_HEADERS: Record<string, string> = {
  kind: '诉求类别',
  channel: '渠道',
  category: '商品或服务类别',
  industry: '经营者类型（行业）',
  outcome: '办理结果',
  problemType: '投诉问题类别',
};
