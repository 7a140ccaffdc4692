import { describe, expect, it } from 'vitest';
import { attemptErrorText, invalidSource, parseSources } from './client-display';

describe('attemptErrorText', () => {
  it('names the answer code, a transport error in words, and keeps a Chinese reason', () => {
    expect(attemptErrorText('HTTP 503', 503)).toBe('对方应答 503');
    expect(attemptErrorText('ECONNREFUSED', null)).toBe('连接被拒绝');
    expect(attemptErrorText('15 秒内无应答', null)).toBe('15 秒内无应答');
    expect(attemptErrorText('UNABLE_TO_VERIFY_LEAF_SIGNATURE', null)).toBe('证书校验失败');
    expect(attemptErrorText('fetch failed', null)).toBe('连接失败');
    expect(attemptErrorText(null, null)).toBe('');
  });
});

describe('allowed sources', () => {
  it('splits lines, commas and spaces, drops blanks and repeats', () => {
    expect(parseSources(' 10.1.0.0/16\n\n192.168.1.5, 10.1.0.0/16 ， fd00::/8 ')).toEqual([
      '10.1.0.0/16',
      '192.168.1.5',
      'fd00::/8',
    ]);
  });

  it('finds the first entry that is not an address or range', () => {
    expect(invalidSource(['10.1.0.0/16', '::1', '2001:db8::/32'])).toBeNull();
    expect(invalidSource(['10.1.0.0/16', '10.1.0.0/33'])).toBe('10.1.0.0/33');
    expect(invalidSource(['300.1.1.1'])).toBe('300.1.1.1');
    expect(invalidSource(['example.org'])).toBe('example.org');
  });
});
