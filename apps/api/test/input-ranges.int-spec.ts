import fc from 'fast-check';
import { CaseEntity } from '@weiquan/core';
import { loginAs } from '@weiquan/testing';
import { CaseOps, complaint, REGISTER } from './case-ops';
import { startTestApi, TestApi } from './test-api';

const DAY = 86_400_000;

/** Plausible ranges and strict shapes of dates and numbers, through the API; nothing stored on refusal. */
describe('input ranges', () => {
  let api: TestApi;
  let gl: CaseOps;

  beforeAll(async () => {
    api = await startTestApi();
    gl = new CaseOps((await loginAs(api.gql, 'gl_county')).client);
  });
  afterAll(() => api?.close());

  const count = () => api.ds.getRepository(CaseEntity).count();
  const refusedOn = async (field: string, input: Record<string, unknown>) => {
    const before = await count();
    const err = await gl.gql.error(REGISTER, { input });
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toBe(before);
  };

  it('refuses a receivedAt more than 3 years back or in the future, at any distance', async () => {
    const now = api.clock.now().getTime();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: 3 * 366 + 1, max: 120 * 365 }).map((d) => -d),
          fc.integer({ min: 1, max: 50 * 365 }),
        ),
        async (days) =>
          refusedOn('input.receivedAt', complaint({ receivedAt: new Date(now + days * DAY).toISOString() })),
      ),
      { numRuns: 12 },
    );
  });

  it('accepts a receivedAt within the last 3 years', async () => {
    const now = api.clock.now().getTime();
    for (const days of [0, 30, 365, 2 * 365]) {
      const c = await gl.register(complaint({ receivedAt: new Date(now - days * DAY).toISOString() }));
      expect(c.caseNo).toMatch(new RegExp(`-${new Date(now - days * DAY).getUTCFullYear()}-|-\\d{4}-`));
    }
  });

  it('refuses impossible dates, bare numbers and year 1 as field errors, not conversions', async () => {
    for (const receivedAt of ['2026-02-30T00:00:00Z', 1767225600000, '0001-01-01T00:00:00Z', '10000-01-01', 'now', ''])
      await refusedOn('input.receivedAt', complaint({ receivedAt }));
    await refusedOn(
      'input.occurredAt',
      complaint({ occurredAt: new Date(api.clock.now().getTime() + 3 * DAY).toISOString() }),
    );
  });

  it('refuses out-of-range extension days as a field error', async () => {
    const c = await gl.register(complaint());
    for (const days of [0, -1, 61, 1e9, 2147483647]) {
      const err = await gl.fail('requestExtension', c, { reason: '需要检测', days });
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.days' });
    }
  });

  it('refuses NUL, lone surrogates and blank required text anywhere in a registration', async () => {
    for (const [field, input] of [
      ['input.consumer.name', complaint({ consumer: { name: '李\u0000四', phone: '13900000001' } })],
      ['input.summary', complaint({ summary: '空调\ud800坏了' })],
      ['input.summary', complaint({ summary: ' \u3000 ' })],
      ['input.respondent.name', complaint({ respondent: { name: '\t' } })],
    ] as const)
      await refusedOn(field, input);
  });
});
