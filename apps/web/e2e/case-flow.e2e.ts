import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { assertServerUp, dialogReady, launchBrowser, shot, signIn, submitDialog, WEB_URL } from './browser';

// One complaint through its whole life in the browser, as the people who handle it:
// city_op registers, accepts and dispatches to 鼓东街道消费维权服务站 (GL-T1); gl_station receives,
// records a mediation contact and concludes 调解成功; city_op replies and records an unsatisfied
// follow-up, which opens round 2 (…-R2); hx_county (another county) cannot see the case at all.
// Unique phone/respondent per run: the test database keeps earlier runs' cases.
const RUN = Date.now().toString().slice(-8);
const PHONE = `139${RUN}`;
const RESPONDENT = `E2E测试家电商行${RUN}`;

describe('case lifecycle (browser)', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  let caseId = '';
  let caseNo = '';

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function as(username: string): Promise<void> {
    await context?.close();
    ({ context, page } = await signIn(browser, username));
  }

  async function openCase(): Promise<void> {
    await page.goto(new URL(`cases/${caseId}`, WEB_URL).href);
    await page.getByTestId('case-header').waitFor();
  }

  const state = () => page.getByTestId('case-state').textContent();
  const dialog = (): Locator => page.getByTestId('action-dialog');

  /** Clicks an (enabled) action button, lets `fill` complete the dialog, submits, waits for it to close. */
  async function act(action: string, fill?: (d: Locator) => Promise<void>, screenshot?: string): Promise<void> {
    await page.locator(`button[data-action="${action}"]:not([disabled])`).click();
    const d = dialog();
    await dialogReady(d);
    if (fill) await fill(d);
    if (screenshot) await page.screenshot({ path: shot(screenshot) });
    await submitDialog(d);
  }

  it('city_op registers a complaint through the form', async () => {
    await as('city_op');
    await page.waitForLoadState('networkidle');
    await page.getByTestId('dashboard').locator('.el-loading-mask').waitFor({ state: 'detached' });
    await page.screenshot({ path: shot('dashboard-city-op') });
    await page.getByTestId('side-menu').getByText('登记', { exact: true }).click();
    await page.waitForURL(/\/cases\/new$/);
    const form = page.getByTestId('register-form');
    await form.waitFor();

    // Field validation first, without calling the API.
    await page.getByTestId('register-phone').fill('138-12');
    await page.getByTestId('register-submit').click();
    await expect.poll(() => form.locator('.el-form-item__error').allTextContents()).toContain('请填写事情经过');
    expect(await form.locator('.el-form-item__error').allTextContents()).toContain(
      '电话号码格式不正确（手机号11位，或区号-座机号）',
    );

    await page.getByTestId('register-phone').fill(PHONE);
    await page.getByTestId('register-name').fill('李明');
    await page.getByTestId('register-respondent').fill(RESPONDENT);
    await page.getByTestId('register-summary').fill('2026年在该店购买的空调安装后不制冷，商家拒绝上门维修。');
    await page.getByTestId('register-demand').fill('要求免费维修或退货退款');
    await page.screenshot({ path: shot('case-register-form') });
    await page.getByTestId('register-submit').click();

    await page.getByTestId('register-done').waitFor();
    const text = (await page.getByTestId('register-case-no').textContent()) ?? '';
    caseNo = /案件编号 (\S+?)，/.exec(text)?.[1] ?? '';
    expect(caseNo).not.toBe('');
    await page.screenshot({ path: shot('case-register-done') });

    await page.getByTestId('register-open-case').click();
    await page.waitForURL(/\/cases\/\d+$/);
    caseId = /\/cases\/(\d+)$/.exec(page.url())?.[1] ?? '';
    await page.getByTestId('case-header').waitFor();
    expect(await page.getByTestId('case-no').textContent()).toBe(caseNo);
    expect(await state()).toBe('已登记');
  });

  it('city_op accepts and dispatches it to 鼓东街道消费维权服务站 (代办)', async () => {
    await act('acceptCase');
    await expect.poll(state).toBe('已受理');

    await act(
      'dispatchCase',
      async (d) => {
        await d.getByTestId('dispatch-unit').click();
        await page.keyboard.type('鼓东街道');
        await page
          .locator('.el-tree-select__popper .el-tree-node__content:visible', { hasText: '鼓东街道消费维权服务站' })
          .first()
          .click();
        await d.getByText('代办', { exact: true }).click();
      },
      'case-dispatch-dialog',
    );
    await expect.poll(state).toBe('已分流待签收');
    await page.getByTestId('deadline-panel').waitFor();
    await page.screenshot({ path: shot('case-detail-dispatched') });
  });

  it('gl_station receives and records a mediation contact', async () => {
    await as('gl_station');
    await openCase();
    await act('receiveCase');
    await expect.poll(state).toBe('办理中');

    await act('recordContact', async (d) => {
      await d.getByText('电话', { exact: true }).click();
      await d
        .getByTestId('action-field-content')
        .locator('textarea')
        .fill('电话联系双方，组织调解：商家同意上门维修并赔偿200元。');
    });
    await page.getByText('案件日志', { exact: true }).click();
    await expect.poll(() => page.getByTestId('case-timeline').textContent()).toContain('办理记录');
  });

  it('gl_station uploads evidence (REST with the bearer token) and downloads it again', async () => {
    await page.getByText('证据材料', { exact: true }).click();
    const panel = page.getByTestId('evidence-panel');
    await panel.waitFor();
    await page.getByTestId('evidence-file').setInputFiles({
      name: '调解记录.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('调解记录：商家同意维修并赔偿200元。'),
    });
    await panel.locator('.el-table__body', { hasText: '调解记录.txt' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: '下载' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('调解记录.txt');
    await page.screenshot({ path: shot('case-evidence') });
  });

  it('gl_station concludes 调解成功 (the case then goes back to intake)', async () => {
    await act(
      'concludeCase',
      async (d) => {
        await d.getByText('调解成功', { exact: true }).click();
        await d
          .getByTestId('action-field-agreementText')
          .locator('textarea')
          .fill('商家于三日内上门维修，并赔偿消费者200元。');
        await d.getByTestId('action-field-amountRecovered').locator('input').fill('200');
      },
      'case-conclude-dialog',
    );
    await expect.poll(state).toBe('已办结');
    await page.screenshot({ path: shot('case-detail-concluded-station') });
  });

  it('city_op replies and records an unsatisfied follow-up: a new round …-R2 is opened', async () => {
    await as('city_op');
    await openCase();
    // The consumer's phone is masked; 查看完整信息 asks for a reason (logged) and shows it whole.
    expect(await page.getByTestId('consumer-phone').textContent()).toContain('****');
    await page.getByTestId('unmask').click();
    const box = page.locator('.el-message-box');
    await box.locator('input').fill('回复消费者需要拨打电话');
    await box.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByTestId('consumer-phone').textContent()).toBe(PHONE);

    await act('replyCase', async (d) => {
      await d.getByTestId('action-field-content').locator('textarea').fill('经调解，商家同意上门维修并赔偿200元。');
    });
    await expect.poll(state).toBe('已回复');

    await act('recordFollowUp', async (d) => {
      await d.getByText('已联系上', { exact: true }).click();
      await d.getByText('不满意', { exact: true }).click();
    });
    await expect.poll(state).toBe('已回访');
    const nextRound = page.getByTestId('next-round');
    await nextRound.waitFor();
    await expect.poll(() => nextRound.textContent()).toContain(`${caseNo}-R2`);
    await page.screenshot({ path: shot('case-detail-new-round') });

    await nextRound.getByTestId('next-round-link').click();
    await expect.poll(() => page.getByTestId('case-no').textContent()).toBe(`${caseNo}-R2`);
    expect(await state()).toBe('已登记');
  });

  it('city_op finds the case in the list by case number, phone and respondent', async () => {
    await page.getByTestId('side-menu').getByText('案件列表', { exact: true }).click();
    await page.waitForURL(/\/cases$/);
    await page.getByTestId('case-search-keyword').fill(caseNo);
    await page.getByTestId('case-search-submit').click();
    await expect.poll(() => page.getByTestId('case-pagination').textContent()).toMatch(/共 2 条/);
    await page.screenshot({ path: shot('case-list-search') });
  });

  it('hx_county (another county) cannot find or open the case', async () => {
    await as('hx_county');
    await page.goto(new URL('cases', WEB_URL).href);
    await page.getByTestId('case-table').waitFor();
    await page.getByTestId('case-search-keyword').fill(caseNo);
    await page.getByTestId('case-search-submit').click();
    await expect.poll(() => page.getByTestId('case-pagination').textContent()).toMatch(/共 0 条/);
    expect(await page.getByTestId('case-table').textContent()).toContain('没有符合条件的案件');

    await page.goto(new URL(`cases/${caseId}`, WEB_URL).href);
    await page.getByTestId('case-not-found').waitFor();
    expect(await page.getByTestId('case-not-found').textContent()).toContain('不存在');
    await page.screenshot({ path: shot('case-not-found-hx-county') });
  });

  it('shows the supervision center, violations and messages', async () => {
    await as('city_op');
    for (const [path, testid, name] of [
      ['supervisions', 'supervision-table', 'supervision-center'],
      ['violations', 'violations', 'violations'],
      ['notifications', 'notification-table', 'notifications'],
    ] as const) {
      await page.goto(new URL(path, WEB_URL).href);
      await page.getByTestId(testid).waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: shot(name) });
    }
    await page.getByTestId('notification-bell').waitFor();
  });

  it('shows the calendar to an administrator', async () => {
    await as('admin');
    await page.goto(new URL('admin/calendar', WEB_URL).href);
    await page.getByTestId('calendar-month').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: shot('admin-calendar') });
  });
});
