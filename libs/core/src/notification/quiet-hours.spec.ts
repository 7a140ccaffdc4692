import { DEFAULT_SENDING_WINDOW, isInSendingWindow, nextSendingTime, parseSendingWindow } from './quiet-hours';

// Instants are written in Shanghai time (+08:00) so each case reads like the wall clock.
const at = (s: string) => new Date(s);
const iso = (d: Date) => d.toISOString();

describe(nextSendingTime.name, () => {
  it.each([
    ['07:59 is held until 08:00 the same morning', '2026-03-10T07:59:00+08:00', '2026-03-10T08:00:00+08:00'],
    ['07:59:59.999 is held until 08:00', '2026-03-10T07:59:59.999+08:00', '2026-03-10T08:00:00+08:00'],
    ['08:00 sends at once', '2026-03-10T08:00:00+08:00', '2026-03-10T08:00:00+08:00'],
    ['midday sends at once', '2026-03-10T12:34:56.789+08:00', '2026-03-10T12:34:56.789+08:00'],
    ['20:59 sends at once', '2026-03-10T20:59:00+08:00', '2026-03-10T20:59:00+08:00'],
    ['20:59:59.999 sends at once', '2026-03-10T20:59:59.999+08:00', '2026-03-10T20:59:59.999+08:00'],
    ['21:00 is held until 08:00 the next day', '2026-03-10T21:00:00+08:00', '2026-03-11T08:00:00+08:00'],
    ['23:30 is held until 08:00 the next day', '2026-03-10T23:30:00+08:00', '2026-03-11T08:00:00+08:00'],
    ['00:00 is held until 08:00 the same (Shanghai) day', '2026-03-11T00:00:00+08:00', '2026-03-11T08:00:00+08:00'],
  ])('%s', (_, now, expected) => {
    expect(iso(nextSendingTime(at(now)))).toBe(iso(at(expected)));
  });

  it('uses the Shanghai date, not the UTC date, around midnight', () => {
    // 2026-03-10 16:30 UTC is already 00:30 on 03-11 in Shanghai: held until 08:00 on 03-11, not 03-12.
    expect(iso(nextSendingTime(at('2026-03-10T16:30:00Z')))).toBe('2026-03-11T00:00:00.000Z');
    // 15:59 UTC is 23:59 on 03-10 in Shanghai: the next morning is 03-11 as well.
    expect(iso(nextSendingTime(at('2026-03-10T15:59:00Z')))).toBe('2026-03-11T00:00:00.000Z');
    // 23:59 UTC on 03-10 is 07:59 on 03-11 in Shanghai: one minute to wait.
    expect(iso(nextSendingTime(at('2026-03-10T23:59:00Z')))).toBe('2026-03-11T00:00:00.000Z');
    // 00:00 UTC on 03-11 is 08:00 in Shanghai: sends at once.
    expect(iso(nextSendingTime(at('2026-03-11T00:00:00Z')))).toBe('2026-03-11T00:00:00.000Z');
    // 13:00 UTC is 21:00 in Shanghai: held.
    expect(iso(nextSendingTime(at('2026-03-10T13:00:00Z')))).toBe('2026-03-11T00:00:00.000Z');
  });

  it('rolls over month and year ends in Shanghai time', () => {
    expect(iso(nextSendingTime(at('2025-12-31T22:00:00+08:00')))).toBe(iso(at('2026-01-01T08:00:00+08:00')));
    expect(iso(nextSendingTime(at('2026-02-28T21:30:00+08:00')))).toBe(iso(at('2026-03-01T08:00:00+08:00')));
  });

  it('follows a configured window', () => {
    const w = parseSendingWindow('09:30-18:00')!;
    expect(iso(nextSendingTime(at('2026-03-10T09:00:00+08:00'), w))).toBe(iso(at('2026-03-10T09:30:00+08:00')));
    expect(iso(nextSendingTime(at('2026-03-10T17:59:00+08:00'), w))).toBe(iso(at('2026-03-10T17:59:00+08:00')));
    expect(iso(nextSendingTime(at('2026-03-10T18:00:00+08:00'), w))).toBe(iso(at('2026-03-11T09:30:00+08:00')));
  });

  it('rejects an invalid date', () => {
    expect(() => nextSendingTime(new Date('nope'))).toThrow(RangeError);
  });
});

describe(isInSendingWindow.name, () => {
  it('is true from 08:00 up to but not including 21:00', () => {
    expect(isInSendingWindow(at('2026-03-10T07:59:59.999+08:00'))).toBe(false);
    expect(isInSendingWindow(at('2026-03-10T08:00:00+08:00'))).toBe(true);
    expect(isInSendingWindow(at('2026-03-10T20:59:59.999+08:00'))).toBe(true);
    expect(isInSendingWindow(at('2026-03-10T21:00:00+08:00'))).toBe(false);
  });
});

describe(parseSendingWindow.name, () => {
  it('parses HH:MM-HH:MM', () => {
    expect(parseSendingWindow('08:00-21:00')).toEqual(DEFAULT_SENDING_WINDOW);
    expect(parseSendingWindow(' 00:00-24:00 ')).toEqual({ startMinute: 0, endMinute: 1440 });
  });

  it.each(['', '8:00-21:00', '08:00–21:00', '21:00-08:00', '08:00-08:00', '08:00-24:30', '25:00-26:00'])(
    'rejects %p',
    (text) => {
      expect(parseSendingWindow(text)).toBeNull();
    },
  );
});
