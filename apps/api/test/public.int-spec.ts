import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type IORedis from 'ioredis';
import {
  CaseDeadlineEntity,
  CaseEntity,
  CaseEventEntity,
  CaseEvidenceEntity,
  CaseFollowUpEntity,
  OrgUnitEntity,
  PublicCaseAccessEntity,
  REDIS,
  SmsOutboxEntity,
} from '@weiquan/core';
import { loginAs } from '@weiquan/testing';
import { CaseOps, CASE_BY_NO, freshPhone } from './case-ops';
import { startTestApi, TestApi } from './test-api';

const SUBMIT = `mutation($input: PublicSubmissionInput!) { publicSubmit(input: $input) { caseNo queryCode kindLabel receivedAt unitName unitPhone } }`;
const SMS_CODE = `mutation($phone: String!) { publicSendSmsCode(phone: $phone) { validMinutes } }`;
const PROGRESS_FIELDS = `caseNo kindLabel stage explanation receivedAt unitName unitPhone promisedDates { label dueAt } steps { label at } reply followUpOpen satisfactionLabel nextRoundCaseNo`;
const PROGRESS = `query($input: PublicLookupInput!) { publicCaseProgress(input: $input) { ${PROGRESS_FIELDS} } }`;
const FOLLOW_UP = `mutation($input: PublicFollowUpInput!) { publicAnswerFollowUp(input: $input) { ${PROGRESS_FIELDS} } }`;

interface Gql<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

