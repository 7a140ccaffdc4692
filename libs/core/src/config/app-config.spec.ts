import { loadConfig } from './app-config';

const BASE = { JWT_SECRET: 'x'.repeat(32) };

describe('AppConfig evidence limits', () => {
  it('defaults to 20 MiB and the documented types', () => {
    const c = loadConfig({ ...BASE, EVIDENCE_MAX_BYTES: undefined, EVIDENCE_ALLOWED_TYPES: undefined });
    expect(c.EVIDENCE_MAX_BYTES).toBe(20 * 1024 * 1024);
    expect([...c.evidenceAllowedTypes]).toEqual(
      expect.arrayContaining(['image/jpeg', 'application/pdf', 'text/plain', 'video/mp4']),
    );
    expect(c.evidenceAllowedTypes.has('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      true,
    );
  });

  it('reads overrides, normalising the type list', () => {
    const c = loadConfig({
      ...BASE,
      EVIDENCE_MAX_BYTES: '1024',
      EVIDENCE_ALLOWED_TYPES: ' Image/PNG , application/pdf',
    });
    expect(c.EVIDENCE_MAX_BYTES).toBe(1024);
    expect([...c.evidenceAllowedTypes]).toEqual(['image/png', 'application/pdf']);
  });

  it.each([
    ['EVIDENCE_MAX_BYTES', '0'],
    ['EVIDENCE_MAX_BYTES', 'twenty'],
    ['EVIDENCE_MAX_BYTES', String(101 * 1024 * 1024)],
    ['EVIDENCE_ALLOWED_TYPES', 'png,pdf'],
    ['EVIDENCE_ALLOWED_TYPES', 'image/png,'],
    ['EVIDENCE_ALLOWED_TYPES', ''],
  ])('fails at boot naming %s for %p', (key, value) => {
    expect(() => loadConfig({ ...BASE, [key]: value })).toThrow(new RegExp(`${key}:`));
  });
});

describe('AppConfig SMS settings', () => {
  it('defaults to 08:00–21:00, 5 attempts and a 30 s backoff', () => {
    const c = loadConfig({
      ...BASE,
      SMS_SENDING_HOURS: undefined,
      SMS_MAX_ATTEMPTS: undefined,
      SMS_RETRY_BASE_MS: undefined,
    });
    expect(c.smsSendingWindow).toEqual({ startMinute: 480, endMinute: 1260 });
    expect(c.SMS_MAX_ATTEMPTS).toBe(5);
    expect(c.SMS_RETRY_BASE_MS).toBe(30_000);
  });

  it.each([
    ['SMS_SENDING_HOURS', '21:00-08:00'],
    ['SMS_SENDING_HOURS', '8-21'],
    ['SMS_MAX_ATTEMPTS', '0'],
    ['SMS_RETRY_BASE_MS', 'soon'],
  ])('fails at boot naming %s for %p', (key, value) => {
    expect(() => loadConfig({ ...BASE, [key]: value })).toThrow(new RegExp(`${key}:`));
  });
});
