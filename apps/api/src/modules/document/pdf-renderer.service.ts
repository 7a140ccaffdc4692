import { Injectable } from '@nestjs/common';
import { PDFDocument } from 'pdf-lib';
import PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { readFileSync } from 'node:fs';
import { FontFace, resolveFonts } from './pdf-fonts';

export interface RenderedPdf {
  bytes: Buffer;
  pageCount: number;
}

/**
 * PDF rendering with pdfmake (pdfkit underneath): one printer for the process life, fonts resolved
 * once, CJK text embedded as subset CID fonts (extractable). Chosen over headless Chromium by
 * measurement on this machine (bench/README.md). Rendering is synchronous CPU work in this process.
 */
@Injectable()
export class PdfRenderer {
  private printer?: PdfPrinter;

  private get p(): PdfPrinter {
    // Font files read once into memory (a CJK collection is 20–27 MB; pdfkit would read it per document).
    // pdfmake's typings want paths; a [bytes, postscriptName] pair is how pdfkit opens a .ttc face.
    this.printer ??= new PdfPrinter(
      loadFonts(resolveFonts()) as unknown as ConstructorParameters<typeof PdfPrinter>[0],
    );
    return this.printer;
  }

  async render(def: TDocumentDefinitions): Promise<RenderedPdf> {
    const doc = this.p.createPdfKitDocument(def);
    const chunks: Buffer[] = [];
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.end();
    });
    return { bytes, pageCount: await pageCount(bytes) };
  }
}

export async function pageCount(pdf: Buffer): Promise<number> {
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
