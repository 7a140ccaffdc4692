import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

// The editable Word copy (.docx) staff adjust before signing, from the same template definition as
// the PDF: text, lists and form tables carry over; layout-only parts (the seal ring, rules) do not.
// Body 仿宋 3号 (16 pt = 32 half-points), titles 小标宋 2号, as GB/T 9704 asks; Word substitutes
// what the workstation has.
const BODY = { font: '仿宋_GB2312', size: 32 };

type Node = Content & Record<string, unknown>;

function textOf(c: unknown): string {
  if (c == null) return '';
  if (typeof c === 'string' || typeof c === 'number') return String(c);
  if (Array.isArray(c)) return c.map(textOf).join('');
  const n = c as Node;
  if ('text' in n) return textOf(n.text);
  if ('stack' in n) return (n.stack as unknown[]).map(textOf).join('\n');
  if ('columns' in n) return (n.columns as unknown[]).map(textOf).join('    ');
  return '';
}

function paragraphs(c: unknown): (Paragraph | Table)[] {
  if (c == null) return [];
  if (Array.isArray(c)) return c.flatMap(paragraphs);
  if (typeof c === 'string') return [para(c)];
  const n = c as Node;
  if ('canvas' in n) return [];
  if ('stack' in n) return (n.stack as unknown[]).flatMap(paragraphs);
  if ('ol' in n) return (n.ol as unknown[]).map((x, i) => para(`${i + 1}. ${textOf(x)}`));
  if ('table' in n) {
    const body = (n.table as { body: unknown[][] }).body;
    return [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: body.map(
          (r) =>
            new TableRow({
              children: r.map(
                (cell) =>
                  new TableCell({
                    children: textOf(cell)
                      .split('\n')
                      .map((t) => para(t)),
                  }),
              ),
            }),
        ),
      }),
    ];
  }
  const text = textOf(n);
  if (!text) return [];
  const align =
    n.alignment === 'center' ? AlignmentType.CENTER : n.alignment === 'right' ? AlignmentType.RIGHT : undefined;
  const size = typeof n.fontSize === 'number' ? n.fontSize * 2 : BODY.size;
  const font = n.font === 'title' ? '方正小标宋简体' : BODY.font;
  return text
    .split('\n')
    .map((t) => para(t, { align, size, font, color: typeof n.color === 'string' ? n.color : undefined }));
}

function para(
  text: string,
  o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number; font?: string; color?: string } = {},
) {
  return new Paragraph({
    alignment: o.align,
    children: [
      new TextRun({ text, font: o.font ?? BODY.font, size: o.size ?? BODY.size, color: o.color?.replace('#', '') }),
    ],
  });
}

export async function renderDocx(def: TDocumentDefinitions): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        properties: {
          page: { margin: { top: '37mm', left: '28mm', right: '26mm', bottom: '35mm' } },
        },
        children: paragraphs(def.content),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
