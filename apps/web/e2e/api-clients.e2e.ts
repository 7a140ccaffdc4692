import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertServerUp, launchBrowser, rowOnSomePage, shot, signIn, WEB_URL } from './browser';

// 接口客户端 as the administrator: create a client and see its key once, call /graphql with it, add a
// status-callback endpoint (its secret once), see the delivery a transfer produced (no worker runs here,
// so it stays 待推送) and queue it again, then revoke the key after confirming — and the key stops working.
const GRAPHQL = new URL('graphql', WEB_URL).href;
const NAME = `联调热线${Date.now() % 100000}`;
// Enum values and English a user must never see.
const RAW = /\b(PENDING|DELIVERED|FAILED|REGISTERED|TRANSFER_[A-Z0-9]+|TRANSFER_READ|CASE_READ|CASE_UNMASK|ORG_READ)\b/;

async function callWithKey(key: string, query: string, variables?: object) {
  const res = await fetch(GRAPHQL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `ApiKey ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
}

describe('接口客户端 (browser)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let key = '';
  const warnings: string[] = [];

  const bodyText = () => page.locator('body').innerText();
  const toast = (text: string) => page.locator('.el-message', { hasText: text }).first().waitFor();

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
    ({ context, page } = await signIn(browser, 'admin'));
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(`${page.url()} ${m.text()}`);
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(WEB_URL).origin });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('opens 接口客户端 from the admin menu: a paged list with its total, in Chinese', async () => {
    await page.getByTestId('side-menu').getByText('系统管理').click();
    await page.getByTestId('side-menu').getByText('接口客户端').click();
    await page.waitForURL(/\/admin\/api-clients$/);
    const table = page.getByTestId('api-client-table');
    await rowOnSomePage(page, table, '12345政务服务便民热线');
    await expect.poll(() => page.getByTestId('api-client-table-pagination').textContent()).toMatch(/共 \d+ 条/);
    expect(await table.textContent()).toContain('12345转办');
    expect(await table.textContent()).toContain('转办登记');
    expect(await bodyText()).not.toMatch(RAW);
    await page.screenshot({ path: shot('api-clients-list') });
  });

  it('checks the create form field by field before calling the API', async () => {
    await page.getByTestId('api-client-create').click();
    const dialog = page.getByTestId('api-client-dialog');
    await dialog.getByTestId('api-client-name').waitFor();
    await dialog.getByTestId('form-submit').click();
    await expect
      .poll(() => dialog.locator('.el-form-item__error').allInnerTexts())
      .toEqual(expect.arrayContaining(['请填写名称', '请选择所属单位']));
    await dialog.getByTestId('api-client-sources').fill('10.0.0.0/99');
    await dialog.getByTestId('form-submit').click();
    await expect
      .poll(() => dialog.locator('.el-form-item__error').allInnerTexts())
      .toContain('来源地址格式不正确：10.0.0.0/99（须为地址或网段，如 10.1.0.0/16）');
    await page.screenshot({ path: shot('api-clients-create-validation') });
  });

  it('creates a client and shows its key once, with a copy button and a warning', async () => {
    const dialog = page.getByTestId('api-client-dialog');
    await dialog.getByTestId('api-client-name').fill(NAME);
    await dialog.getByTestId('api-client-sources').fill('');
    await dialog.getByTestId('api-client-unit').click();
    await page.keyboard.type('鼓楼区');
    await page
      .locator('.el-tree-select__popper .el-tree-node__content:visible', { hasText: '鼓楼区消费者维权中心' })
      .first()
      .click();
    await dialog.getByTestId('form-submit').click();

    const once = page.getByTestId('api-key-once-dialog');
    await once.waitFor();
    key = await once.getByTestId('secret-once-value').inputValue();
    expect(key).toMatch(/^wq_[A-Za-z0-9]+_[A-Za-z0-9]{16,}$/);
    expect(await once.getByTestId('secret-once-warning').textContent()).toContain('关闭此窗口后将无法再次查看');
    await once.getByTestId('secret-once-copy').click();
    await toast('已复制到剪贴板');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await page.screenshot({ path: shot('api-clients-key-once') });

    await once.getByTestId('secret-once-done').click();
    await once.waitFor({ state: 'hidden' });
    const row = page.getByTestId('api-client-table').locator('.el-table__body tr', { hasText: NAME }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('鼓楼区消费者维权中心');
    expect(await row.textContent()).toContain('1 个有效 / 共 1 个');
    // Shown once: the key is nowhere on the page any more (only its prefix).
    expect(await page.content()).not.toContain(key);
    // The row's keys: by prefix, with issue and last-use times.
    await row.locator('.el-table__expand-icon').click();
    const keys = page.getByTestId('api-client-table').getByTestId('api-key-table').first();
    await keys.waitFor();
    expect(await keys.textContent()).toContain(key.split('_')[1]!);
    expect(await keys.textContent()).toContain('未使用');
    await page.screenshot({ path: shot('api-clients-list-keys') });
  });

  it('the key works against /graphql with the Authorization: ApiKey header', async () => {
    const ok = await callWithKey(key, '{ transfers { total } }');
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toEqual({ transfers: { total: 0 } });
    // Least privilege: the default grants do not include reading cases.
    const denied = await callWithKey(key, '{ cases { total } }');
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('adds a status-callback endpoint; its signing secret is shown once', async () => {
    const row = page.getByTestId('api-client-table').locator('.el-table__body tr', { hasText: NAME }).first();
    await row.getByTestId('api-client-manage').click();
    await page.waitForURL(/\/admin\/api-clients\/\d+$/);
    await expect.poll(() => page.getByTestId('api-client-detail-title').textContent()).toContain(NAME);
    expect(await page.getByTestId('api-client-detail').textContent()).toContain('查询本系统转办的案件');
    await page.screenshot({ path: shot('api-clients-detail') });

    await page.getByTestId('webhook-endpoint-add').click();
    const dialog = page.getByTestId('webhook-endpoint-dialog');
    await dialog.getByTestId('webhook-endpoint-url').fill('ftp:/nowhere');
    await dialog.getByTestId('form-submit').click();
    await expect
      .poll(() => dialog.locator('.el-form-item__error').allInnerTexts())
      .toContain('推送地址格式不正确，须为含协议头的完整网址');
    await dialog.getByTestId('webhook-endpoint-url').fill('http://127.0.0.1:9/weiquan-hook');
    expect(await dialog.getByTestId('webhook-endpoint-events').textContent()).toContain('已受理');
    await page.screenshot({ path: shot('api-clients-endpoint-dialog') });
    // Keyboard: Ctrl+Enter saves, as in every dialog of the console.
    await dialog.getByTestId('webhook-endpoint-url').press('Control+Enter');

    const once = page.getByTestId('webhook-secret-once-dialog');
    await once.waitFor();
    const secret = await once.getByTestId('secret-once-value').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.screenshot({ path: shot('api-clients-endpoint-secret-once') });
    await once.getByTestId('secret-once-done').click();
    await once.waitFor({ state: 'hidden' });
    expect(await page.content()).not.toContain(secret);
    const endpoints = page.getByTestId('webhook-endpoint-table');
    await endpoints.getByText('http://127.0.0.1:9/weiquan-hook').waitFor();
    expect(await endpoints.textContent()).toContain('启用');
  });

  it('a transfer by the client shows in the delivery log, pending; replay (one, and since a time) queues it', async () => {
    const transfer = await callWithKey(
      key,
      'mutation($i: TransferCaseInput!) { transferCase(input: $i) { created transfer { caseNo } } }',
      {
        i: {
          externalRef: `GD-E2E-${Date.now()}`,
          kind: 'COMPLAINT',
          consumer: { name: '李四', phone: `139${String(Date.now()).slice(-8)}` },
          respondent: { name: '某某电器有限公司' },
          summary: '购买的空调三天后不制冷，商家拒绝退换。',
          demand: '退货退款',
        },
      },
    );
    expect(transfer.errors).toBeUndefined();

    await page.getByTestId('webhook-endpoint-deliveries').first().click();
    const log = page.getByTestId('webhook-delivery-table');
    const first = log.locator('.el-table__body tr.el-table__row').first();
    await first.waitFor();
    await expect.poll(() => first.textContent()).toContain('已登记');
    expect(await first.textContent()).toContain('待推送');
    // the case is named by its number, as operators know it
    const { caseNo } = (transfer.data?.transferCase as { transfer: { caseNo: string } }).transfer;
    expect(await first.textContent()).toContain(caseNo);
    await expect.poll(() => page.getByTestId('webhook-delivery-table-pagination').textContent()).toMatch(/共 1 条/);
    await first.locator('.el-table__expand-icon').click();
    await page.getByTestId('webhook-attempt-table').getByText('尚未尝试推送').waitFor();
    expect(await bodyText()).not.toMatch(RAW);
    await page.screenshot({ path: shot('api-clients-delivery-log') });

    // Filter by status: nothing delivered yet (no worker runs in this test).
    await page.getByTestId('webhook-delivery-status').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '已送达' }).click();
    await page.getByTestId('webhook-delivery-card').getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByTestId('webhook-delivery-table-pagination').textContent()).toMatch(/共 0 条/);
    await page.getByTestId('webhook-delivery-status').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '全部状态' }).click();
    await page.getByTestId('webhook-delivery-card').getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByTestId('webhook-delivery-table-pagination').textContent()).toMatch(/共 1 条/);

    await log.getByTestId('webhook-delivery-replay').first().click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    expect(await box.textContent()).toContain('确定重新推送这条记录吗');
    await box.getByRole('button', { name: '重新推送' }).click();
    await toast('已加入推送队列');

    const picker = page.getByTestId('webhook-replay-since').locator('input');
    await picker.click();
    await picker.fill('2026-01-01 00:00');
    await picker.press('Enter');
    await page.getByTestId('webhook-replay-since-submit').click();
    await box.waitFor();
    expect(await box.textContent()).toContain('2026/01/01 00:00 以来该地址的全部记录');
    await page.screenshot({ path: shot('api-clients-replay-since-confirm') });
    await box.getByRole('button', { name: '补推此后全部' }).click();
    await toast('已将 1 条推送加入队列');
    await page.screenshot({ path: shot('api-clients-replay-since-done') });
  });

  it('disables and re-enables an endpoint, asking before it disables', async () => {
    const endpoints = page.getByTestId('webhook-endpoint-table');
    await endpoints.getByTestId('webhook-endpoint-disable').click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    expect(await box.textContent()).toContain('确定停用推送地址 http://127.0.0.1:9/weiquan-hook 吗？');
    await box.getByRole('button', { name: '停用' }).click();
    await toast('已停用推送地址');
    await expect.poll(() => endpoints.textContent()).toContain('已停用');
    await endpoints.getByTestId('webhook-endpoint-enable').click();
    await toast('已重新启用推送地址');
    await endpoints.getByTestId('webhook-endpoint-disable').waitFor();
  });

  it('rotates: a second key works beside the first; the first is revoked after confirming and stops at once', async () => {
    const prefix = key.split('_')[1]!;
    await page.getByTestId('api-client-detail-issue').click();
    const prompt = page.locator('.el-message-box');
    await prompt.waitFor();
    await prompt.locator('input').fill('轮换');
    await prompt.getByRole('button', { name: '确定' }).click();
    const once = page.getByTestId('api-key-once-dialog');
    await once.waitFor();
    const second = await once.getByTestId('secret-once-value').inputValue();
    expect(second).not.toBe(key);
    await once.getByTestId('secret-once-done').click();
    await once.waitFor({ state: 'hidden' });
    expect((await callWithKey(second, '{ transfers { total } }')).errors).toBeUndefined();
    expect((await callWithKey(key, '{ transfers { total } }')).errors).toBeUndefined();

    const keys = page.getByTestId('api-key-table');
    const revoke = keys.locator('tr', { hasText: prefix }).getByTestId('api-key-revoke');
    await revoke.click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    expect(await box.textContent()).toContain(`确定吊销密钥 ${prefix} 吗？`);
    await page.screenshot({ path: shot('api-clients-revoke-confirm') });
    await box.getByRole('button', { name: '取消' }).click();
    await box.waitFor({ state: 'hidden' });
    expect((await callWithKey(key, '{ transfers { total } }')).errors).toBeUndefined();

    await revoke.click();
    await box.waitFor();
    await box.getByRole('button', { name: '吊销' }).click();
    await toast(`已吊销密钥 ${prefix}`);
    await expect.poll(() => keys.locator('tr', { hasText: prefix }).textContent()).toContain('已吊销');
    const refused = await callWithKey(key, '{ transfers { total } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The transfer made with the first key is visible with the second: same client.
    expect((await callWithKey(second, '{ transfers { total } }')).data).toEqual({ transfers: { total: 1 } });
    expect(await bodyText()).not.toMatch(RAW);
    await page.screenshot({ path: shot('api-clients-revoked') });
  });

  it('logged no warning or error in the browser console (missing labels, failed requests)', () => {
    expect(warnings).toEqual([]);
  });
});
