import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import type { Content } from 'pdfmake/interfaces';
import type { DocumentVariant } from '@weiquan/shared';
import { PdfRenderer, RenderedPdf } from './pdf-renderer.service';
import { formTable, MARGINS } from './templates/layout';
import { DocumentData } from './templates';
import { str } from './templates/document-data';

/** What a case-file snapshot holds besides the common document data (CaseFileService builds it). */
export interface CaseFileSnapshot {
  cover: { cause: string; acceptedOn: string; result: string; handler: string; archivedOn: string; retention: string };
  documents: {
    id: string;
    title: string;
    docNo: string | null;
    issuedOn: string;
    supersededBy: string | null;
    sha256?: string | null;
  }[];
  records: { title: string; rows: string[][]; header: string[] }[];
  timeline: { at: string; action: string; actor: string; note: string }[];
  evidence: { fileName: string; size: string; sha256: string; uploadedAt: string }[];
}

const section = (title: string, body: Content[], pageBreak = true): Content[] => [
  {
    text: title,
    font: 'hei',
    fontSize: 18,
    alignment: 'center',
    margin: [0, 0, 0, 12],
    pageBreak: pageBreak ? 'before' : undefined,
  },
  ...body,
];

const grid = (header: string[], rows: string[][], widths?: (number | string)[]): Content => ({
  fontSize: 10,
  table: {
    headerRows: 1,
    widths: widths ?? header.map(() => '*'),
    body: [header.map((h) => ({ text: h, font: 'hei' })), ...(rows.length ? rows : [header.map(() => '—')])],
  },
});

const page = (content: Content[]) => ({
  pageSize: 'A4' as const,
  pageMargins: MARGINS,
  defaultStyle: { font: 'body', fontSize: 14, lineHeight: 1.2 },
  content,
});

/**
 * The 卷宗 as one PDF: cover and table of contents, then every issued document as it was filed (its
 * own stored file — the bytes whose hash the registry holds), then the registration, dispatch and
 * follow-up records, the timeline and the evidence list with checksums. 卷内页号 is stamped in the
 * top right corner of every page, as archives number a file's leaves.
 */
export async function renderCaseFile(
  renderer: PdfRenderer,
  data: DocumentData,
  variant: DocumentVariant,
  fileOf: (documentId: string) => Promise<Buffer>,
): Promise<RenderedPdf> {
  const snap = data.extra as unknown as CaseFileSnapshot;
  const docs = snap.documents.filter((d) => !d.supersededBy || variant === 'FULL');
  const docPdfs = await Promise.all(docs.map(async (d) => PDFDocument.load(await fileOf(d.id))));
  const tail = await renderer.render(
    page([
      ...section(
        '办理记录',
        snap.records.flatMap((r) => [
          { text: r.title, font: 'hei', margin: [0, 8, 0, 4] } as Content,
          grid(r.header, r.rows),
        ]),
        false,
      ),
      ...section('办理过程（时间线）', [
        grid(
          ['时间', '环节', '经办人', '说明'],
          snap.timeline.map((t) => [t.at, t.action, t.actor, data.masked ? '' : t.note]),
          [80, 80, 70, '*'],
        ),
      ]),
      ...section('证据材料清单', [
        grid(
          ['序号', '文件名', '大小', 'SHA-256', '上传时间'],
          snap.evidence.map((e, i) => [String(i + 1), e.fileName, e.size, e.sha256, e.uploadedAt]),
          [24, 90, 40, '*', 60],
        ),
      ]),
    ]),
  );
  const tailPdf = await PDFDocument.load(tail.bytes);
  // Cover and contents: their own length decides where the rest starts (two passes at most).
  let front: RenderedPdf | null = null;
  let frontPages = 2;
  for (let pass = 0; pass < 3; pass++) {
    let at = frontPages + 1;
    const toc: string[][] = [];
    docs.forEach((d, i) => {
      toc.push([
        String(toc.length + 1),
        `${d.title}${d.supersededBy ? '（已更正）' : ''}`,
        str(d.docNo),
        d.issuedOn,
        String(at),
      ]);
      at += docPdfs[i].getPageCount();
    });
    toc.push([String(toc.length + 1), '办理记录、办理过程、证据材料清单', '', '', String(at)]);
    front = await renderer.render(page(coverAndContents(data, snap, toc)));
    if (front.pageCount === frontPages) break;
    frontPages = front.pageCount;
  }
  const out = await PDFDocument.create();
  out.setTitle(`卷宗 ${data.case.caseNo}`);
  out.setProducer('Weiquan');
  for (const src of [await PDFDocument.load(front!.bytes), ...docPdfs, tailPdf]) {
    for (const p of await out.copyPages(src, src.getPageIndices())) out.addPage(p);
  }
  const font = await out.embedFont(StandardFonts.Helvetica);
  out.getPages().forEach((p, i) => {
    const n = String(i + 1);
    const { width, height } = p.getSize();
    p.drawText(n, {
      x: width - 40 - font.widthOfTextAtSize(n, 12),
      y: height - 36,
      size: 12,
      font,
      color: rgb(0, 0, 0),
    });
  });
  const bytes = Buffer.from(await out.save());
  return { bytes, pageCount: out.getPageCount() };
}

function coverAndContents(d: DocumentData, s: CaseFileSnapshot, toc: string[][]): Content[] {
  return [
    { text: d.unit.header, fontSize: 18, alignment: 'center', margin: [0, 40, 0, 30] },
    { text: '卷    宗', font: 'title', fontSize: 36, alignment: 'center', margin: [0, 0, 0, 40] },
    formTable([
      ['案件编号', `${d.case.caseNo}${d.case.round > 1 ? `（第${d.case.round}轮）` : ''}`],
      ['类别', d.case.kind],
      ['投诉/举报人', d.consumer.name],
      ['被投诉/举报人', d.respondent.name],
      ['案由', s.cover.cause],
      ['受理日期', s.cover.acceptedOn],
      ['处理结果', s.cover.result],
      ['承办人', s.cover.handler],
      ['归档日期', s.cover.archivedOn],
      ['保管期限', s.cover.retention],
    ]),
    ...(d.masked ? [{ text: '（本卷为脱敏件，个人信息已隐去）', alignment: 'center' as const, fontSize: 12 }] : []),
    ...section('卷内目录', [grid(['序号', '题名', '文号', '日期', '页号'], toc, [28, '*', 120, 80, 32])]),
  ];
}
