import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  CaseKindLabel,
  CaseStateLabel,
  ChannelLabel,
  KPI_DEFINITIONS,
  OutcomeLabel,
  type StatFilter,
} from '@weiquan/shared';
import type { StatCaseRow } from './statistics-query.service';

const label = (dict: Readonly<Record<string, string>>, v: string | null) => (v == null ? '' : (dict[v] ?? v));

/**
 * Writes the rows behind a figure as .xlsx into `out` with exceljs' streaming writer: each row is
 * committed (serialised and released) as it comes, so memory stays flat whatever the row count.
 * Sheets: 明细 (the rows), 统计口径 (the filter), 指标定义 (the KPI dictionary).
 */
export async function writeStatWorkbook(
  out: Writable,
  f: StatFilter,
  total: number,
  pages: AsyncIterable<StatCaseRow[]>,
  onRows?: (written: number) => void,
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
  let written = 0;
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
    written += rows.length;
    onRows?.(written);
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
