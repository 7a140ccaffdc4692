import type PdfPrinter from 'pdfmake';
import { createPrinter, renderWith } from './pdf-engine';
import { DocumentData, templateVersion } from './templates';

/** What the API sends a render thread: the template by key and version and the snapshot (plain data). */
export interface RenderTask {
  templateKey: string;
  templateVersion: number;
  data: DocumentData;
}

export interface RenderResult {
  bytes: Uint8Array;
  pageCount: number;
}

// A render thread of the pool (piscina): the template is built here, not sent — a pdfmake definition
// holds functions (page footers, table layouts) that cannot cross a thread boundary. The printer and its
// fonts live as long as the thread.
let printer: PdfPrinter | undefined;

export default async function render(task: RenderTask): Promise<RenderResult> {
  printer ??= createPrinter();
  const { bytes, pageCount } = await renderWith(
    printer,
    templateVersion(task.templateKey, task.templateVersion).build(task.data),
  );
  // A document is tens of kilobytes: copied back (structured clone) rather than transferred.
  return { bytes, pageCount };
}
