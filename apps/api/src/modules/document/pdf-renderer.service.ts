import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import Piscina from 'piscina';
import type PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { createPrinter, RenderedPdf, renderWith } from './pdf-engine';
import type { RenderResult, RenderTask } from './pdf-render.worker';
import type { DocumentData } from './templates';

export { pageCount } from './pdf-engine';
export type { RenderedPdf } from './pdf-engine';

// Run from TypeScript source (jest, the benches): the render threads load the worker through the same
// ts-node + @weiquan/* mapping the benches use; built code loads the compiled .js beside this file.
const FROM_SOURCE = __filename.endsWith('.ts');
const WORKER = join(__dirname, `pdf-render.worker${FROM_SOURCE ? '.ts' : '.js'}`);
const TS_REGISTER = resolve(__dirname, '../../../../../bench/ts-register.cjs');

/**
 * PDF rendering with pdfmake (pdfkit underneath), chosen over headless Chromium by measurement on this
 * machine (bench/README.md). A document is ~250 ms of synchronous CPU work per page, so it runs on a
 * small pool of worker threads (piscina), each with one printer and its fonts kept warm: the API's
 * event loop keeps answering while a decision renders. The case file's own pages (cover, contents,
 * records) are laid out in process through `render`; their definitions are built with functions that
 * cannot cross to a thread.
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private printer?: PdfPrinter;
  private pool?: Piscina<RenderTask, RenderResult>;

  /** A template's document, rendered on a render thread. */
  async renderTemplate(templateKey: string, templateVersion: number, data: DocumentData): Promise<RenderedPdf> {
    this.pool ??= new Piscina<RenderTask, RenderResult>({
      filename: WORKER,
      // Two cores on the target machine: one thread each at most; one kept warm (fonts loaded).
      minThreads: 1,
      maxThreads: Math.max(1, Math.min(2, availableParallelism())),
      idleTimeout: 10 * 60_000,
      execArgv: FROM_SOURCE ? ['-r', TS_REGISTER] : [],
    });
    const r = await this.pool.run({ templateKey, templateVersion, data });
    return { bytes: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength), pageCount: r.pageCount };
  }

  /** A definition laid out in this process (the case file's own pages). */
  async render(def: TDocumentDefinitions): Promise<RenderedPdf> {
    this.printer ??= createPrinter();
    return renderWith(this.printer, def);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }
}
