import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DocumentData } from './document-data';

// GB/T 9704-2012 on A4: top 37 mm, binding (left) 28 mm, text block 156 × 225 mm → right 26 mm,
// bottom 35 mm; body 3号 (16 pt) 仿宋, about 22 lines × 28 characters; titles 2号 (22 pt) 小标宋.
const MM = 72 / 25.4;
export const MARGINS: [number, number, number, number] = [28 * MM, 37 * MM, 26 * MM, 35 * MM];
export const TEXT_WIDTH = 156 * MM;
const RED = '#d40000';
export const BODY_PT = 16;

/** A blank to fill by hand when the fact is missing (e.g. 被投诉人电话). */
export const blank = (v: string, width = 8): string => v || '＿'.repeat(width);

export const para = (text: string, extra: Record<string, unknown> = {}): Content => ({
  text,
  leadingIndent: BODY_PT * 2,
  margin: [0, 0, 0, 2],
  ...extra,
});

/** One tick box per option, the chosen one ☑ (symbol font: the CJK fonts lack the glyphs). */
/** The 第（ ）项 blank: the chosen option's number (1-based), or a full-width space when none is chosen. */
export function itemNumber(options: { key: string }[], chosen: string | null | undefined): string {
  const i = options.findIndex((o) => o.key === chosen);
  return i < 0 ? '\u3000' : String(i + 1);
}

export function tickList(options: { key: string; text: string }[], chosen: string | null | undefined): Content {
  return {
    stack: options.map((o, i) => ({
      text: [tick(o.key === chosen), ` ${i + 1}. ${o.text}`],
      margin: [BODY_PT, 0, 0, 2],
      fontSize: 14,
      lineHeight: 1.25,
    })),
  };
}

/** 发文机关标志 in red with the red line (红头), or a plain black header when the unit prints without. */
function head(d: DocumentData): Content[] {
  if (!d.unit.redHead) return [{ text: d.unit.header, alignment: 'center', fontSize: 16, margin: [0, 0, 0, 6] }];
  return [
    { text: d.unit.header, font: 'title', color: RED, alignment: 'center', fontSize: 26, characterSpacing: 2 },
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: TEXT_WIDTH, y2: 4, lineWidth: 1.5, lineColor: RED }] },
  ];
}

/** 印章 area: the seal name and the date, with a dashed ring where the seal goes. */
export function sealBlock(d: DocumentData, date = d.issuedOn): Content {
  return {
    margin: [0, 16, 0, 0],
    unbreakable: true,
    columns: [
      { width: '*', text: '' },
      {
        width: 280,
        stack: [
          {
            canvas: [{ type: 'ellipse', x: 140, y: 30, r1: 40, r2: 40, lineColor: RED, dash: { length: 3 } }],
            margin: [0, 0, 0, -60],
          },
          { text: d.unit.sealName, alignment: 'center' },
          { text: '（印章）', alignment: 'center', fontSize: 12, color: '#888888' },
          { text: date, alignment: 'center' },
        ],
      },
    ],
  };
}

type Cell = string | Content;

/** ☑ or ☐ in the symbol font (the CJK fonts lack the glyphs). */
export const tick = (checked: boolean): Content => ({ text: checked ? '☑' : '☐', font: 'symbol' });

/** 同意 / 不同意 with the answer ticked. */
export const yesNo = (v: boolean, yes = '同意', no = '不同意'): Content => ({
  text: [tick(v), ` ${yes}    `, tick(!v), ` ${no}`],
});

/** A form's label/value grid (登记表, 审批表), bordered as the SAMR forms are. */
export function formTable(rows: Cell[][]): Content {
  return {
    fontSize: 12,
    margin: [0, 0, 0, 8],
    table: {
      widths: rows[0]?.length === 4 ? [78, '*', 78, '*'] : [100, '*'],
      body: rows.map((r) =>
        r.map((cell, i) =>
          typeof cell !== 'string' ? cell : i % 2 === 0 ? { text: cell, font: 'hei' } : { text: cell },
        ),
      ),
    },
    layout: { paddingTop: () => 5, paddingBottom: () => 5 },
  };
}

/**
 * The page: header (red or plain), title, number right under it, body, then the copy lines. Page
 * numbers "— n —" in the bottom margin, odd pages right and even pages left (GB/T 9704 7.5).
 */
export function officialPage(
  d: DocumentData,
  body: Content[],
  opts: { numberLine?: boolean } = {},
): TDocumentDefinitions {
  const numberLine = opts.numberLine ?? true;
  return {
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: { title: d.docNo ? `${d.title}（${d.docNo}）` : d.title, producer: 'Weiquan' },
    defaultStyle: { font: 'body', fontSize: BODY_PT, lineHeight: 1.4 },
    footer: (page) => ({
      text: `— ${page} —`,
      fontSize: 14,
      alignment: page % 2 ? 'right' : 'left',
      margin: [MARGINS[0] + 14, 20, MARGINS[2] + 14, 0],
    }),
    content: [
      ...head(d),
      { text: d.title, font: 'title', fontSize: 22, alignment: 'center', margin: [0, 12, 0, 4] },
      ...(numberLine && d.docNo
        ? [{ text: d.docNo, alignment: 'right' as const, margin: [0, 0, 0, 14] as [number, number, number, number] }]
        : []),
      ...body,
    ],
  };
}
