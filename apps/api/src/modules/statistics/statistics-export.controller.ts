import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import ExcelJS from 'exceljs';
import {
  CaseKindLabel,
  CaseStateLabel,
  ChannelLabel,
  KPI_DEFINITIONS,
  OutcomeLabel,
  Permission,
  type StatFilter,
} from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { attachmentDisposition } from '../../common/content-disposition';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { StatFilterInput, toStatFilter } from './statistics.input';
import { StatisticsQueryService } from './statistics-query.service';

const label = (dict: Readonly<Record<string, string>>, v: string | null) => (v == null ? '' : (dict[v] ?? v));

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
      await writeWorkbook(res, filter, total, this.stats.eachCase(actor, filter));
    } catch (e) {
      // headers are out: cut the connection so a half file is never taken as complete
      res.destroy(e as Error);
    }
  }
}

async function writeWorkbook(
  out: Response,
  f: StatFilter,
  total: number,
  pages: AsyncIterable<Awaited<ReturnType<StatisticsQueryService['cases']>>['items']>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('明细');
  ws.addRow([
    '案件编号',
    '类别',
    '渠道',
    '状态',
    '收到时间',
    '计入日期',
    '计入单位',
    '被投诉方',
    '消费者',
    '联系电话',
    '商品服务类别',
    '办理结果',
    '金额（元）',
  ]).commit();
  for await (const rows of pages) {
    for (const r of rows) {
      ws.addRow([
        r.visible ? r.caseNo : '（已移交本人范围外单位，仅计数）',
        label(CaseKindLabel, r.kind),
        label(ChannelLabel, r.channel),
        label(CaseStateLabel, r.state),
        r.receivedAt ?? '',
        r.day,
        r.unitName,
        r.respondentName ?? '',
        r.consumerName ?? '',
        r.consumerPhone ?? '',
        r.category ?? '',
        label(OutcomeLabel, r.outcome),
        r.amount,
      ]).commit();
    }
  }
  ws.commit();

  const about = wb.addWorksheet('统计口径');
  for (const [k, v] of [
    ['统计项', f.metric],
    ['期间', `${f.from} 至 ${f.to}（北京时间）`],
    ['类别', f.kind ?? '全部'],
    ['渠道', f.channel ?? '全部'],
    ['商品服务类别', f.category ?? '全部'],
    ['行业', f.industry ?? '全部'],
    ['办理结果', f.outcome ?? '全部'],
    ['行数', String(total)],
  ]) {
    about.addRow([k, v]).commit();
  }
  about.commit();

  const defs = wb.addWorksheet('指标定义');
  defs.addRow(['代码', '指标', '分子', '分母', '计入期间', '不计入', '定义', '版本', '依据']).commit();
  for (const k of KPI_DEFINITIONS) {
    defs
      .addRow([
        k.code,
        k.name,
        `${k.numeratorLabel}（${k.numerator}）`,
        k.denominator ? `${k.denominatorLabel}（${k.denominator}）` : '',
        k.period,
        k.exclusions,
        k.definition,
        k.version,
        k.source ?? '',
      ])
      .commit();
  }
  defs.commit();
  await wb.commit();
}
