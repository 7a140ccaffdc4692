import type IORedis from 'ioredis';
import { CaseEntity, REDIS, SmsOutboxEntity } from '@weiquan/core';
import { loginAs } from '@weiquan/testing';
import { CaseOps, complaint, freshPhone } from './case-ops';
import { startTestApi, TestApi } from './test-api';

// #16: progress lookup without the 查询码 — case number + last four digits of the phone + an SMS code sent
// through the outbox to the number on record. Same answers for wrong inputs; throttled; bad input coded.
const SEND = `mutation($input: PublicLookupCodeInput!) { publicSendLookupCode(input: $input) { validMinutes } }`;
const PROGRESS = `query($input: PublicLookupInput!) { publicCaseProgress(input: $input) { caseNo stage unitName followUpOpen } }`;
const FOLLOW_UP = `mutation($input: PublicFollowUpInput!) { publicAnswerFollowUp(input: $input) { stage satisfactionLabel } }`;

interface Gql<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

describe('Public site: lookup by phone digits and SMS code', () => {
  let api: TestApi;
  let city_op: CaseOps;
  let city_mediator: CaseOps;
  let addrSeq = 0;
  const newAddress = () => `10.18.${Math.floor(Math.random() * 250)}.${++addrSeq}`;

  async function call<T>(address: string, query: string, variables: Record<string, unknown>): Promise<Gql<T>> {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Gql<T>;
  }

  /** A complaint registered by staff from a hotline call: it has no 查询码. */
  async function hotlineCase() {
    const phone = freshPhone();
    const c = await city_op.register(complaint({ consumer: { name: '陈电话', phone, address: '五四路 1 号' } }));
    return { ...c, phone, last4: phone.slice(-4) };
  }

  const smsCount = (phone: string) => api.ds.getRepository(SmsOutboxEntity).countBy({ phone });
  async function lastCode(phone: string): Promise<string> {
    const sms = await api.ds.getRepository(SmsOutboxEntity).findOne({ where: { phone }, order: { id: 'DESC' } });
    return /验证码为 (\d{6})/.exec(sms!.content)![1]!;
  }
  const strip = (g: Gql<unknown>) => ({ data: g.data, errors: g.errors?.map((e) => ({ ...e, locations: 0 })) });

  beforeAll(async () => {
    api = await startTestApi();
    const redis = api.app.get<IORedis>(REDIS);
    const keys = await redis.keys('wqtest:public:*');
    if (keys.length) await redis.del(...keys);
    city_op = new CaseOps((await loginAs(api.gql, 'city_op')).client);
    city_mediator = new CaseOps((await loginAs(api.gql, 'city_mediator')).client);
  });
  afterAll(() => api?.close());

  it('sends a code to the phone on record and shows the progress with it, through the follow-up', async () => {
    const c = await hotlineCase();
    const address = newAddress();
    const sent = await call<{ publicSendLookupCode: { validMinutes: number } }>(address, SEND, {
      input: { caseNo: c.caseNo.toLowerCase(), phoneLast4: c.last4 },
    });
    expect(sent.data?.publicSendLookupCode.validMinutes).toBe(10);
    const sms = await api.ds.getRepository(SmsOutboxEntity).findOneByOrFail({ phone: c.phone, caseId: c.id });
    expect(sms.content).toContain(c.caseNo);
    const code = await lastCode(c.phone);
    const input = { caseNo: c.caseNo, phoneLast4: c.last4, smsCode: code };
    const p = await call<{ publicCaseProgress: { caseNo: string; stage: string } }>(address, PROGRESS, { input });
    expect(p.errors).toBeUndefined();
    expect(p.data!.publicCaseProgress).toMatchObject({ caseNo: c.caseNo, stage: '已收到，待受理' });

    // The same code serves the visit: staff take the case to 待回访, the consumer answers the follow-up.
    let k = await city_op.run('acceptCase', c);
    k = await city_op.run('dispatchCase', k, { targetType: 'WORKROOM', workroom: 'RIGHTS', mode: 'IMMEDIATE' });
    k = await city_mediator.run('receiveCase', k);
    k = await city_mediator.run('concludeCase', k, { outcome: 'MEDIATED', agreementText: '退款' });
    await city_op.run('replyCase', k, { content: '经调解，商家已退款。' });
    const answered = await call<{ publicAnswerFollowUp: { stage: string; satisfactionLabel: string } }>(
      address,
      FOLLOW_UP,
      { input: { ...input, satisfaction: 'SATISFIED' } },
    );
    expect(answered.data?.publicAnswerFollowUp).toEqual({ stage: '已回访', satisfactionLabel: '满意' });
    expect(await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: c.id })).toMatchObject({
      state: 'FOLLOWED_UP',
      satisfaction: 'SATISFIED',
    });

    // It expires after 10 minutes.
    api.clock.advance(10 * 60_000 + 1);
    const late = await call(address, PROGRESS, { input });
    expect(late.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers the same to a wrong number, wrong digits and a wrong code, and sends an SMS only on a match', async () => {
    const c = await hotlineCase();
    const before = await smsCount(c.phone);
    const wrongDigits = c.last4 === '0000' ? '1111' : '0000';
    const a = newAddress();
    const sentWrong = await call(a, SEND, { input: { caseNo: c.caseNo, phoneLast4: wrongDigits } });
    const sentGhost = await call(a, SEND, { input: { caseNo: 'WQ-2026-977777', phoneLast4: c.last4 } });
    expect(strip(sentWrong)).toEqual(strip(sentGhost));
    expect(sentWrong.data).toEqual({ publicSendLookupCode: { validMinutes: 10 } });
    expect(await smsCount(c.phone)).toBe(before);

    await call(newAddress(), SEND, { input: { caseNo: c.caseNo, phoneLast4: c.last4 } });
    const code = await lastCode(c.phone);
    const other = code === '000000' ? '111111' : '000000';
    const look = (input: Record<string, unknown>) => call(newAddress(), PROGRESS, { input });
    const wrongCode = await look({ caseNo: c.caseNo, phoneLast4: c.last4, smsCode: other });
    const wrongLast4 = await look({ caseNo: c.caseNo, phoneLast4: wrongDigits, smsCode: code });
    const wrongNo = await look({ caseNo: 'WQ-2026-977778', phoneLast4: c.last4, smsCode: code });
    expect(strip(wrongCode)).toEqual(strip(wrongLast4));
    expect(strip(wrongCode)).toEqual(strip(wrongNo));
    expect(wrongCode.errors?.[0]).toMatchObject({
      message: '案件编号、手机号码后四位或验证码不正确',
      extensions: { code: 'NOT_FOUND', field: 'input.smsCode' },
    });
    // Two wrong tries so far on this case's code (wrong code, wrong digits); three more and the right
    // code no longer opens it (the code is dead, and the case number is locked for failed lookups).
    for (let i = 0; i < 3; i++) await look({ caseNo: c.caseNo, phoneLast4: c.last4, smsCode: other });
    const dead = await look({ caseNo: c.caseNo, phoneLast4: c.last4, smsCode: code });
    expect(dead.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|TOO_MANY_REQUESTS/);
  });

  it('throttles code requests per case number, existing or not, so nobody can flood a phone', async () => {
    const c = await hotlineCase();
    for (let i = 0; i < 3; i++) {
      const r = await call(newAddress(), SEND, { input: { caseNo: c.caseNo, phoneLast4: c.last4 } });
      expect(r.errors).toBeUndefined();
    }
    const fourth = await call(newAddress(), SEND, { input: { caseNo: c.caseNo, phoneLast4: c.last4 } });
    expect(fourth.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(await smsCount(c.phone)).toBe(3);
    const ghost = 'WQ-2026-966666';
    for (let i = 0; i < 3; i++) await call(newAddress(), SEND, { input: { caseNo: ghost, phoneLast4: '1234' } });
    const ghostFourth = await call(newAddress(), SEND, { input: { caseNo: ghost, phoneLast4: '1234' } });
    expect(ghostFourth.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });

  it('refuses malformed input next to the field and sends nothing', async () => {
    const c = await hotlineCase();
    const before = await smsCount(c.phone);
    const a = newAddress();
    const badDigits = await call(a, SEND, { input: { caseNo: c.caseNo, phoneLast4: '12a4' } });
    expect(badDigits.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phoneLast4' });
    const noCredential = await call(a, PROGRESS, { input: { caseNo: c.caseNo } });
    expect(noCredential.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.queryCode' });
    const badCode = await call(a, PROGRESS, { input: { caseNo: c.caseNo, phoneLast4: c.last4, smsCode: '12' } });
    expect(badCode.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.smsCode' });
    const noDigits = await call(a, PROGRESS, { input: { caseNo: c.caseNo, smsCode: '123456' } });
    expect(noDigits.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phoneLast4' });
    expect(await smsCount(c.phone)).toBe(before);
  });
});
