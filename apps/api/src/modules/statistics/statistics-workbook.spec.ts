import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { tableCellValue, writeStatTableWorkbook } from './statistics-workbook';

const rows = [
  {
    key: 'QUALITY',
    label: '质量',
    cells: [
      { metric: 'RECEIVED', n: 7, amount: 0 },
      { metric: 'CONCLUDED', n: 5, amount: 0 },
      { metric: 'RECOVERED', n: 3, amount: 12_345.6 },
    ],
  },
  {
    key: 'PRICE',
    label: '价格',
    cells: [
      { metric: 'RECEIVED', n: 2, amount: 0 },
      // CONCLUDED missing: a zero cell
      { metric: 'RECOVERED', n: 1, amount: 4_000 },
    ],
  },
  { key: 'OTHER', label: '其他', cells: [] },
];

async function readBack(metrics: string[]): Promise<unknown[][]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => out.on('end', r));
  await writeStatTableWorkbook(
    out,
    {
      title: '消费者投诉处理情况表',
      rowHeader: '投诉问题类别',
      period: '2026-01-01 至 2026-03-31',
      unitName: '市消保委',
      metrics,
    },
    rows,
  );
  await done;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
  const lines: unknown[][] = [];
  wb.getWorksheet('统计表')!.eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
  return lines;
}

describe('standard table workbook', () => {
  it('prints counts as they are, money in 万元 with two decimals, zeros for missing cells, and the 合计', async () => {
    expect(await readBack(['RECEIVED', 'CONCLUDED', 'RECOVERED'])).toEqual([
      ['消费者投诉处理情况表'],
      ['填报单位：市消保委', '统计期间：2026-01-01 至 2026-03-31（北京时间）'],
      ['投诉问题类别', '登记诉求数（件）', '办结数（件）', '挽回经济损失（万元）'],
      ['质量', 7, 5, 1.23],
      ['价格', 2, 0, 0.4],
      ['其他', 0, 0, 0],
      ['合计', 9, 5, 1.63],
    ]);
  });

  it('rounds amounts to 0.01 万元 (元 ÷ 10,000)', () => {
    expect(tableCellValue('RECOVERED', { n: 1, amount: 15_050 })).toBe(1.51);
    expect(tableCellValue('DISPUTED', { n: 1, amount: 49 })).toBe(0);
    expect(tableCellValue('RECEIVED', { n: 4, amount: 99 })).toBe(4);
  });
});
