import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertServerUp, DEMO_PASSWORD, launchBrowser, shot, VIEWPORT, WEB_URL } from './browser';

// Read-only walk through 用户管理 as the administrator: nothing is created or changed.
describe('user management (browser)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    await page.goto(new URL('login', WEB_URL).href);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/home$/);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('lists users with a total and opens 用户管理 from the menu', async () => {
    await page.getByTestId('side-menu').getByText('系统管理').click();
    await page.getByTestId('side-menu').getByText('用户管理').click();
    await page.waitForURL(/\/admin\/users$/);

    const rows = page.getByTestId('user-table').locator('.el-table__body tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('user-pagination').textContent()).toMatch(/共 \d+ 条/);
    await page.screenshot({ path: shot('admin-users') });
  });

  it('validates the create form before calling the API', async () => {
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-form-dialog').getByTestId('form-submit').click();
    const dialog = page.locator('.el-dialog');
    await expect.poll(() => dialog.locator('.el-form-item__error').count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: shot('admin-users-create-validation') });
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('asks for confirmation before disabling a user, and cancelling changes nothing', async () => {
    const disable = page.getByTestId('user-table').locator('button:not([disabled])', { hasText: '停用' }).first();
    await disable.click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    expect(await box.textContent()).toContain('确定停用用户');
    await page.screenshot({ path: shot('admin-users-disable-confirm') });
    await box.getByRole('button', { name: '取消' }).click();
    await box.waitFor({ state: 'hidden' });
  });
});
