import PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { PDFDocument } from 'pdf-lib';
import { readFileSync } from 'node:fs';
import { FontFace, resolveFonts } from './pdf-fonts';

export interface RenderedPdf {
  bytes: Buffer;
  pageCount: number;
}

/**
 * One pdfmake printer with the fonts read into memory once (a CJK collection is 20–27 MB; pdfkit would
 * read it per document). Used by the render threads and, for the case file's own pages, in process.
 */
export function createPrinter(): PdfPrinter {
  // pdfmake's typings want paths; a [bytes, postscriptName] pair is how pdfkit opens a .ttc face.
  return new PdfPrinter(loadFonts(resolveFonts()) as unknown as ConstructorParameters<typeof PdfPrinter>[0]);
}

export async function renderWith(printer: PdfPrinter, def: TDocumentDefinitions): Promise<RenderedPdf> {
  const doc = printer.createPdfKitDocument(def);
  const chunks: Buffer[] = [];
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
  return { bytes, pageCount: await pageCount(bytes) };
}

export async function pageCount(pdf: Buffer | Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

function loadFonts(table: Record<string, Record<string, FontFace>>) {
  const cache = new Map<string, Buffer>();
  const read = (f: string) => cache.get(f) ?? cache.set(f, readFileSync(f)).get(f)!;
  const load = (face: FontFace) => (typeof face === 'string' ? read(face) : [read(face[0]), face[1]]);
  return Object.fromEntries(
    Object.entries(table).map(([name, styles]) => [
      name,
      Object.fromEntries(Object.entries(styles).map(([k, face]) => [k, load(face)])),
    ]),
  );
}
