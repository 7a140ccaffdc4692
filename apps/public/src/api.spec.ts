import { describe, expect, it } from 'vitest';
import { formatTime, gql, monthLabel, paragraphs, PublicApiError } from './api';

const answer = (body: unknown) => (async () => new Response(JSON.stringify(body))) as unknown as typeof fetch;

describe('gql', () => {
  it('returns data', async () => {
    await expect(gql('{ x }', {}, answer({ data: { x: 1 } }))).resolves.toEqual({ x: 1 });
  });

  it('names the field of a server error, so the form shows it next to that field', async () => {
    const err = await gql(
      '{ x }',
      {},
      answer({ errors: [{ message: '验证码不正确', extensions: { code: 'BAD_USER_INPUT', field: 'input.smsCode' } }] }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublicApiError);
    expect((err as PublicApiError).forField('smsCode')).toBe('验证码不正确');
    expect((err as PublicApiError).forField('phone')).toBeNull();
  });

  it('says the network failed in Chinese', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(gql('{ x }', {}, failing)).rejects.toThrow('网络连接失败，请稍后再试');
  });
});

describe('formatTime', () => {
  it('shows Shanghai time in Chinese', () => {
    expect(formatTime('2026-12-05T06:30:00.000Z')).toBe('2026年12月5日 14:30');
    expect(formatTime('2026-12-05T17:00:00.000Z', false)).toBe('2026年12月6日');
  });
});

describe('paragraphs', () => {
  it('splits a typical case text on line breaks and drops blank lines', () => {
    expect(paragraphs('第一段。\r\n\n  第二段。  \n')).toEqual(['第一段。', '第二段。']);
    expect(paragraphs('   ')).toEqual([]);
  });
});

describe('monthLabel', () => {
  it('writes a month the Chinese way', () => {
    expect(monthLabel('2026-06')).toBe('2026年6月');
    expect(monthLabel('2025-12')).toBe('2025年12月');
  });
});
