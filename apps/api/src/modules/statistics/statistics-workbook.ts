import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  CaseKindLabel,
  CaseStateLabel,
  ChannelLabel,
  KPI_DEFINITIONS,
  OutcomeLabel,
  type KpiValue,
  type StatFilter,
} from '@weiquan/shared';
import type { StatCaseRow } from './statistics-query.service';
import type { StatTableRow } from './statistics-tables.service';

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
    ['投诉问题类别', f.problemType ?? '全部'],
    ['行数', String(total)],
  ]) {
    about.addRow([k, v]).commit();
  }
  about.commit();

  addDefinitionsSheet(wb);
  await wb.commit();
}

/** Metrics summed as money (元 on screen in 万元): their table cells print the amount, not the count. */
export const AMOUNT_METRICS: readonly string[] = ['RECOVERED', 'DISPUTED'];

/** The Chinese name of a metric, from the KPI dictionary (the console's metricLabel reads the same). */
export function statMetricLabel(metric: string): string {
  for (const d of KPI_DEFINITIONS) {
    if (d.numerator === metric) return d.numeratorLabel;
    if (d.denominator === metric && d.denominatorLabel) return d.denominatorLabel;
  }
  const clock = /^(DUE|ONTIME):(.+)$/.exec(metric);
  if (clock) return `${clock[1] === 'DUE' ? '应办' : '按时办理'}（${clock[2]}）`;
  return metric;
}

/** A table cell as the export prints it: counts as integers, amounts in 万元 with two decimals. */
export function tableCellValue(metric: string, cell: { n: number; amount: number }): number {
  return AMOUNT_METRICS.includes(metric) ? Math.round(cell.amount / 100) / 100 : cell.n;
}

/**
 * A standard table (statTable's rows, the same the screen shows) as .xlsx: title, period and unit,
 * the header, one line per row, 合计, then the KPI definitions on their own sheet.
 */
export async function writeStatTableWorkbook(
  out: Writable,
  t: { title: string; rowHeader: string; period: string; unitName: string; metrics: readonly string[] },
  rows: readonly StatTableRow[],
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('统计表');
  ws.addRow([t.title]).commit();
  ws.addRow([`填报单位：${t.unitName}`, `统计期间：${t.period}（北京时间）`]).commit();
  const head = (m: string) =>
    AMOUNT_METRICS.includes(m) ? `${statMetricLabel(m).replace(/（元）$/, '')}（万元）` : `${statMetricLabel(m)}（件）`;
  ws.addRow([t.rowHeader, ...t.metrics.map(head)]).commit();
  const totals = t.metrics.map(() => ({ n: 0, amount: 0 }));
  for (const r of rows) {
    ws.addRow([
      r.label,
      ...t.metrics.map((m, i) => {
        const c = r.cells.find((x) => x.metric === m) ?? { n: 0, amount: 0 };
        totals[i]!.n += c.n;
        totals[i]!.amount += c.amount;
        return tableCellValue(m, c);
      }),
    ]).commit();
  }
  ws.addRow(['合计', ...t.metrics.map((m, i) => tableCellValue(m, totals[i]!))]).commit();
  ws.commit();
  addDefinitionsSheet(wb);
  await wb.commit();
}

/**
 * 登记簿 (seed 000 附件2): one line per complaint handled to an end, oldest first, numbered — the
 * rows statRegisterBook lists for the same period and unit (the same query, streamed).
 */
export async function writeRegisterBookWorkbook(
  out: Writable,
  t: { unitName: string; period: string },
  total: number,
  pages: AsyncIterable<StatCaseRow[]>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('登记簿');
  ws.addRow(['受理和处理消费者投诉登记簿']).commit();
  ws.addRow([`单位：${t.unitName}`, `期间：${t.period}（按收到日期，北京时间）`, `共 ${total} 件`]).commit();
  ws.addRow(REGISTER_BOOK_COLUMNS).commit();
  let no = 0;
  for await (const rows of pages) {
    for (const r of rows) {
      no += 1;
      ws.addRow(
        r.visible
          ? [
              no,
              r.receivedAt ? chineseDateTime(r.receivedAt) : '',
              r.caseNo ?? '',
              r.consumerName ?? '',
              r.consumerPhone ?? '',
              r.respondentName ?? '',
              r.problemTypeName ?? '',
              r.category ?? '',
              label(OutcomeLabel, r.outcome),
              r.concludedAt ? chineseDateTime(r.concludedAt) : '',
              r.amountRecovered ?? 0,
              r.unitName,
            ]
          : [no, '', '（已移交本人范围外单位，仅计数）', '', '', '', '', '', '', '', '', r.unitName],
      ).commit();
    }
  }
  ws.commit();
  addDefinitionsSheet(wb);
  await wb.commit();
}

export const REGISTER_BOOK_COLUMNS = [
  '序号',
  '收到时间',
  '案件编号',
  '投诉人',
  '联系电话',
  '被投诉方',
  '投诉问题类别',
  '商品或服务类别',
  '处理结果',
  '办结时间',
  '挽回经济损失（元）',
  '计入单位',
];

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai (the register book's columns). */
function chineseDateTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The monthly report to the upper level: every figure of the dictionary for the month, the five
 * upper-level ones first, as frozen at month end beside today's recount (kpiMonth's answer).
 */
export async function writeMonthWorkbook(
  out: Writable,
  m: { month: string; unitName: string; frozenAt: Date | null; frozen: KpiValue[] | null; current: KpiValue[] },
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('月报');
  ws.addRow([`${m.month.replace('-', ' 年 ')} 月消费维权工作月报`]).commit();
  ws.addRow([
    `单位：${m.unitName}`,
    m.frozenAt ? `月末冻结于 ${chineseDateTime(m.frozenAt)}` : '本月尚未冻结（仅今日重算）',
  ]).commit();
  ws.addRow(MONTH_COLUMNS).commit();
  for (const def of monthOrder()) {
    const cur = m.current.find((v) => v.code === def.code);
    const fro = m.frozen?.find((v) => v.code === def.code);
    ws.addRow([
      def.group === 'UPPER' ? '上级考核' : def.group === 'CENTER' ? '中心承诺' : '数量',
      def.name,
      fro ? fro.numerator : '',
      fro ? (fro.denominator ?? '') : '',
      fro ? kpiCell(def.type, fro.value) : '',
      cur?.numerator ?? 0,
      cur?.denominator ?? '',
      kpiCell(def.type, cur?.value ?? null),
      def.version,
    ]).commit();
  }
  ws.commit();
  addDefinitionsSheet(wb);
  await wb.commit();
}

export const MONTH_COLUMNS = [
  '类别',
  '指标',
  '月末分子',
  '月末分母',
  '月末数值',
  '今日重算分子',
  '今日重算分母',
  '今日重算数值',
  '口径版本',
];

/** The five upper-level figures first, then the center's and the counts, each in dictionary order. */
export function monthOrder() {
  const rank = { UPPER: 0, CENTER: 1, COUNT: 2 } as const;
  return [...KPI_DEFINITIONS].sort((a, b) => rank[a.group] - rank[b.group]);
}

/** A figure as the month report prints it: a rate in % (one decimal), an amount in 万元, a count as is. */
export function kpiCell(type: string, value: number | null): number | string {
  if (value == null) return '—';
  if (type === 'RATE') return Math.round(value * 1000) / 10;
  if (type === 'AMOUNT') return Math.round(value / 100) / 100;
  return value;
}

function addDefinitionsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
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
}
