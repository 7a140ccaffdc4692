import fc from 'fast-check';
import { isResidentIdNumber } from '@weiquan/shared';
import { findTextProblem, parseStrictDate, textProblem } from './input-rules';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const withCheck = (first17: string) => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return first17 + '10X98765432'[sum % 11];
};

describe('text rules (every string of every input)', () => {
  it('accepts ordinary Chinese and English text, emoji and line breaks', () => {
    for (const s of ['张三', '鼓楼区五一中路 1 号', 'Line 1\nLine 2\ttab', '😀 好评', '', 'a'])
      expect(textProblem(s)).toBeNull();
  });

  it('refuses any control character (NUL included) wherever it sits', () => {
    const control = fc.integer({ min: 0, max: 0x1f }).filter((c) => ![9, 10, 13].includes(c));
    fc.assert(
      fc.property(fc.string(), control, fc.string(), (a, c, b) => {
        expect(textProblem(a + String.fromCharCode(c) + b)).not.toBeNull();
      }),
    );
    expect(textProblem('x\u007fy')).not.toBeNull();
  });

  it('refuses lone surrogates, high or low, anywhere', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0xd800, max: 0xdfff }), fc.stringMatching(/^[a-z]*$/), (a, c, b) => {
        expect(textProblem(a + String.fromCharCode(c) + b)).not.toBeNull();
      }),
    );
  });

  it('refuses text that is only whitespace, of any kind and length', () => {
    const ws = fc.constantFrom(' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\u2003');
    fc.assert(
      fc.property(fc.array(ws, { minLength: 1, maxLength: 20 }), (w) =>
        expect(textProblem(w.join(''))).toMatch(/空白/),
      ),
    );
  });

  it('finds the refused string anywhere in a nested input and names its path', () => {
    expect(findTextProblem({ consumer: { name: '张三', address: ' ' }, tags: ['a'] }, 'input')).toEqual({
      field: 'input.consumer.address',
      message: expect.stringMatching(/空白/),
    });
    expect(findTextProblem({ items: ['ok', 'b\u0000d'] }, 'input')?.field).toBe('input.items');
    expect(findTextProblem({ at: new Date(), n: 3, ok: true }, 'input')).toBeNull();
  });
});

describe('strict dates', () => {
  it('accepts ISO dates and date-times with a zone', () => {
    expect(parseStrictDate('2026-03-01T08:00:00+08:00').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseStrictDate('2026-03-01T00:00:00.123Z').toISOString()).toBe('2026-03-01T00:00:00.123Z');
    expect(parseStrictDate('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('refuses every impossible calendar date instead of rolling it over', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 29, max: 31 }),
        (y, m, d) => {
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          const s = `${y}-${String(m).padStart(2, '0')}-${d}T00:00:00Z`;
          if (real) expect(parseStrictDate(s).getUTCDate()).toBe(d);
          else expect(() => parseStrictDate(s)).toThrow(/日期不存在/);
        },
      ),
    );
    for (const s of ['2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32'])
      expect(() => parseStrictDate(s)).toThrow();
  });

  it('refuses bare numbers, numeric strings, years out of range and zone-less times', () => {
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.double()), (n) => expect(() => parseStrictDate(n)).toThrow()));
    fc.assert(fc.property(fc.integer({ min: 0 }), (n) => expect(() => parseStrictDate(String(n))).toThrow()));
    for (const s of ['0001-01-01', '1899-12-31', '2200-01-01', '+010000-01-01T00:00:00Z', '2026-03-01T08:00:00'])
      expect(() => parseStrictDate(s)).toThrow();
    for (const v of [null, undefined, true, {}, []]) expect(() => parseStrictDate(v)).toThrow();
  });

  it('refuses times that do not exist', () => {
    for (const s of ['2026-03-01T24:00:00Z', '2026-03-01T12:60:00Z', '2026-03-01T12:00:61Z'])
      expect(() => parseStrictDate(s)).toThrow();
  });
});

describe('resident ID numbers', () => {
  it('accepts a valid number and refuses any with a wrong check character', () => {
    const today = new Date('2026-06-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1901-01-01'), max: new Date('2026-05-31'), noInvalidDate: true }),
        fc.integer({ min: 100, max: 999 }),
        (birth, seq) => {
          const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
          const id = withCheck(`350102${ymd}${seq}`);
          expect(isResidentIdNumber(id, today)).toBe(true);
          const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
          expect(isResidentIdNumber(wrong, today)).toBe(false);
        },
      ),
    );
  });

  it('refuses a birth date in the future, even with a correct check character', () => {
    const today = new Date('2026-06-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-06-02'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (birth) => {
          const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
          expect(isResidentIdNumber(withCheck(`350102${ymd}123`), today)).toBe(false);
        },
      ),
    );
  });
});
