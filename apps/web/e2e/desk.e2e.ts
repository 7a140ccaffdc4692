import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertServerUp, launchBrowser, shot, signIn, WEB_URL } from './browser';

// The console at the desk (issue 17): labels instead of codes, the materials notice lists exactly
// what was chosen, one overdue figure, the keyboard, the list in the URL, axe-core on the main pages.
// Needs the demo org and demo cases (pnpm seed).
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const RUN = Date.now().toString().slice(-8);

/** camelCase action codes or UPPER_SNAKE enum codes in visible text. */
const RAW_CODE = /\b[a-z]+[A-Z][a-zA-Z]+\b|\b[A-Z]{2,}_[A-Z_]+\b|chinese-days/;

describe('the console at the desk (browser)', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  const warnings: string[] = [];

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function as(username: string, viewport = { width: 1366, height: 768 }): Promise<void> {
    await context?.close();
    ({ context, page } = await signIn(browser, username, { injectsScripts: true }));
    await page.setViewportSize(viewport);
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(`${page.url()} ${m.text()}`);
    });
  }

  async function goto(path: string, testid: string): Promise<void> {
    await page.goto(new URL(path, WEB_URL).href);
    await page.getByTestId(testid).waitFor();
    await page.waitForLoadState('networkidle');
  }

  async function axe(name: string): Promise<void> {
    await page.addScriptTag({ content: AXE_SOURCE });
    const result = await page.evaluate(async () => {
      const r = await (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
        }
      ).axe.run();
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: (v.nodes as { target: string[] }[]).slice(0, 4).map((n) => n.target.join(' ')),
      }));
    });
    const bad = result.filter((v) => v.impact === 'critical' || v.impact === 'serious');
    expect({ page: name, bad }).toEqual({ page: name, bad: [] });
  }

  it('the 已超期 tile counts the same cases as the list it opens', async () => {
    await as('city_op');
    await page.getByTestId('dashboard').locator('.el-loading-mask').waitFor({ state: 'detached' });
    const tile = Number(await page.getByTestId('stat-overdue').locator('.dash__stat-value').textContent());
    // Whatever the data holds (the test database has no demo cases), the list it opens has the same total.
    expect(Number.isInteger(tile)).toBe(true);
    await page.getByTestId('stat-overdue').click();
    await page.waitForURL(/\/cases\?overdue=1/);
    await page.waitForLoadState('networkidle');
    const total = async (): Promise<number> =>
      Number(/(\d+)/.exec((await page.locator('.el-pagination__total').textContent()) ?? '')?.[1]);
    await expect.poll(total).toBe(tile);
    // Due times in red are past ones only.
    const red = await page.locator('.case-list__overdue').allTextContents();
    const now = Date.now();
    for (const at of red.filter(Boolean))
      expect(Date.parse(`${at.trim().replace(/\//g, '-').replace(' ', 'T')}:00+08:00`)).toBeLessThan(now);
  });

  it('the home page asks at most one request per panel and shows no code', async () => {
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && r.method() === 'POST') posts.push(r.postData() ?? '');
    });
    await goto('home', 'dashboard');
    await page.getByTestId('dashboard').locator('.el-loading-mask').waitFor({ state: 'detached' });
    const dashboardOps = posts.filter((p) => /Cases|DueSoon|Overdue|Dashboard|CaseNo|CaseCount/.test(p));
    expect(dashboardOps.length).toBeLessThanOrEqual(5);
    expect(await page.getByTestId('dashboard').innerText()).not.toMatch(RAW_CODE);
    await page.screenshot({ path: shot('desk-home-1366') });
    await axe('home');
  });

  it('Back from a case restores the filtered, paged list', async () => {
    await goto('cases?open=1', 'case-pagination');
    const firstRow = () => page.locator('.el-table__body tr').first().innerText();
    const active = () => page.getByTestId('case-pagination').locator('.el-pager li.is-active').textContent();
    await expect.poll(firstRow).not.toBe('');
    const firstOnPage1 = await firstRow();
    await page.getByTestId('case-pagination').locator('.el-pager li', { hasText: /^2$/ }).click();
    await page.waitForURL(/page=2/);
    // Page 2's rows once they have replaced page 1's (a loaded machine answers late; no fixed wait).
    await expect.poll(firstRow, { timeout: 20_000 }).not.toBe(firstOnPage1);
    await page.waitForLoadState('networkidle');
    const firstOnPage2 = await firstRow();
    await page.screenshot({ path: shot('desk-list-1366') });
    await axe('list');
    await page.locator('.el-table__body tr').first().locator('a').first().click();
    await page.waitForURL(/\/cases\/\d+$/);
    await page.getByTestId('case-header').waitFor();
    await page.goBack();
    await page.waitForURL(/page=2/);
    await expect.poll(firstRow, { timeout: 20_000 }).toBe(firstOnPage2);
    expect(await active()).toBe('2');
  });

  it('Tab reaches every entry of the side menu', async () => {
    await goto('home', 'dashboard');
    const entries = await page.getByTestId('side-menu').locator('.side-menu__focus').count();
    expect(entries).toBeGreaterThan(3);
    const reached = new Set<string>();
    await page.locator('body').click({ position: { x: 700, y: 5 } });
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.closest('[data-testid="side-menu"]') ? (el.textContent ?? '').trim() : null;
      });
      if (!focused) continue;
      reached.add(focused);
      // A closed group opens from the keyboard; its entries then take the next Tab stops.
      if ((await page.evaluate(() => document.activeElement?.tagName)) === 'BUTTON') {
        const open = await page.evaluate(
          () => !!document.activeElement?.closest('.el-sub-menu')?.classList.contains('is-opened'),
        );
        if (!open) await page.keyboard.press('Enter');
      }
    }
    const all = await page.getByTestId('side-menu').locator('.side-menu__focus').allTextContents();
    expect([...reached].sort()).toEqual(all.map((s) => s.trim()).sort());
  });

  it('the case log and the deadline explanation are in Chinese', async () => {
    if (!context) await as('city_op');
    // The first case in progress that has clocks (nearest due first; the test database also holds cases
    // written without any).
    await goto('cases?state=IN_PROGRESS&sort=DUE_ASC', 'case-pagination');
    const panel = page.getByTestId('deadline-panel');
    for (let row = 0; ; row++) {
      expect(row).toBeLessThan(10);
      await page.locator('.el-table__body tr').nth(row).locator('a').first().click();
      await page.getByTestId('case-header').waitFor();
      await panel.locator('.el-empty, .el-collapse-item__header').first().waitFor();
      if (await panel.locator('.el-collapse-item__header').count()) break;
      await page.goBack();
      await page.getByTestId('case-pagination').waitFor();
    }
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: shot('desk-detail-1366') });
    await axe('detail');
    await page.getByText('案件日志', { exact: true }).click();
    expect(await page.getByTestId('case-timeline').innerText()).not.toMatch(RAW_CODE);
    await panel.locator('.el-collapse-item__header').first().click();
    const convention = await panel.getByTestId('deadline-convention').first().innerText();
    expect(convention).toContain('期间开始之日不计算');
    expect(convention).not.toMatch(/[A-Za-z]{4,}/);
    expect(await panel.innerText()).not.toMatch(RAW_CODE);
  });

  it('the materials notice lists exactly the items chosen by keyboard', async () => {
    if (!context) await as('city_op');
    await goto('cases/new', 'register-form');
    await page.screenshot({ path: shot('desk-register-1366') });
    await axe('registration');
    await page.getByTestId('register-phone').fill(`137${RUN}`);
    await page.getByTestId('register-respondent').fill(`E2E告知商行${RUN}`);
    await page.getByTestId('register-summary').fill('购买的电热水器漏水，商家拒绝退换。');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('register-done').waitFor();
    await page.getByTestId('register-open-case').click();
    await page.waitForURL(/\/cases\/\d+$/);
    const caseUrl = page.url();
    await page.getByTestId('case-header').waitFor();

    await page.locator('button[data-action="requestMaterials"]:not([disabled])').click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.waitFor({ state: 'visible' });
    // The dialog opens on its first field: typing goes straight into the items box.
    // At a clerk's pace: each item typed, its suggestions shown, then Enter.
    const typeItem = async (text: string, key: string): Promise<void> => {
      await page.keyboard.type(text, { delay: 60 });
      await page.waitForTimeout(400);
      await page.keyboard.press(key);
      await page.waitForTimeout(200);
    };
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="items-input"]')))
      .toBe(true);
    await typeItem('购物', 'Enter');
    await typeItem('热水器维修单', 'Enter');
    await typeItem('身份', 'Control+Enter');
    await dialog.waitFor({ state: 'hidden' });

    await page.goto(`${caseUrl}/notice`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: shot('desk-materials-notice') });
    const items = page.getByTestId('notice-items');
    await items.waitFor();
    expect(await items.locator('li').allTextContents()).toEqual(['购物凭证（发票、小票、订单截图）', '热水器维修单']);
  });

  it('the calendar page names no package and previews a pasted State Council notice', async () => {
    await as('admin');
    await goto('admin/calendar', 'calendar-page');
    expect(await page.locator('body').innerText()).not.toMatch(/chinese-days|JSON/);
    await page
      .getByTestId('calendar-import-text')
      .fill(
        [
          '国务院办公厅关于2027年部分节假日安排的通知',
          '一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
          '二、春节：2月6日（农历除夕、周六）至14日（农历正月初八、周日）放假调休，共9天。2月20日（周六）上班。',
        ].join('\n'),
      );
    const preview = page.getByTestId('calendar-import-preview');
    await expect.poll(() => preview.innerText()).toContain('2027 年');
    expect(await preview.locator('.el-table__body tr').count()).toBe(3 + 9 + 1);
    expect(await preview.innerText()).toContain('将改变');
    await page.screenshot({ path: shot('desk-calendar-1366') });
  });

  it('signs in without serious accessibility problems and lays out at 1280×720', async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', bypassCSP: true });
    page = await context.newPage();
    await page.goto(new URL('login', WEB_URL).href);
    await page.getByTestId('login-username').waitFor();
    await page.screenshot({ path: shot('desk-login-1280') });
    await axe('sign-in');
    await as('city_op', { width: 1280, height: 720 });
    for (const [path, testid, name] of [
      ['home', 'dashboard', 'home'],
      ['cases', 'case-pagination', 'list'],
      ['cases/new', 'register-form', 'register'],
    ] as const) {
      await goto(path, testid);
      await page.screenshot({ path: shot(`desk-${name}-1280`) });
      // No sideways scrolling at 1280 wide.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
  });

  it('logged no missing-translation warning on any page', () => {
    expect(warnings.filter((w) => /intlify|Not found '.*' key/.test(w))).toEqual([]);
  });
});
