import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertServerUp, dialogReady, launchBrowser, shot, signIn, submitDialog, WEB_URL } from './browser';

// 办事公开 kept in the console (#16): gl_county sets 鼓东街道站's office hours and puts a person on its
// staff board; the public site (phone size) finds the station by district with both. A message left in
// the 意见箱 on the phone reaches city_director's 意见箱 list, who answers it.
const RUN = Date.now().toString().slice(-6);
// A real 1×1 PNG (the server checks the bytes against the type).
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

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
    await dialogReady(dialog);
    await page.getByTestId('staff-card-name').fill(person);
    await page.getByTestId('staff-card-post').fill('站点工作人员');
    await page.getByTestId('staff-card-work-no').fill('GL-0101');
    await submitDialog(dialog);
    const row = page.getByTestId('public-board-table').locator('tr', { hasText: person });
    await row.waitFor();
    // A photo: a GIF is refused right under the photo column, a PNG shows as the thumbnail.
    const input = row.getByTestId('staff-photo-input');
    await input.setInputFiles({ name: '工作照.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await expect.poll(() => row.getByRole('alert').textContent()).toBe('照片只能是 JPG 或 PNG 图片');
    await input.setInputFiles({ name: '工作照.png', mimeType: 'image/png', buffer: PHOTO });
    await row.locator(`img[alt="${person}的照片"]`).waitFor();
    expect(await row.getByRole('alert').count()).toBe(0);
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
    const photo = station.locator(`img[alt="${person}的照片"]`);
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
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
    await dialogReady(dialog);
    await dialog.getByTestId('form-submit').click();
    await expect.poll(() => dialog.locator('.el-form-item__error').allTextContents()).toContain('请填写答复或办理情况');
    await page.getByTestId('answer-note').fill('已安排周六上午开放受理窗口');
    await submitDialog(dialog);
    // Answered items leave the 待答复 list; under 已答复 the answer shows with who gave it.
    await expect.poll(() => page.getByTestId('suggestion-table').locator('tr', { hasText: message }).count()).toBe(0);
    await page.getByTestId('suggestion-status').getByText('已答复').click();
    const done = page.getByTestId('suggestion-table').locator('tr', { hasText: message });
    await done.waitFor();
    expect(await done.textContent()).toContain('已安排周六上午开放受理窗口');
  });
});

// 典型案例 (#16): gl_director writes one in the console (the form's errors next to its fields), publishes it
// after a confirmation, the public site (phone size) lists and shows it; withdrawn with a reason, it is gone.
describe('典型案例 from the console to the public site (browser)', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  const title = `预付卡消费维权案（${RUN}）`;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  const confirmBox = (button: string) =>
    page.locator('.el-message-box:visible').getByRole('button', { name: button, exact: true }).click();

  async function publicSearch(): Promise<Page> {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' });
    const p = await phone.newPage();
    await p.goto(new URL('gongkai/anli', WEB_URL).href);
    await p.locator('#kw').fill(RUN);
    await p.getByRole('button', { name: '查找', exact: true }).click();
    await p.waitForLoadState('networkidle');
    return p;
  }

  it('gl_director writes and publishes a typical case; the phone shows it', async () => {
    ({ context, page } = await signIn(browser, 'gl_director'));
    await page.getByTestId('side-menu').getByText('典型案例', { exact: true }).click();
    await page.waitForURL(/\/typical-cases/);
    await page.getByTestId('typical-add').click();
    const dialog = page.getByTestId('typical-case-dialog');
    await dialogReady(dialog);
    await dialog.getByTestId('form-submit').click();
    await expect
      .poll(() => dialog.locator('.el-form-item__error').allTextContents())
      .toEqual(['请填写标题', '请填写基本案情', '请填写处理过程和结果', '请填写消费提示']);
    await page.getByTestId('typical-title').fill(title);
    await page.getByTestId('typical-category').fill('美容美发');
    await page.getByTestId('typical-facts').fill('消费者在某美容店办理 3000 元储值卡，两个月后该店停业。');
    await page.getByTestId('typical-handling').fill('维权中心联系经营者，经调解退还剩余储值金额 2100 元。');
    await page.getByTestId('typical-lesson').fill('办理预付卡应选择信誉良好的经营者，充值金额不宜过大。');
    await page.screenshot({ path: shot('typical-case-form-console') });
    await submitDialog(dialog);
    const row = page.getByTestId('typical-table').locator('tr', { hasText: title });
    await row.waitFor();
    expect(await row.textContent()).toContain('草稿');
    await row.getByTestId('typical-publish').click();
    await confirmBox('发布');
    await expect.poll(() => row.textContent()).toContain('已发布');
    await page.screenshot({ path: shot('typical-cases-console') });

    const site = await publicSearch();
    const item = site.getByTestId('typical-item');
    await expect.poll(() => item.locator('strong').allTextContents()).toEqual([title]);
    expect(await item.textContent()).toContain('鼓楼区消费者维权中心');
    await site.screenshot({ path: shot('typical-site-phone'), fullPage: true });
    await site.context().close();
  });

  it('withdraws it with a reason after a confirmation; the phone no longer shows it', async () => {
    const row = page.getByTestId('typical-table').locator('tr', { hasText: title });
    await row.getByTestId('typical-withdraw').click();
    const dialog = page.getByTestId('withdraw-typical-dialog');
    await dialogReady(dialog);
    // No reason: refused next to the field before any confirmation.
    await dialog.getByTestId('form-submit').click();
    await expect.poll(() => dialog.locator('.el-form-item__error').allTextContents()).toEqual(['请说明撤回理由']);
    expect(await page.locator('.el-message-box:visible').count()).toBe(0);
    await page.getByTestId('withdraw-reason').fill('经营者已全额退款，案例需重新撰写');
    await dialog.getByTestId('form-submit').click();
    await confirmBox('撤回');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row.textContent()).toContain('撤回理由：经营者已全额退款，案例需重新撰写');
    expect(await row.textContent()).toContain('已撤回');

    const site = await publicSearch();
    await expect.poll(() => site.getByText('共 0 篇').count()).toBe(1);
    await site.context().close();
  });
});
