import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './download';

describe('fileNameFromDisposition', () => {
  it('prefers the exact RFC 5987 name (Chinese, .docx) over the ASCII fallback', () => {
    const header = `attachment; filename="________-WQ-2026-000123.docx"; filename*=UTF-8''${encodeURIComponent('民事起诉状-WQ-2026-000123.docx')}`;
    expect(fileNameFromDisposition(header, 'x')).toBe('民事起诉状-WQ-2026-000123.docx');
  });

  it('uses the plain filename when there is no filename*, quoted or not', () => {
    expect(fileNameFromDisposition('attachment; filename="statement.doc"', 'x')).toBe('statement.doc');
    expect(fileNameFromDisposition('attachment; filename=statement.doc', 'x')).toBe('statement.doc');
  });

  it('falls back when the header is missing or names nothing', () => {
    expect(fileNameFromDisposition(null, '民事起诉状')).toBe('民事起诉状');
    expect(fileNameFromDisposition('attachment', '民事起诉状')).toBe('民事起诉状');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E4%ZZ", 'fallback.doc')).toBe('fallback.doc');
  });
});
