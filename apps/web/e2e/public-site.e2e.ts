import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertServerUp, DEMO_PASSWORD, launchBrowser, shot, signIn, WEB_URL } from './browser';

// The public site (/gongkai/, issue 16) as a consumer uses it, on a phone (390×844) and on a desktop
// (1366×768): submit a complaint with a photo, keep the receipt, look the case up with the code while
// staff accept (the 受理决定书 then downloads from the page), dispatch, conclude and reply (over GraphQL,
// as city_op and city_mediator), answer the
// follow-up on the page; the new case is in the city's intake list in the console; the 公示 list shows
// the consented concluded case and not a non-consented one. The API must run with
// PUBLIC_PUBLICATION_DELAY_DAYS=0 (scripts/test.sh does) so a case concluded now is published now.
const PUBLIC_URL = new URL('gongkai/', WEB_URL).href;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RUN = Date.now().toString().slice(-7);
/** camelCase codes, UPPER_SNAKE enum codes or Latin words a consumer should never see. */
const RAW = /\b[a-z]+[A-Z][a-zA-Z]+\b|\b[A-Z]{2,}_[A-Z_]+\b|\b(?:null|undefined|NaN|Error|true|false)\b/;
// A real 1×1 PNG (the server checks the bytes against the type).
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

type Call = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
type C = { id: string; caseNo: string; version: number; state: string; channel: string };
type Value = { code: string; denominator: number | null };
const FIELDS = 'id caseNo version state channel';

