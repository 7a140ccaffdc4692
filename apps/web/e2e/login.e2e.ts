import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertServerUp, DEMO_PASSWORD, launchBrowser, shot, VIEWPORT, WEB_URL } from './browser';

describe('sign-in (browser)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('redirects to sign-in and validates empty fields without calling the API', async () => {
    await page.goto(WEB_URL);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-form').waitFor();

    await page.getByTestId('login-submit').click();

    const errors = page.locator('.el-form-item__error');
    await expect.poll(() => errors.allTextContents()).toEqual(['请输入用户名', '请输入密码']);
    await page.screenshot({ path: shot('login-validation') });
  });

  it('signs in as city_op and shows the workbench', async () => {
    await page.getByTestId('login-username').fill('city_op');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.screenshot({ path: shot('login-filled') });
    await page.getByTestId('login-submit').click();

    await page.waitForURL(/\/home$/);
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('my-queue').waitFor();
    await expect.poll(() => page.getByTestId('stat-queue').textContent()).toMatch(/\d+/);
    await expect.poll(() => page.getByTestId('header-user').textContent()).not.toBe('');
    // city_op is not an administrator: no user management in the menu.
    expect(await page.getByTestId('side-menu').textContent()).not.toContain('用户管理');

    await page.screenshot({ path: shot('home-city-op') });
  });
});
