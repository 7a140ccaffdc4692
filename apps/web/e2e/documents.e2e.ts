import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiAs, assertServerUp, launchBrowser, shot, signIn, WEB_URL } from './browser';

// The case page's 文书卷宗 tab with the documents the steps issued (受理决定书 at acceptance, 分送通知书 at
// dispatch) and one issued on demand (投诉登记表): numbered, in Chinese, no raw codes; a screenshot for
// review under artifacts/screenshots/. Another county does not see the case at all.
const RUN = Date.now().toString().slice(-8);

type CaseRef = { id: string; caseNo: string; version: number };
const step = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { id caseNo version } }`;

describe('documents tab (browser)', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  let c: CaseRef;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
    const gl = await apiAs('gl_county');
    c = (
      await gl<{ registerCase: CaseRef }>(step('registerCase', 'RegisterCaseInput'), {
        input: {
          kind: 'COMPLAINT',
          channel: 'PHONE_12315',
          consumer: { name: '陈文书', phone: `139${RUN}`, address: '鼓楼区五四路 1 号' },
          respondent: { name: `E2E文书家电商行${RUN}` },
          summary: '购买的洗衣机运行时漏水，商家拒绝更换。',
          demand: '更换新机',
        },
      })
    ).registerCase;
    c = (
      await gl<{ acceptCase: CaseRef }>(step('acceptCase', 'AcceptCaseInput'), {
        input: { caseId: c.id, version: c.version },
      })
    ).acceptCase;
    await gl('mutation($input: IssueDocumentInput!) { issueDocument(input: $input) { id } }', {
      input: { caseId: c.id, type: 'COMPLAINT_REGISTRATION' },
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('lists the case documents with their numbers and Chinese names', async () => {
    ({ context, page } = await signIn(browser, 'gl_county'));
    await page.goto(new URL(`cases/${c.id}`, WEB_URL).href);
    await page.getByTestId('case-header').waitFor();
    await page.getByRole('tab', { name: '文书卷宗' }).click();
    const panel = page.getByTestId('document-panel');
    await panel.getByText('投诉受理决定书').first().waitFor({ timeout: 30_000 });
    await panel.getByText('投诉登记表').first().waitFor();
    const text = (await panel.innerText()).replace(/\s+/g, '');
    expect(text).toMatch(/诉受〔\d{4}〕第?\d+号/);
    expect(text).toMatch(/诉登〔\d{4}〕第?\d+号/);
    expect(text).not.toMatch(/ACCEPTANCE_DECISION|COMPLAINT_REGISTRATION|acceptCase|FULL|MASKED/);
    await page.screenshot({ path: shot('case-documents-tab'), fullPage: true });
  }, 120_000);

  it('keeps the case away from another county', async () => {
    await context?.close();
    ({ context, page } = await signIn(browser, 'hx_county'));
    await page.goto(new URL(`cases/${c.id}`, WEB_URL).href);
    await expect.poll(() => page.getByTestId('document-panel').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(async () => (await page.locator('body').innerText()).includes(c.caseNo)).toBe(false);
  }, 60_000);

  it('an administrator sets a county center 文书设置: a bad 文号 format is refused at the field, the saved prefix numbers the next decision', async () => {
    await context?.close();
    ({ context, page } = await signIn(browser, 'admin'));
    await page.goto(new URL('admin/org-units', WEB_URL).href);
    const tree = page.getByTestId('org-tree');
    await tree.locator('input').fill('青山县消费者维权中心');
    await tree.locator('.org-tree__name', { hasText: /^青山县消费者维权中心$/ }).click();
    await page.getByTestId('org-document-settings').click();
    const dialog = page.getByTestId('document-settings-dialog');
    const field = (label: string) => dialog.locator('.el-form-item', { hasText: label });
    await expect.poll(() => field('发文机关标志').locator('input').inputValue(), { timeout: 15_000 }).not.toBe('');

    await field('文号格式').locator('input').fill('{prefix}号');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => field('文号格式').locator('.el-form-item__error').innerText(), { timeout: 15_000 })
      .toContain('{seq}');
    await page.screenshot({ path: shot('document-settings-error'), fullPage: true });

    const prefix = `青山测${RUN.slice(-4)}`;
    await field('文号前缀').locator('input').fill(prefix);
    await field('文号格式').locator('input').fill('{prefix}{abbr}〔{year}〕{seq}号');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });

    // The county's next acceptance decision carries the saved prefix and format.
    const qs = await apiAs('qs_county');
    let k = (
      await qs<{ registerCase: CaseRef }>(step('registerCase', 'RegisterCaseInput'), {
        input: {
          kind: 'COMPLAINT',
          channel: 'PHONE_12315',
          consumer: { name: '吴设置', phone: `137${RUN}`, address: '青山县青山镇 2 号' },
          respondent: { name: `E2E文书设置超市${RUN}` },
          summary: '购买的电饭煲内胆涂层脱落，商家拒绝退货。',
          demand: '退货退款',
        },
      })
    ).registerCase;
    k = (
      await qs<{ acceptCase: CaseRef }>(step('acceptCase', 'AcceptCaseInput'), {
        input: { caseId: k.id, version: k.version },
      })
    ).acceptCase;
    const { caseDocuments } = await qs<{ caseDocuments: { type: string; docNo: string | null }[] }>(
      'query($id: ID!) { caseDocuments(caseId: $id) { type docNo } }',
      { id: k.id },
    );
    const decision = caseDocuments.find((d) => d.type === 'ACCEPTANCE_DECISION');
    expect(decision?.docNo).toMatch(new RegExp(`^${prefix}诉受〔\\d{4}〕\\d+号$`));

    // Reopened, the dialog shows what was saved.
    await page.getByTestId('org-document-settings').click();
    await expect.poll(() => field('文号前缀').locator('input').inputValue(), { timeout: 15_000 }).toBe(prefix);
    await page.screenshot({ path: shot('document-settings-saved'), fullPage: true });
  }, 120_000);
});
