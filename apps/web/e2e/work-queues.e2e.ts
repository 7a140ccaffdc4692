import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  apiAs,
  assertServerUp,
  dialogReady,
  launchBrowser,
  rowOnSomePage,
  shot,
  signIn,
  submitDialog,
  WEB_URL,
} from './browser';

// 我的待办 in the browser: a case gl_county dispatches to the 鼓东街道 station appears in that station's
// 待签收 with the count in the menu (the station never knew its number); the 更正 dialog on a case; the
// administrator's 审计日志 with filters in the URL. Cases are set up through the API, unique per run.
const RUN = Date.now().toString().slice(-8);
const SUMMARY = `E2E待签收测试${RUN}：购买的冰箱漏水，商家拒绝维修。`;

const CASE = 'id version caseNo';
const REGISTER = `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { ${CASE} } }`;
const ACCEPT = `mutation($input: AcceptCaseInput!) { acceptCase(input: $input) { ${CASE} } }`;
const DISPATCH = `mutation($input: DispatchCaseInput!) { dispatchCase(input: $input) { ${CASE} } }`;
type C = { id: string; version: number; caseNo: string };

describe('work queues (browser)', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let dispatched: C;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
    const gl = await apiAs('gl_county');
    const { orgUnits } = await gl<{ orgUnits: { id: string; code: string }[] }>('{ orgUnits { id code } }');
    const station = orgUnits.find((u) => u.code === 'GL-T1')!;
    let c = (
      await gl<{ registerCase: C }>(REGISTER, {
        input: {
          kind: 'COMPLAINT',
          channel: 'PHONE_12315',
          consumer: { name: '周八', phone: `139${RUN}`, address: '鼓楼区东街 8 号' },
          respondent: { name: `E2E电器${RUN}` },
          summary: SUMMARY,
          flags: { groupComplaint: true },
        },
      })
    ).registerCase;
    c = (await gl<{ acceptCase: C }>(ACCEPT, { input: { caseId: c.id, version: c.version } })).acceptCase;
    dispatched = (
      await gl<{ dispatchCase: C }>(DISPATCH, {
        input: { caseId: c.id, version: c.version, targetType: 'UNIT', unitId: station.id, mode: 'ON_BEHALF' },
      })
    ).dispatchCase;
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('a case dispatched to a station is in its 待签收, with the count in the menu and on the home page', async () => {
    const { context, page } = await signIn(browser, 'gl_station');
    contexts.push(context);
    const menuCount = page.getByTestId('menu-count-receive');
    await page.getByTestId('side-menu').getByText('我的待办').first().click();
    await expect.poll(async () => Number((await menuCount.textContent()) ?? 0), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('my-queue-receive').textContent()).toMatch(/[1-9]\d*\s*待签收/);
    await page.getByTestId('my-queue-receive').click();
    await page.waitForURL(/\/queues\/receive/);
    await page.getByTestId('queue-RECEIVE').waitFor();
    // Least time left first: page through until this run's case shows.
    const row = (await rowOnSomePage(page, page.getByTestId('queue-table'), dispatched.caseNo)).getByText(
      dispatched.caseNo,
    );
    expect(await page.getByTestId('queue-total').textContent()).toMatch(/共 \d+ 件/);
    expect(await page.getByTestId('side-menu').textContent()).toContain('待签收');
    await page.screenshot({ path: shot('queue-receive-station') });
    await row.click();
    await page.waitForURL(new RegExp(`/cases/${dispatched.id}$`));
  });

  it('the 更正 dialog on a case changes details and shows them on the timeline', async () => {
    const { context, page } = await signIn(browser, 'gl_county');
    contexts.push(context);
    await page.goto(new URL(`cases/${dispatched.id}`, WEB_URL).href);
    await page.getByRole('button', { name: '更正' }).click();
    const dialog = page.getByTestId('action-dialog');
    await dialogReady(dialog);
    await dialog.getByRole('radio', { name: '是' }).first().check({ force: true });
    // 投诉问题类别 from the dictionary (a wrong choice at registration is corrected here)
    await dialog.getByTestId('register-problem-type').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '价格' }).click();
    await page.screenshot({ path: shot('correct-dialog') });
    await dialog.getByRole('button', { name: /确定|提交|保存/ }).click();
    // The reason is required: the error sits next to the field and nothing is sent.
    await expect.poll(() => dialog.locator('.el-form-item__error').allTextContents()).toContain('请说明更正理由');
    await dialog.locator('textarea').last().fill('来电核实为重大紧急事项');
    await submitDialog(dialog);
    await page
      .getByRole('tab', { name: /日志|办理记录|时间线/ })
      .click()
      .catch(() => undefined);
    await expect.poll(() => page.getByTestId('timeline-changes').first().textContent()).toContain('重大紧急');
    const changes = (await page.getByTestId('timeline-changes').first().textContent()) ?? '';
    expect(changes).toContain('投诉问题类别');
    expect(changes).toContain('价格');
    expect(changes).not.toContain('PRICE');
    await page.screenshot({ path: shot('correct-timeline') });
  });

  it('a station asks to suspend for investigation; the county director finds it in 待审批 and approves it', async () => {
    const gl = await apiAs('gl_county');
    const station = await apiAs('gl_station');
    const { orgUnits } = await gl<{ orgUnits: { id: string; code: string }[] }>('{ orgUnits { id code } }');
    let c = (
      await gl<{ registerCase: C }>(REGISTER, {
        input: {
          kind: 'COMPLAINT',
          channel: 'PHONE_12315',
          consumer: { name: '吴九', phone: `138${RUN}`, address: '鼓楼区东街 9 号' },
          respondent: { name: `E2E商场${RUN}` },
          summary: `E2E调查中止${RUN}：商场预付卡无法退款。`,
        },
      })
    ).registerCase;
    c = (await gl<{ acceptCase: C }>(ACCEPT, { input: { caseId: c.id, version: c.version } })).acceptCase;
    const unitId = orgUnits.find((u) => u.code === 'GL-T1')!.id;
    c = (
      await gl<{ dispatchCase: C }>(DISPATCH, {
        input: { caseId: c.id, version: c.version, targetType: 'UNIT', unitId, mode: 'ON_BEHALF' },
      })
    ).dispatchCase;
    await station(`mutation($input: ReceiveCaseInput!) { receiveCase(input: $input) { id } }`, {
      input: { caseId: c.id, version: c.version },
    });

    const asStation = await signIn(browser, 'gl_station');
    contexts.push(asStation.context);
    let page = asStation.page;
    await page.goto(new URL(`cases/${c.id}`, WEB_URL).href);
    await page.getByRole('button', { name: '报批调查中止' }).click();
    let dialog = page.getByTestId('action-dialog');
    await dialogReady(dialog);
    await dialog.locator('textarea').first().fill('需调取商场监控录像核实预付卡售卡记录');
    await page.screenshot({ path: shot('suspension-request') });
    await submitDialog(dialog);

    const asDirector = await signIn(browser, 'gl_director');
    contexts.push(asDirector.context);
    page = asDirector.page;
    await page.goto(new URL('queues/approve', WEB_URL).href);
    const row = (await rowOnSomePage(page, page.getByTestId('queue-table'), c.caseNo)).getByText(c.caseNo);
    await page.screenshot({ path: shot('suspension-approve-queue') });
    await row.click();
    await page.waitForURL(new RegExp(`/cases/${c.id}$`));
    await page.getByRole('button', { name: '审批调查中止' }).click();
    dialog = page.getByTestId('action-dialog');
    await dialogReady(dialog);
    await dialog.getByRole('radio', { name: '批准', exact: true }).check({ force: true });
    await submitDialog(dialog);
    await expect.poll(() => page.getByTestId('case-header').textContent(), { timeout: 15_000 }).toContain('中止');
    await page.screenshot({ path: shot('suspension-approved') });
  });

  it('the administrator searches the 审计日志 with the filter in the URL', async () => {
    const { context, page } = await signIn(browser, 'admin');
    contexts.push(context);
    await page.goto(new URL(`admin/audit?action=case.correct&targetType=case&targetId=${dispatched.id}`, WEB_URL).href);
    await page.getByTestId('audit-page').waitFor();
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain('更正案件信息');
    expect(await table.textContent()).toContain('鼓楼区受理员');
    // the detail reads as Chinese 字段：原值 → 新值, never the stored JSON
    expect(await table.textContent()).toMatch(/更正：\S+：.* → /);
    expect(await table.textContent()).not.toMatch(/[{}"]/);
    expect(await page.getByTestId('audit-pagination').textContent()).toContain('共 1 条');
    await page.goto(new URL('admin/audit', WEB_URL).href);
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).not.toBe('');
    await table.locator('.el-loading-mask').waitFor({ state: 'hidden' });
    await page.screenshot({ path: shot('audit-log') });
  });
});
