import JSZip from 'jszip';

/** What a test reads back from a .docx: its parts and the text of word/document.xml, a string per paragraph. */
export interface DocxText {
  files: string[];
  contentTypes: string;
  paragraphs: string[];
  text: string;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
const decode = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (e) => ENTITIES[e]);

/**
 * Opens a .docx as Word does (a zip of XML parts): fails unless it is a zip holding
 * [Content_Types].xml and word/document.xml; the text of each <w:p> is its <w:t> runs joined.
 */
export async function readDocx(bytes: Buffer): Promise<DocxText> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const contentTypes = await zip.file('[Content_Types].xml')?.async('string');
  const xml = await zip.file('word/document.xml')?.async('string');
  if (contentTypes == null || xml == null) throw new Error(`not a Word document: parts ${files.join(', ')}`);
  const paragraphs = [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join(''),
  );
  return { files, contentTypes, paragraphs, text: paragraphs.join('\n') };
}