async function apiAs(username: string): Promise<Call> {
  const call = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const res = await fetch(new URL('graphql', WEB_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`${username}: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data!;
  };
  const { login } = await call<{ login: { accessToken: string } }>(
    'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { username, password: DEMO_PASSWORD } },
  );
  return (query, variables) => call(query, variables, login.accessToken);
}

/** Runs a lifecycle step (`acceptCase` → AcceptCaseInput) on the case as it is now. */
async function step(api: Call, name: string, c: C, extra: Record<string, unknown> = {}): Promise<C> {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const r = await api<Record<string, C>>(`mutation($input: ${type}!) { ${name}(input: $input) { ${FIELDS} } }`, {
    input: { caseId: c.id, version: c.version, ...extra },
  });
  return r[name]!;
}

const SIZES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, mobile: true, digit: '1' },
  { name: 'desktop', viewport: { width: 1366, height: 768 }, mobile: false, digit: '2' },
] as const;

describe.each(SIZES)('public site on a $name (browser)', ({ name, viewport, mobile, digit }) => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cityOp: Call;
  let mediator: Call;
  const tag = `${RUN}${digit}`;
  const phone = `137${tag}`;
  const respondent = `网上投诉测试商行${tag}`;
  let caseNo = '';
  let queryCode = '';
  let c: C;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport,
      isMobile: mobile,
      hasTouch: mobile,
      deviceScaleFactor: mobile ? 2 : 1,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page = await context.newPage();
    cityOp = await apiAs('city_op');
    mediator = await apiAs('city_mediator');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  /**
   * The visible text has no raw codes or English, nothing is wider than the screen, and axe-core finds no
   * serious or critical violation. axe is evaluated through the DevTools protocol, so the page keeps its CSP.
   */
  async function readable(): Promise<void> {
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(RAW);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const r = await (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe.run();
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
  }

  async function lookUp(): Promise<string> {
    await page.goto(`${PUBLIC_URL}chaxun?caseNo=${encodeURIComponent(caseNo)}`);
    await page.locator('#queryCode').fill(queryCode);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const stage = page.locator('.stage');
    await stage.waitFor();
    return (await stage.textContent())?.trim() ?? '';
  }

  it('submits a complaint with a photo and shows the receipt with the number and the query code', async () => {
    await page.goto(PUBLIC_URL);
    await page.getByRole('heading', { name: '消费维权服务' }).waitFor();
    await readable();
    await page.screenshot({ path: shot(`public-home-${name}`), fullPage: true });
    await page.getByRole('link', { name: /我要投诉/ }).click();
    await page.waitForURL(/\/gongkai\/tousu$/);

    // Checked on the page first: the errors sit next to their fields, nothing is sent.
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect.poll(() => page.locator('p.error').allTextContents()).toContain('请填写事情经过');

    await page.locator('#phone').fill(phone);
    await page.locator('#name').fill('王女士');
    await page.locator('#respondentName').fill(respondent);
    await page.locator('#category').fill('家用电器');
    await page.locator('#summary').fill('12月1日在该店买的电饭煲用了两天就不加热，商家不给退换。');
    await page.locator('#demand').fill('退货退款');
    await page.locator('#files').setInputFiles({ name: '商品照片.png', mimeType: 'image/png', buffer: PHOTO });
    expect(await page.locator('#files-picked').textContent()).toBe('已选：商品照片.png');
    await page.getByLabel(/同意办结后公示/).check();
    // The errors went as their fields were filled in.
    expect(await page.locator('p.error').count()).toBe(0);
    await readable();
    await page.screenshot({ path: shot(`public-submit-${name}`), fullPage: true });
    await page.getByRole('button', { name: '提交', exact: true }).click();

    await page.getByRole('heading', { name: '提交成功' }).waitFor();
    const codes = page.locator('dd.code');
    caseNo = ((await codes.nth(0).textContent()) ?? '').trim();
    queryCode = ((await codes.nth(1).textContent()) ?? '').trim();
    expect(caseNo).toMatch(/^[A-Z]+-\d{4}-\d+$/);
    expect(queryCode).toMatch(/^[A-Z0-9]{8}$/);
    expect(await page.locator('section.card').textContent()).toContain('商品照片.png：已上传');
    await readable();
    await page.screenshot({ path: shot(`public-receipt-${name}`), fullPage: true });

    // In the city's intake as a WEB registration, with the photo as evidence.
    c = (await cityOp<{ caseByNo: C }>(`query($no: String!) { caseByNo(caseNo: $no) { ${FIELDS} } }`, { no: caseNo }))
      .caseByNo;
    expect(c).toMatchObject({ state: 'REGISTERED', channel: 'WEB' });
    const { caseEvidence } = await cityOp<{ caseEvidence: { fileName: string; contentType: string }[] }>(
      'query($id: ID!) { caseEvidence(caseId: $id) { fileName contentType } }',
      { id: c.id },
    );
    expect(caseEvidence).toEqual([{ fileName: '商品照片.png', contentType: 'image/png' }]);
  });

  it('appears in the city’s intake list in the console (city_op)', async () => {
    const staff = await signIn(browser, 'city_op');
    try {
      await staff.page.goto(
        new URL(`cases?state=REGISTERED&channel=WEB&respondent=${encodeURIComponent(respondent)}`, WEB_URL).href,
      );
      const row = staff.page.locator('.el-table__body tr', { hasText: caseNo });
      await row.waitFor({ timeout: 15_000 });
      expect(await row.textContent()).toContain('已登记');
      if (name === 'desktop') await staff.page.screenshot({ path: shot('public-intake-console') });
    } finally {
      await staff.context.close();
    }
  });

  it('looks the case up with the code and sees the stage change as staff accept and dispatch it', async () => {
    expect(await lookUp()).toBe('已收到，待受理');
    await readable();
    await page.screenshot({ path: shot(`public-lookup-received-${name}`), fullPage: true });

    c = await step(cityOp, 'acceptCase', c);
    expect(await lookUp()).toBe('已受理');
    // The 投诉受理决定书 issued at acceptance is on the page and downloads through a one-time link.
    const docs = page.locator('ul.docs li');
    expect(await docs.allTextContents()).toEqual([expect.stringContaining('投诉受理决定书')]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      docs.first().getByRole('button', { name: '下载' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/投诉受理决定书.*\.pdf$/);
    await page.screenshot({ path: shot(`public-lookup-documents-${name}`), fullPage: true });
    c = await step(cityOp, 'dispatchCase', c, { targetType: 'WORKROOM', workroom: 'RIGHTS', mode: 'IMMEDIATE' });
    expect(await lookUp()).toMatch(/^已分送.+处理$/);
    c = await step(mediator, 'receiveCase', c);
    expect(await lookUp()).toBe('调解中');
    await readable();
    await page.screenshot({ path: shot(`public-lookup-mediating-${name}`), fullPage: true });
  });

  it('answers the follow-up on the page once staff concluded and replied', async () => {
    c = await step(mediator, 'concludeCase', c, { outcome: 'MEDIATED', agreementText: '商家同意退货退款' });
    c = await step(cityOp, 'replyCase', c, { content: '经调解，商家同意退货退款。' });
    expect(await lookUp()).toBe('待回访');
    expect(await page.locator('section.card').first().textContent()).toContain('经调解，商家同意退货退款。');
    await page.locator('#comment').fill('处理很及时');
    await readable();
    await page.screenshot({ path: shot(`public-follow-up-${name}`), fullPage: true });
    await page.getByRole('button', { name: '满意', exact: true }).click();
    await expect.poll(() => page.locator('.stage').textContent()).toBe('已回访');
    expect(await page.locator('section.card').first().textContent()).toContain('满意');
    await expect.poll(() => page.locator('#comment').count()).toBe(0);
    const after = await cityOp<{ case: { state: string; satisfaction: string; followUpDone: boolean } }>(
      'query($id: ID!) { case(id: $id) { state satisfaction followUpDone } }',
      { id: c.id },
    );
    expect(after.case).toEqual({ state: 'FOLLOWED_UP', satisfaction: 'SATISFIED', followUpDone: true });
  });

  it('publishes the consented concluded complaint and not a non-consented one', async () => {
    // A second complaint, concluded without the consumer's consent to publication.
    const other = `网上投诉测试商行${tag}乙`;
    let n = (
      await cityOp<{ registerCase: C }>(
        `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { ${FIELDS} } }`,
        {
          input: {
            kind: 'COMPLAINT',
            channel: 'WEB',
            consumer: { name: '不公示', phone: `136${tag}` },
            respondent: { name: other },
            summary: '买的热水器漏水。',
            flags: { consentPublication: false },
          },
        },
      )
    ).registerCase;
    n = await step(cityOp, 'acceptCase', n);
    n = await step(cityOp, 'dispatchCase', n, { targetType: 'WORKROOM', workroom: 'RIGHTS', mode: 'IMMEDIATE' });
    n = await step(mediator, 'receiveCase', n);
    await step(mediator, 'concludeCase', n, { outcome: 'MEDIATED', agreementText: '换新' });

    await page.goto(`${PUBLIC_URL}gongshi`);
    await page.locator('#kw').fill(`网上投诉测试商行${tag}`);
    await page.getByRole('button', { name: '查找', exact: true }).click();
    await expect.poll(() => page.locator('section.card h2').allTextContents()).toEqual([respondent]);
    const card = await page.locator('section.card').textContent();
    expect(card).toContain('调解成功');
    expect(card).not.toMatch(/王女士|电饭煲|137\d{8}/);
    expect(await page.getByText('共 1 条').count()).toBe(1);
    await readable();
    await page.screenshot({ path: shot(`public-published-${name}`), fullPage: true });
  });

  it('offers the lookup by phone digits and SMS code, answering alike whether or not they match', async () => {
    await page.goto(`${PUBLIC_URL}chaxun?caseNo=${encodeURIComponent(caseNo)}`);
    await page.getByText('用手机号码', { exact: true }).click();
    await page.locator('#phoneLast4').fill(phone.slice(-4));
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect.poll(() => page.locator('p.hint[aria-live]').textContent()).toContain('10 分钟内有效');
    await readable();
    await page.screenshot({ path: shot(`public-lookup-phone-${name}`), fullPage: true });
    // A wrong code is refused next to the form, in words.
    await page.locator('#smsCode').fill('000000');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => page.locator('p.error').textContent()).toBe('案件编号、手机号码后四位或验证码不正确');
  });

  it('lists the published typical cases, finds one by a keyword and opens it', async () => {
    const director = await apiAs('city_director');
    const title = `网购退货维权案${tag}`;
    const { saveTypicalCase: t } = await director<{ saveTypicalCase: { id: string; version: number } }>(
      'mutation($input: SaveTypicalCaseInput!) { saveTypicalCase(input: $input) { id version } }',
      {
        input: {
          title,
          category: '服装鞋帽',
          problemType: 'AFTER_SALES',
          facts: `消费者在网店购买的羽绒服到货后发现有破损，要求七日无理由退货被拒（${tag}）。\n经营者称商品已拆吊牌。`,
          handling: '维权中心调解后，经营者同意退货并承担运费。',
          lesson: '网购商品七日无理由退货是法定权利，收货时请当面验货并保留聊天记录。',
        },
      },
    );
    await director('mutation($id: ID!, $v: Int!) { publishTypicalCase(id: $id, version: $v) { id } }', {
      id: t.id,
      v: t.version,
    });
    await page.goto(PUBLIC_URL);
    await page.getByRole('link', { name: /典型案例/ }).click();
    await page.waitForURL(/\/gongkai\/anli$/);
    await page.locator('#kw').fill(tag);
    await page.getByRole('button', { name: '查找', exact: true }).click();
    await expect.poll(() => page.getByTestId('typical-item').locator('strong').allTextContents()).toEqual([title]);
    expect(await page.getByText('共 1 篇').count()).toBe(1);
    await readable();
    await page.screenshot({ path: shot(`public-typical-list-${name}`), fullPage: true });
    await page.getByTestId('typical-item').first().click();
    await page.getByRole('heading', { name: title }).waitFor();
    const text = await page.locator('article').innerText();
    expect(text).toContain('消费提示');
    expect(text).toContain('经营者称商品已拆吊牌。');
    expect(text).toContain('售后服务');
    expect(text).not.toContain('陈主任');
    await readable();
    await page.screenshot({ path: shot(`public-typical-detail-${name}`), fullPage: true });
  });

  it('shows 服务成效 per unit and month, the figures being the statistics module’s', async () => {
    await page.goto(PUBLIC_URL);
    await page.getByRole('link', { name: /服务成效/ }).click();
    await page.waitForURL(/\/gongkai\/chengxiao$/);
    const kpis = page.getByTestId('kpi');
    await expect.poll(() => kpis.count()).toBe(6);
    await page.locator('#unit').selectOption({ label: '鼓楼区消费者维权中心' });
    const month = await page.locator('#month').inputValue();
    await expect.poll(() => page.locator('p.hint[aria-live]').textContent()).toContain('鼓楼区消费者维权中心');
    expect(await kpis.locator('h2').allTextContents()).toEqual([
      '投诉按时初查率',
      '投诉按时办结率',
      '举报按时核查率',
      '投诉7个工作日办结按时率',
      '调解成功率（占已调解投诉）',
      '满意率',
    ]);
    // The same count the console's month report shows for 鼓楼区 (city_director's kpiMonth).
    const director = await apiAs('city_director');
    const { orgUnits } = await director<{ orgUnits: { id: string; code: string }[] }>('{ orgUnits { id code } }');
    const { kpiMonth } = await director<{ kpiMonth: { frozen: Value[] | null; current: Value[] } }>(
      'query($m: String!, $u: ID) { kpiMonth(month: $m, unitId: $u) { frozen { code denominator } current { code denominator } } }',
      { m: month, u: orgUnits.find((u) => u.code === 'GL')!.id },
    );
    const satisfaction = (kpiMonth.frozen ?? kpiMonth.current).find((v) => v.code === 'SATISFACTION_RATE')!;
    expect(await kpis.last().locator('.kpi__count').textContent()).toContain(
      `回访联系上并作出评价件数 ${satisfaction.denominator ?? 0} 件`,
    );
    await readable();
    await page.screenshot({ path: shot(`public-performance-${name}`), fullPage: true });
  });

  it('shows 办事公开 readably', async () => {
    await page.goto(`${PUBLIC_URL}gongkai`);
    await page.getByRole('heading', { name: '办事公开' }).waitFor();
    await page.waitForLoadState('networkidle');
    await readable();
    await page.screenshot({ path: shot(`public-info-${name}`), fullPage: true });
  });
});
