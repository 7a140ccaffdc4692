import { defaultDocumentPrefix, formatDocumentNumber, isValidNumberFormat } from './document-enums';

describe('document numbers', () => {
  it('starts a unit with a Chinese prefix from its name, never its code', () => {
    expect(defaultDocumentPrefix('鼓楼区消费者维权中心')).toBe('鼓楼区消保');
    expect(defaultDocumentPrefix('市消费者维权中心')).toBe('市消保');
    expect(defaultDocumentPrefix('鼓东街道消费维权服务站')).toBe('鼓东街道消保');
    expect(defaultDocumentPrefix('红星山景区消费者维权服务站')).toBe('红星山景区消保');
    // a name that is only the suffix keeps the whole name
    expect(defaultDocumentPrefix('消费者维权中心')).toBe('消费者维权中心消保');
  });

  it('fills a format and refuses one without year and sequence or with an unknown token', () => {
    const f = '{prefix}{abbr}〔{year}〕第{seq}号';
    expect(formatDocumentNumber(f, { prefix: '鼓楼区消保', abbr: '诉受', year: 2026, seq: 17 })).toBe(
      '鼓楼区消保诉受〔2026〕第17号',
    );
    expect(isValidNumberFormat(f)).toBe(true);
    expect(isValidNumberFormat('{prefix}号')).toBe(false);
    expect(isValidNumberFormat('{year}{seq}{unit}')).toBe(false);
  });
});