describe('Public site (submission, lookup, follow-up, abuse)', () => {
  let api: TestApi;
  let city_op: CaseOps;
  let city_mediator: CaseOps;
  let gl_county: CaseOps;
  let city: OrgUnitEntity;
  let addrSeq = 0;
  // Each test speaks from its own address (TRUST_PROXY=loopback trusts X-Forwarded-For from the test).
  const newAddress = () => `10.16.${Math.floor(Math.random() * 250)}.${++addrSeq}`;

  async function call<T>(address: string, query: string, variables: Record<string, unknown>): Promise<Gql<T>> {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Gql<T>;
  }

  const form = (extra: Record<string, unknown> = {}) => ({
    kind: 'COMPLAINT',
    name: '王女士',
    phone: freshPhone(),
    respondentName: '某某手机专卖店',
    respondentCreditCode: '91350100M000100Y43',
    category: '通讯器材',
    amountInvolved: 3999,
    summary: '新买的手机屏幕有坏点，门店拒绝更换。',
    demand: '更换新机',
    consentPublication: true,
    consentEntrustedMediation: true,
    ...extra,
  });

  async function submit(address: string, extra: Record<string, unknown> = {}) {
    const input = form(extra);
    const r = await call<{ publicSubmit: { caseNo: string; queryCode: string; receivedAt: string } }>(address, SUBMIT, {
      input,
    });
    if (r.errors?.length || !r.data) throw new Error(JSON.stringify(r.errors));
    return { ...r.data.publicSubmit, phone: input.phone as string };
  }

  let storageDir: string;
  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'wq-public-'));
    api = await startTestApi({ STORAGE_DIR: storageDir, PUBLIC_EVIDENCE_MAX_BYTES: '20000' });
    const redis = api.app.get<IORedis>(REDIS);
    const keys = await redis.keys('wqtest:public:*');
    if (keys.length) await redis.del(...keys);
    city = await api.ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'CITY' });
    city_op = new CaseOps((await loginAs(api.gql, 'city_op')).client);
    city_mediator = new CaseOps((await loginAs(api.gql, 'city_mediator')).client);
    gl_county = new CaseOps((await loginAs(api.gql, 'gl_county')).client);
  });
  afterAll(async () => {
    await api?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const png = (n = 512) =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(n - 8, 7)]);
  async function upload(address: string, caseNo: string, queryCode: string, body: Buffer, type = 'image/png') {
    const form = new FormData();
    form.append('caseNo', caseNo);
    form.append('queryCode', queryCode);
    form.append('file', new Blob([new Uint8Array(body)], { type }), '照片.png');
    const res = await fetch(`${api.url}/api/public/evidence`, {
      method: 'POST',
      headers: { 'x-forwarded-for': address },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  it('takes up to 3 photos or PDFs within the public size limit, only with the right code', async () => {
    const address = newAddress();
    const r = await submit(address);
    const wrong = await upload(address, r.caseNo, 'ZZZZZZZZ', png());
    expect(wrong).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: '案件编号或查询码不正确' } });
    const tooBig = await upload(address, r.caseNo, r.queryCode, png(20001));
    expect(tooBig).toMatchObject({ status: 413, body: { code: 'FILE_TOO_LARGE', field: 'file' } });
    expect(tooBig.body.message).toContain('19.5 KB');
    const text = await upload(address, r.caseNo, r.queryCode, Buffer.from('hello'), 'text/plain');
    expect(text).toMatchObject({ status: 415, body: { code: 'FILE_TYPE_NOT_ALLOWED' } });
    const disguised = await upload(address, r.caseNo, r.queryCode, Buffer.from('MZ not a png at all'));
    expect(disguised.status).toBe(415);
    for (let i = 0; i < 3; i++) expect((await upload(address, r.caseNo, r.queryCode, png(1000 + i))).status).toBe(201);
    const fourth = await upload(address, r.caseNo, r.queryCode, png());
    expect(fourth).toMatchObject({ status: 409, body: { code: 'CONFLICT', field: 'file' } });
    const c = await api.ds.getRepository(CaseEntity).findOneByOrFail({ caseNo: r.caseNo });
    expect(await api.ds.getRepository(CaseEvidenceEntity).countBy({ caseId: c.id })).toBe(3);
  });

  it('registers a submission at the city center like any registration: channel WEB, clocks from receipt, code kept as a hash and sent by SMS', async () => {
    const r = await submit(newAddress());
    expect(r.caseNo).toMatch(/^WQ-\d{4}-\d{6}$/);
    expect(r.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const c = await api.ds.getRepository(CaseEntity).findOneByOrFail({ caseNo: r.caseNo });
    expect(c).toMatchObject({
      channel: 'WEB',
      kind: 'COMPLAINT',
      state: 'REGISTERED',
      intakeUnitId: city.id,
      consentPublication: true,
      consentEntrustedMediation: true,
      registeredById: null,
    });
    expect(c.receivedAt.toISOString()).toBe(new Date(r.receivedAt).toISOString());
    const clocks = await api.ds.getRepository(CaseDeadlineEntity).findBy({ caseId: c.id });
    expect(clocks.length).toBeGreaterThan(0);
    expect(clocks.every((d) => d.startedAt.getTime() === c.receivedAt.getTime())).toBe(true);
    const access = await api.ds.getRepository(PublicCaseAccessEntity).findOneByOrFail({ caseId: c.id });
    expect(access.queryCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(access)).not.toContain(r.queryCode);
    const sms = await api.ds.getRepository(SmsOutboxEntity).findBy({ caseId: c.id });
    expect(sms.some((s) => s.content.includes(r.queryCode) && s.content.includes(r.caseNo))).toBe(true);
    const reg = await api.ds.getRepository(CaseEventEntity).findOneByOrFail({ caseId: c.id, action: 'registerCase' });
    expect(reg).toMatchObject({ actorKind: 'SYSTEM', actorId: null, actorName: '网上服务平台（消费者提交）' });
    // In the city's intake; a county does not see it.
    expect((await city_op.gql.ok<{ caseByNo: { id: string } }>(CASE_BY_NO, { no: r.caseNo })).caseByNo.id).toBe(c.id);
    expect((await gl_county.gql.error(CASE_BY_NO, { no: r.caseNo })).extensions?.code).toBe('NOT_FOUND');
  });

  it('serves a case’s page from memory until the case takes a step or 30 s pass (a unit’s new phone shows then)', async () => {
    const address = newAddress();
    const r = await submit(address);
    const look = async () =>
      (
        await call<{ publicCaseProgress: { stage: string; unitPhone: string | null } }>(address, PROGRESS, {
          input: { caseNo: r.caseNo, queryCode: r.queryCode },
        })
      ).data!.publicCaseProgress;
    const before = await look();
    const phone = city.phone;
    try {
      await api.ds.getRepository(OrgUnitEntity).update({ id: city.id }, { phone: '0591-00000000' });
      expect((await look()).unitPhone).toBe(before.unitPhone); // the cached page
      api.clock.advance(30_001);
      expect((await look()).unitPhone).toBe('0591-00000000');
      // a step changes the version: the new stage shows at once, whatever the cache holds
      const id = (await city_op.gql.ok<{ caseByNo: { id: string } }>(CASE_BY_NO, { no: r.caseNo })).caseByNo.id;
      await city_op.run('acceptCase', { id });
      expect((await look()).stage).toBe('已受理');
    } finally {
      await api.ds.getRepository(OrgUnitEntity).update({ id: city.id }, { phone });
    }
  });

  it('shows the stage in plain words as staff accept, dispatch, conclude and reply, then records the consumer’s follow-up through the staff step', async () => {
    const address = newAddress();
    const r = await submit(address);
    const look = async () => {
      const res = await call<{ publicCaseProgress: any }>(address, PROGRESS, {
        input: { caseNo: r.caseNo, queryCode: r.queryCode.toLowerCase() }, // typed in lower case still matches
      });
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      return res.data.publicCaseProgress;
    };
    let p = await look();
    expect(p).toMatchObject({ stage: '已收到，待受理', kindLabel: '投诉', unitName: city.name, followUpOpen: false });
    expect(p.promisedDates.map((d: { label: string }) => d.label)).toContain('作出是否受理的决定');
    const id = (await city_op.gql.ok<{ caseByNo: { id: string } }>(CASE_BY_NO, { no: r.caseNo })).caseByNo.id;
    let c = await city_op.run('acceptCase', { id });
    expect((await look()).stage).toBe('已受理');
    c = await city_op.run('dispatchCase', c, { targetType: 'WORKROOM', workroom: 'RIGHTS', mode: 'IMMEDIATE' });
    p = await look();
    expect(p.stage).toMatch(/^已分送.+处理$/);
    expect(p.promisedDates.some((d: { label: string }) => d.label === '承诺办结')).toBe(true);
    c = await city_mediator.run('receiveCase', c);
    expect((await look()).stage).toBe('调解中');
    c = await city_mediator.run('concludeCase', c, { outcome: 'MEDIATED', agreementText: '门店同意换新机' });
    await city_op.run('replyCase', c, { content: '经调解，门店同意为您更换新机。' });
    p = await look();
    expect(p).toMatchObject({ stage: '待回访', followUpOpen: true, reply: '经调解，门店同意为您更换新机。' });
    expect(p.steps.map((s: { label: string }) => s.label)).toEqual(
      expect.arrayContaining(['收到诉求', '受理', '分送承办单位', '承办单位签收', '办结', '答复']),
    );
    const answered = await call<{ publicAnswerFollowUp: any }>(address, FOLLOW_UP, {
      input: { caseNo: r.caseNo, queryCode: r.queryCode, satisfaction: 'BASIC', comment: '处理及时' },
    });
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.publicAnswerFollowUp).toMatchObject({
      stage: '已回访',
      followUpOpen: false,
      satisfactionLabel: '基本满意',
    });
    const stored = await api.ds.getRepository(CaseEntity).findOneByOrFail({ id });
    expect(stored).toMatchObject({ state: 'FOLLOWED_UP', followUpDone: true, satisfaction: 'BASIC' });
    const fu = await api.ds.getRepository(CaseFollowUpEntity).findOneByOrFail({ caseId: id });
    expect(fu).toMatchObject({ result: 'REACHED', satisfaction: 'BASIC' });
    expect(fu.note).toContain('处理及时');
    const ev = await api.ds.getRepository(CaseEventEntity).findOneByOrFail({ caseId: id, action: 'recordFollowUp' });
    expect(ev).toMatchObject({ actorKind: 'SYSTEM', toState: 'FOLLOWED_UP' });
    // Answered once: a second answer is refused.
    const again = await call(address, FOLLOW_UP, {
      input: { caseNo: r.caseNo, queryCode: r.queryCode, satisfaction: 'SATISFIED' },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('answers a wrong number and a wrong code alike, and throttles guessing per case number and per address', async () => {
    const r = await submit(newAddress());
    const a = newAddress();
    const wrongCode = await call(a, PROGRESS, { input: { caseNo: r.caseNo, queryCode: 'ZZZZZZZZ' } });
    const wrongNo = await call(a, PROGRESS, { input: { caseNo: 'WQ-2026-999999', queryCode: r.queryCode } });
    const strip = (g: Gql<unknown>) => ({ data: g.data, errors: g.errors?.map((e) => ({ ...e, locations: 0 })) });
    expect(strip(wrongCode)).toEqual(strip(wrongNo));
    expect(wrongCode.errors?.[0]).toMatchObject({
      message: '案件编号或查询码不正确',
      extensions: { code: 'NOT_FOUND', field: 'input.queryCode' },
    });
    // Per case number: failures from many addresses lock the number (5 per hour), even for the right code.
    for (let i = 0; i < 4; i++)
      await call(newAddress(), PROGRESS, { input: { caseNo: r.caseNo, queryCode: `WRONG${i}AA` } });
    const locked = await call(newAddress(), PROGRESS, { input: { caseNo: r.caseNo, queryCode: r.queryCode } });
    expect(locked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    // A number that does not exist is locked the same way (so locking tells nothing either).
    const ghost = 'WQ-2026-888888';
    for (let i = 0; i < 5; i++) await call(newAddress(), PROGRESS, { input: { caseNo: ghost, queryCode: 'AAAAAAAA' } });
    const ghostLocked = await call(newAddress(), PROGRESS, { input: { caseNo: ghost, queryCode: 'AAAAAAAA' } });
    expect(ghostLocked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    // Per address: 10 failures in 15 minutes, over any numbers; then even a right lookup is refused.
    const b = newAddress();
    const other = await submit(newAddress());
    for (let i = 0; i < 10; i++)
      await call(b, PROGRESS, { input: { caseNo: `WQ-2026-7${String(i).padStart(5, '0')}`, queryCode: 'AAAAAAAA' } });
    const refused = await call(b, PROGRESS, { input: { caseNo: other.caseNo, queryCode: other.queryCode } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    const elsewhere = await call(newAddress(), PROGRESS, {
      input: { caseNo: other.caseNo, queryCode: other.queryCode },
    });
    expect(elsewhere.errors).toBeUndefined();
  });

  it('makes a second submission from one phone on one day cost an SMS verification code sent through the outbox', async () => {
    const address = newAddress();
    const first = await submit(address);
    const second = await call(address, SUBMIT, { input: form({ phone: first.phone, summary: '另一件事' }) });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.smsCode' });
    expect(await api.ds.getRepository(CaseEntity).countBy({ consumerPhone: first.phone })).toBe(1);
    const sent = await call<{ publicSendSmsCode: { validMinutes: number } }>(address, SMS_CODE, { phone: first.phone });
    expect(sent.data?.publicSendSmsCode.validMinutes).toBe(10);
    const sms = await api.ds
      .getRepository(SmsOutboxEntity)
      .findOne({ where: { phone: first.phone }, order: { id: 'DESC' } });
    const code = /验证码为 (\d{6})/.exec(sms!.content)![1]!;
    const wrong = await call(address, SUBMIT, {
      input: form({ phone: first.phone, smsCode: code === '000000' ? '111111' : '000000' }),
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.smsCode' });
    const ok = await call<{ publicSubmit: { caseNo: string } }>(address, SUBMIT, {
      input: form({ phone: first.phone, smsCode: code }),
    });
    expect(ok.errors).toBeUndefined();
    // One code, one submission.
    const reuse = await call(address, SUBMIT, { input: form({ phone: first.phone, smsCode: code }) });
    expect(reuse.errors?.[0]?.extensions?.field).toBe('input.smsCode');
  });

  it('refuses bad input next to the field and stores nothing', async () => {
    const address = newAddress();
    const before = await api.ds.getRepository(CaseEntity).count();
    const noPhone = await call(address, SUBMIT, { input: form({ phone: '123' }) });
    expect(noPhone.errors?.[0]?.extensions?.field).toMatch(/phone/);
    const noRespondent = await call(address, SUBMIT, { input: form({ respondentName: '' }) });
    expect(noRespondent.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.respondentName',
    });
    const tooLong = await call(address, SUBMIT, { input: form({ summary: '长'.repeat(2001) }) });
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await api.ds.getRepository(CaseEntity).count()).toBe(before);
  });
});

describe('Public site (办事公开, 公示, 意见箱)', () => {
  let api: TestApi;
  const PUBLISHED = `query($k: String) { publicPublishedComplaints(keyword: $k) { total items { respondentName respondentCreditCode respondentAddress category result unitName concludedMonth } } }`;
  const WITHDRAW = `mutation($id: ID!, $r: String!) { withdrawPublication(caseId: $id, reason: $r) }`;

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_PUBLICATION_DELAY_DAYS: '15' });
  });
  afterAll(() => api?.close());

  /** A complaint taken to conclusion by staff, with or without the consumer's consent to publication. */
  async function concluded(consent: boolean, respondent: string, creditCode: string) {
    const op = new CaseOps((await loginAs(api.gql, 'city_op')).client);
    const mediator = new CaseOps((await loginAs(api.gql, 'city_mediator')).client);
    let c = await op.register({
      kind: 'COMPLAINT',
      channel: 'WEB',
      consumer: { name: '赵六', phone: freshPhone(), address: '私密地址 9 号' },
      respondent: { name: respondent, creditCode, address: '五一路 8 号' },
      category: '餐饮服务',
      summary: '饭菜有异物',
      flags: { consentPublication: consent },
    });
    c = await op.run('acceptCase', c);
    c = await op.run('dispatchCase', c, { targetType: 'WORKROOM', workroom: 'RIGHTS', mode: 'IMMEDIATE' });
    c = await mediator.run('receiveCase', c);
    c = await mediator.run('concludeCase', c, { outcome: 'MEDIATED', agreementText: '赔偿 200 元' });
    return c;
  }

  it('publishes a consented concluded complaint after the delay, never a non-consented one, and no consumer data', async () => {
    const tag = Date.now().toString(36);
    const yes = await concluded(true, `公示同意餐厅${tag}`, '91350100M000100Y43');
    await concluded(false, `公示不同意餐厅${tag}`, '91350100M000100Y43');
    const list = async (k: string) =>
      (await api.gql.ok<{ publicPublishedComplaints: { total: number; items: any[] } }>(PUBLISHED, { k }))
        .publicPublishedComplaints;
    expect((await list(tag)).total).toBe(0); // not yet: 15 days after the conclusion
    api.clock.advance(16 * 86_400_000);
    const page = await list(tag);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      respondentName: `公示同意餐厅${tag}`,
      respondentCreditCode: '91350100M000100Y43',
      category: '餐饮服务',
      result: '调解成功',
    });
    expect(JSON.stringify(page)).not.toMatch(/赵六|私密地址|饭菜有异物/);
    // Withdrawn by an administrator, with the reason audited; others may not.
    const director = (await loginAs(api.gql, 'city_director')).client;
    expect((await director.error(WITHDRAW, { id: yes.id, r: '经营者异议成立' })).extensions?.code).toBe('FORBIDDEN');
    const admin = (await loginAs(api.gql, 'admin')).client;
    expect((await admin.error(WITHDRAW, { id: yes.id, r: '  ' })).extensions?.field).toBe('reason');
    await admin.ok(WITHDRAW, { id: yes.id, r: '经营者异议成立' });
    expect((await list(tag)).total).toBe(0);
    const audit = await api.ds.query(
      `SELECT action, target_id AS targetId, detail FROM audit_event WHERE action = 'publication.withdraw' AND target_id = ?`,
      [yes.id],
    );
    expect(audit).toHaveLength(1);
    expect(String(audit[0].detail)).toContain('经营者异议成立');
  });

  it('reads the commitments from the rule sets in force, lists stations by district, and routes 意见箱 to the directors', async () => {
    const info = await api.gql.ok<{ publicServiceInfo: any }>(
      `{ publicServiceInfo { process { title } workrooms { name duties } commitments { name duration } supervisionPhone } }`,
    );
    const rules = await api.ds.query(
      `SELECT r.name FROM deadline_rule r JOIN deadline_rule_set s ON s.id = r.rule_set_id WHERE s.active = 1 AND s.layer = 'COMMITMENT'`,
    );
    expect(info.publicServiceInfo.commitments.map((c: { name: string }) => c.name).sort()).toEqual(
      rules.map((r: { name: string }) => r.name).sort(),
    );
    expect(info.publicServiceInfo.workrooms).toHaveLength(4);
    expect(info.publicServiceInfo.process.map((p: { title: string }) => p.title)).toEqual([
      '受理',
      '分流',
      '办理',
      '督办',
      '回复',
      '回访',
    ]);
    const gl = await api.ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'GL' });
    const district = gl.name.replace(/消费者维权中心$/, '');
    const points = await api.gql.ok<{ publicServicePoints: { name: string; district: string }[] }>(
      `query($k: String) { publicServicePoints(keyword: $k) { name district kindLabel address phone } }`,
      { k: district },
    );
    expect(points.publicServicePoints.length).toBeGreaterThan(1);
    expect(points.publicServicePoints.every((p) => p.district === district || p.name.includes(district))).toBe(true);
    const before = await api.ds.query(`SELECT COUNT(*) AS n FROM notification WHERE kind = 'PUBLIC_SUGGESTION'`);
    await api.gql.ok(`mutation($i: PublicSuggestionInput!) { publicSubmitSuggestion(input: $i) }`, {
      i: { content: '大厅周末能否开放半天？', contact: '13900000000' },
    });
    const after = await api.ds.query(`SELECT COUNT(*) AS n FROM notification WHERE kind = 'PUBLIC_SUGGESTION'`);
    expect(Number(after[0].n)).toBeGreaterThan(Number(before[0].n));
  });
});
