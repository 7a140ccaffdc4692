import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Where the console is served: the API serves apps/web/dist at / (or the Vite dev server). */
export const WEB_URL = process.env.WEB_URL || 'http://127.0.0.1:3300/';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Screenshots for review (git-ignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));
/** The console's target screen. */
export const VIEWPORT = { width: 1366, height: 768 };

export const DEMO_PASSWORD = 'Weiquan@2026';

/** A GraphQL answer; errors carry the API's code (and the offending field). */
type GqlResponse<T> = { data?: T; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
export type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** A signed-in GraphQL caller for setting up data (the browser tests the UI); errors throw with their codes. */
export async function apiAs(username: string): Promise<Gql> {
  const call = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const res = await fetch(new URL('graphql', WEB_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResponse<T>;
    if (body.errors?.length)
      throw new Error(`${username}: ${body.errors.map((e) => `${e.extensions?.code} ${e.message}`).join('; ')}`);
    return body.data!;
  };
  const { login } = await call<{ login: { accessToken: string } }>(
    'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { username, password: DEMO_PASSWORD } },
  );
  return (query, variables) => call(query, variables, login.accessToken);
}

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Fails fast with a clear message when nothing serves the console. */
export async function assertServerUp(): Promise<void> {
  try {
    const res = await fetch(WEB_URL, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (error) {
    throw new Error(
      `Console not reachable at ${WEB_URL} (${String(error)}). Start the API (it serves apps/web/dist) or set WEB_URL.`,
    );
  }
}

export function shot(name: string): string {
  return `${SCREENSHOT_DIR}${name}.png`;
}

/**
 * A fresh browser context (own localStorage) signed in as `username`, on the dashboard. `injectsScripts`:
 * the test injects a tool (axe-core) as an inline script, which the console's CSP rightly refuses — only
 * such a context bypasses the CSP; every other test runs the console under it.
 */
export async function signIn(
  browser: Browser,
  username: string,
  opts: { injectsScripts?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    bypassCSP: opts.injectsScripts ?? false,
  });
  const page = await context.newPage();
  await page.goto(new URL('login', WEB_URL).href);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  // operators land on the workbench, directors and supervisors on their statistics overview (landingPath)
  await page.waitForURL(/\/(home|stats\/overview)$/);
  await page.locator('[data-testid="dashboard"], [data-testid="stats-overview"]').first().waitFor();
  return { context, page };
}

/**
 * The first row of `table` containing `text`, paging forward with the pagination's next button until it shows
 * (the test database after the Jest run holds many earlier rows, so this run's row need not be on page 1).
 */
export async function rowOnSomePage(page: Page, table: Locator, text: string, maxPages = 50): Promise<Locator> {
  const row = table.locator('.el-table__body tr', { hasText: text }).first();
  for (let i = 0; i < maxPages; i++) {
    await table.locator('.el-loading-mask').waitFor({ state: 'hidden' });
    if (await row.count()) return row;
    const next = page.locator('.el-pagination .btn-next').first();
    if (!(await next.count()) || (await next.isDisabled())) break;
    await next.click();
  }
  await row.waitFor({ timeout: 15_000 });
  return row;
}

/**
 * Waits until a form dialog has opened and put the caret in its first field — what a person waits for
 * before typing. Typing into a dialog still sliding in on a loaded machine raced its opening.
 */
export async function dialogReady(dialog: Locator): Promise<void> {
  await dialog.waitFor();
  await expect
    .poll(() => dialog.evaluate((d) => d !== document.activeElement && d.contains(document.activeElement)), {
      timeout: 10_000,
    })
    .toBe(true);
}

/** Submits a form dialog and waits for it to close; if it does not, the failure shows what the dialog says. */
export async function submitDialog(dialog: Locator, timeout = 30_000): Promise<void> {
  await dialog.getByTestId('form-submit').click();
  // One look at the page per poll (isVisible then innerText would wait its 30 s for a dialog closing in between).
  const shown = (): Promise<string> =>
    dialog.evaluateAll(
      (els) =>
        (els as HTMLElement[]).find((el) => el.checkVisibility({ visibilityProperty: true }))?.innerText ?? 'closed',
    );
  await expect.poll(shown, { timeout }).toBe('closed');
}
