import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertServerUp, launchBrowser, shot, signIn, WEB_URL } from './browser';

// 办事公开 kept in the console (#16): gl_county sets 鼓东街道站's office hours and puts a person on its
// staff board; the public site (phone size) finds the station by district with both. A message left in
// the 意见箱 on the phone reaches city_director's 意见箱 list, who answers it.
const RUN = Date.now().toString().slice(-6);

describe('办事公开 from the console to the public site (browser)', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  const hours = `周一至周五 8:30-17:30（${RUN}）`;
  const person = `林晓${RUN}`;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('gl_county maintains a station’s hours and staff board', async () => {
    ({ context, page } = await signIn(browser, 'gl_county'));
    await page.getByTestId('side-menu').getByText('办事公开', { exact: true }).click();
    await page.waitForURL(/\/public-board$/);
    await page.getByTestId('public-board-unit').first().click();
    await page.keyboard.type('鼓东街道');
    await page
      .locator('.el-tree-select__popper .el-tree-node__content:visible', { hasText: '鼓东街道消费维权服务站' })
      .first()
      .click();
    await page.getByTestId('public-board-hours').fill(hours);
    await page.getByTestId('public-board-phone').fill('12');
    await page.getByTestId('public-board-save-point').click();
    // The server's refusal sits next to the phone field.
    await expect
      .poll(() => page.locator('.el-form-item__error').allTextContents())
      .toContain('电话号码格式不正确（手机号11位，或区号-座机号）');
    await page.getByTestId('public-board-phone').fill('0591-87654321');
    await page.getByTestId('public-board-save-point').click();
    await page.getByText('已保存，网站一分钟内更新').waitFor();

    await page.getByTestId('public-board-add').click();
    const dialog = page.getByTestId('staff-card-dialog');
    await dialog.waitFor();
    await page.getByTestId('staff-card-name').fill(person);
    await page.getByTestId('staff-card-post').fill('站点工作人员');
    await page.getByTestId('staff-card-work-no').fill('GL-0101');
    await dialog.getByTestId('form-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('public-board-table').getByText(person).waitFor();
    await page.screenshot({ path: shot('public-board-console') });
  });

  it('the public site shows the hours and the board, found by district', async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' });
    page = await context.newPage();
    await page.goto(new URL('gongkai/gongkai', WEB_URL).href);
    await page.locator('#kw').fill('鼓楼');
    await page.getByRole('button', { name: '查找', exact: true }).first().click();
    const station = page.locator('li', { hasText: '鼓东街道消费维权服务站' }).first();
    await expect.poll(() => station.textContent()).toContain(hours);
    await station.locator('summary').click();
    expect(await station.textContent()).toContain(`${person} · 站点工作人员 · 工号 GL-0101`);
    await station.screenshot({ path: shot('public-board-site-phone') });
  });

  it('a 意见箱 message from the phone is answered by the city director in the console', async () => {
    const message = `建议周末也开放窗口（${RUN}）`;
    await page.locator('#content').fill(message);
    await page.locator('section', { hasText: '意见箱' }).getByRole('button', { name: '提交' }).click();
    await page.getByText('感谢您的意见，已送达中心负责人。').waitFor();
    await context?.close();
    ({ context, page } = await signIn(browser, 'city_director'));
    await page.getByTestId('side-menu').getByText('意见箱', { exact: true }).click();
    await page.waitForURL(/\/suggestions/);
    const row = page.getByTestId('suggestion-table').locator('tr', { hasText: message });
    await row.waitFor();
    expect(await row.textContent()).toContain('待答复');
    await page.screenshot({ path: shot('public-suggestions-console') });
    await row.getByRole('button', { name: '答复' }).click();
    const dialog = page.getByTestId('answer-suggestion-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('form-submit').click();
    await expect.poll(() => dialog.locator('.el-form-item__error').allTextContents()).toContain('请填写答复或办理情况');
    await page.getByTestId('answer-note').fill('已安排周六上午开放受理窗口');
    await dialog.getByTestId('form-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    // Answered items leave the 待答复 list; under 已答复 the answer shows with who gave it.
    await expect.poll(() => page.getByTestId('suggestion-table').locator('tr', { hasText: message }).count()).toBe(0);
    await page.getByTestId('suggestion-status').getByText('已答复').click();
    const done = page.getByTestId('suggestion-table').locator('tr', { hasText: message });
    await done.waitFor();
    expect(await done.textContent()).toContain('已安排周六上午开放受理窗口');
  });
});
