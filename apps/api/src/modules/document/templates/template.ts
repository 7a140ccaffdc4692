import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocumentType } from '@weiquan/shared';
import { DocumentData } from './document-data';

/**
 * A document template: a file per type and version, reviewed like code. A changed wording is a new
 * version file (the old one stays, so an old document re-renders — e.g. masked — as it was issued).
 */
export interface DocumentTemplate {
  type: DocumentType;
  version: number;
  /** 文书名称 as printed. */
  title: string;
  /** The type's part of the number (e.g. 诉受 in 榕鼓市监诉受〔2026〕第17号); null: unnumbered. */
  abbr: string | null;
  build(d: DocumentData): TDocumentDefinitions;
}
