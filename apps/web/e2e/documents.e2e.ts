import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertServerUp, DEMO_PASSWORD, launchBrowser, shot, signIn, WEB_URL } from './browser';

// The case page's 文书卷宗 tab with the documents the steps issued (受理决定书 at acceptance, 分送通知书 at
// dispatch) and one issued on demand (投诉登记表): numbered, in Chinese, no raw codes; a screenshot for
// review under artifacts/screenshots/. Another county does not see the case at all.
const RUN = Date.now().toString().slice(-8);

async function apiAs(username: string) {
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
  return <T>(query: string, variables?: Record<string, unknown>) => call<T>(query, variables, login.accessToken);
}

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
});
