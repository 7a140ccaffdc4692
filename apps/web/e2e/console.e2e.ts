import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiAs, assertServerUp, DEMO_PASSWORD, launchBrowser, shot, signIn, WEB_URL } from './browser';

// The console's shared pieces and the desk's keyboard, layout, validation and session (issue 17,
// items 4, 6, 7, 9, 12 and the missing-translation check on every page). Needs the demo org (pnpm seed).
const RUN = Date.now().toString().slice(-8);
const MISSING_TRANSLATION = /intlify|Not found '.*' key|Fall back to translate/;

describe('the console: shared pieces, keyboard, layout, session (browser)', () => {
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
    ({ context, page } = await signIn(browser, username));
    await page.setViewportSize(viewport);
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(`${page.url()} ${m.text()}`);
    });
  }

  async function goto(path: string, testid: string): Promise<void> {
    await page.goto(new URL(path, WEB_URL).href);
    await page.getByTestId(testid).first().waitFor();
    await page.waitForLoadState('networkidle');
  }

  const noSidewaysScroll = (): Promise<boolean> =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  /** The element lies wholly inside the viewport (not cut off, not below the fold). */
  const inView = (testid: string): Promise<boolean> =>
    page.getByTestId(testid).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
    });

  it('every list is the one paged table: total in the footer, labelled pager, page size kept in the URL', async () => {
    await as('city_op');
    for (const [path, testid] of [
      ['supervisions', 'supervision-table'],
      ['notifications', 'notification-table'],
      ['cases', 'case-table'],
    ] as const) {
      await goto(path, testid);
      const root = page.locator('.paged-table').first();
      expect(await root.locator('.el-pagination__total').innerText()).toMatch(/^共 \d+ 条$/);
      expect(await root.locator('.el-pagination__sizes input').getAttribute('aria-label')).toBe('每页条数');
    }
    // Page size 10 on the notifications goes into the URL; a reload (or Back) keeps it.
    await goto('notifications', 'notification-table');
    await page.locator('.el-pagination__sizes .el-select').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '10条/页' }).click();
    await page.waitForURL(/size=10/);
    await page.reload();
    await page.getByTestId('notification-table').waitFor();
    expect(await page.locator('.el-pagination__sizes').innerText()).toContain('10');

    // A workroom panel keeps its state under its own prefix, beside ?tab=.
    await as('city_legal');
    await goto('workrooms/legal?tab=volunteers', 'volunteer-table');
    await page.locator('.el-pagination__sizes .el-select').first().click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '50条/页' }).click();
    await page.waitForURL(/volunteer\.size=50/);
    expect(page.url()).toContain('tab=volunteers');
    await page.screenshot({ path: shot('console-volunteers-1366') });
  }, 180_000);

  it('dialogs open on their first field, Enter moves on, Esc closes', async () => {
    await as('city_legal');
    await goto('workrooms/legal?tab=volunteers', 'volunteer-table');
    await page.getByTestId('volunteer-create').click();
    const dialog = page.getByTestId('volunteer-dialog');
    await dialog.waitFor({ state: 'visible' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="volunteer-name"]') != null))
      .toBe(true);
    // Validation waits for the user: nothing red on open.
    expect(await dialog.locator('.el-form-item.is-error').count()).toBe(0);
    await page.keyboard.type('张志愿');
    await page.keyboard.press('Enter');
    // Enter moved to the next field (电话) instead of sending the form.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? null)).toBe('');
    expect(await dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }, 180_000);

  it('registration by keyboard: Enter moves on, the repeat hint takes no Tab stop, Ctrl+Enter sends, the draft survives a new sign-in', async () => {
    await as('city_op');
    await goto('cases/new', 'register-form');
    // A submit button is in view at 1366×768 (the card header's; the one below the form scrolls).
    expect(await inView('register-submit-top')).toBe(true);
    await page.getByTestId('register-phone').click();
    await page.keyboard.type(`139${RUN}`);
    await page.keyboard.press('Enter');
    // Enter moved to 姓名 and sent nothing.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="register-name"]') != null))
      .toBe(true);
    expect(await page.getByTestId('register-done').count()).toBe(0);
    expect(await page.locator('.register-form .el-form-item.is-error').count()).toBe(0);
    await page.keyboard.type('王草稿');
    await page.getByTestId('register-summary').fill(`草稿测试 ${RUN}：洗衣机漏水。`);
    await page.waitForTimeout(600);

    // The session ends (expired, signed out in another tab): after signing in again the draft is back.
    await page.evaluate(() => localStorage.removeItem('weiquan.session'));
    await page.goto(new URL('login', WEB_URL).href);
    await page.getByTestId('login-username').fill('city_op');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/home$/);
    await goto('cases/new', 'register-form');
    await page.getByTestId('register-draft').waitFor();
    expect(await page.getByTestId('register-phone').inputValue()).toBe(`139${RUN}`);
    expect(await page.getByTestId('register-name').inputValue()).toBe('王草稿');

    const links = page.locator('[data-testid="repeat-hint"] a');
    for (const tabindex of await links.evaluateAll((els) => els.map((e) => e.getAttribute('tabindex'))))
      expect(tabindex).toBe('-1');

    await page.getByTestId('register-respondent').fill(`E2E草稿商行${RUN}`);
    await page.getByTestId('register-summary').focus();
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('register-done').waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('weiquan.draft.')))).toEqual(
      [],
    );
  }, 180_000);

  it('不予受理 opens without red; the error shows on submit and clears while typing', async () => {
    await as('city_op');
    await goto('cases/new', 'register-form');
    await page.getByTestId('register-phone').fill(`138${RUN}`);
    await page.getByTestId('register-respondent').fill(`E2E校验商行${RUN}`);
    await page.getByTestId('register-summary').fill('充值卡无法使用。');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('register-open-case').click();
    await page.getByTestId('case-header').waitFor();
    await page.locator('button[data-action="rejectCase"]:not([disabled])').click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.waitFor({ state: 'visible' });
    await page.waitForTimeout(300);
    expect(await dialog.locator('.el-form-item.is-error').count()).toBe(0);
    await page.screenshot({ path: shot('console-reject-open') });
    await dialog.getByTestId('form-submit').click();
    await expect.poll(() => dialog.locator('.el-form-item.is-error').count()).toBeGreaterThan(0);
    // 不予受理理由 is required: its error shows on submit and goes as soon as a ground is chosen.
    const ground = dialog.getByTestId('action-field-ground');
    expect(await ground.getAttribute('class')).toContain('is-error');
    await ground.locator('.el-select').click();
    await page.locator('.el-select-dropdown__item:visible').first().click();
    await expect.poll(() => ground.getAttribute('class')).not.toContain('is-error');
    await page.keyboard.press('Escape');
  }, 180_000);

  it('分流 by keyboard: type a unit name, arrow to it, Enter picks it (announced), Ctrl+Enter dispatches there', async () => {
    type C = { id: string; version: number; state: string; assignedUnitId: string | null };
    const CASE = 'id version state assignedUnitId';
    const op = await apiAs('city_op');
    const { orgUnits } = await op<{ orgUnits: { id: string; code: string; name: string }[] }>(
      '{ orgUnits { id code name } }',
    );
    const station = orgUnits.find((u) => u.code === 'GL-T1')!;
    expect(station.name).toBe('鼓东街道消费维权服务站');
    let c = (
      await op<{ registerCase: C }>(
        `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { ${CASE} } }`,
        {
          input: {
            kind: 'COMPLAINT',
            channel: 'PHONE_12315',
            consumer: { name: '郑键盘', phone: `137${RUN}` },
            respondent: { name: `E2E键盘分流商行${RUN}` },
            summary: `键盘分流测试 ${RUN}：电饭煲加热不均，商家拒绝更换。`,
          },
        },
      )
    ).registerCase;
    c = (
      await op<{ acceptCase: C }>(`mutation($input: AcceptCaseInput!) { acceptCase(input: $input) { ${CASE} } }`, {
        input: { caseId: c.id, version: c.version },
      })
    ).acceptCase;

    await as('city_op');
    await goto(`cases/${c.id}`, 'case-header');
    await page.locator('button[data-action="dispatchCase"]:not([disabled])').click();
    const dialog = page.getByTestId('action-dialog');
    await dialog.waitFor({ state: 'visible' });
    // The dialog opens on the chosen 分流去向 (下级中心或站点); Tab reaches the unit field, nothing red yet.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? null))
      .toBe('UNIT');
    await page.keyboard.press('Tab');
    const filter = page.getByTestId('dispatch-unit').locator('input');
    await expect.poll(() => filter.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown'); // opens the tree; the focus stays in the filter box
    const tree = page.locator('.el-tree-select__popper [role=tree]');
    await tree.waitFor({ state: 'visible' });
    expect(await tree.getAttribute('aria-label')).toBe('下级中心 / 站点');
    expect(await filter.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('鼓东街道');
    // Only the match and its parents stay; Down walks them (市中心 › 鼓楼区中心 › 鼓东街道站).
    const focusedNode = (): Promise<string> =>
      page.evaluate(
        () =>
          document.activeElement?.querySelector(':scope > .el-tree-node__content')?.textContent?.trim() ??
          `(${document.activeElement?.tagName})`,
      );
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedNode).toBe('市消费者维权中心');
    await page.keyboard.press('ArrowDown');
    expect(await focusedNode()).toBe('鼓楼区消费者维权中心');
    await page.keyboard.press('ArrowDown');
    expect(await focusedNode()).toBe('鼓东街道消费维权服务站');
    await page.screenshot({ path: shot('console-dispatch-tree-keyboard') });
    await page.keyboard.press('Enter');
    // The pick is in the field, announced, and the focus is back in the field.
    await expect
      .poll(() => dialog.getByTestId('dispatch-unit').locator('.el-select__wrapper').innerText())
      .toBe('鼓东街道消费维权服务站');
    expect(await page.getByTestId('unit-picked').textContent()).toBe('已选择：鼓东街道消费维权服务站');
    await expect.poll(() => filter.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await dialog.isVisible()).toBe(true);
    // 办理方式 by keyboard: Tab to the group, Space chooses its first option.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.screenshot({ path: shot('console-dispatch-picked') });
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'hidden' });
    const after = (await op<{ case: C }>(`query($id: ID!) { case(id: $id) { ${CASE} } }`, { id: c.id })).case;
    expect(after.assignedUnitId).toBe(station.id);
    expect(after.state).toBe('DISPATCHED');
  }, 180_000);

  it('an expiring session warns a minute before when idle and refreshes silently when active', async () => {
    await as('city_op');
    await page.clock.install();
    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    await page.waitForLoadState('networkidle');
    // Idle for 14 min 10 s of a 15-minute token: the warning.
    await page.clock.fastForward('14:10');
    await page.locator('.session-warning').waitFor();
    await page.screenshot({ path: shot('console-session-warning') });
    const refreshed = page.waitForRequest((r) => /RefreshToken/.test(r.postData() ?? ''));
    await page.locator('.session-warning').click();
    await refreshed;
    await page.locator('.session-warning').waitFor({ state: 'detached' });

    // Working (a key pressed) when the minute comes: renewed without a word.
    await page.keyboard.press('Shift');
    const silent = page.waitForRequest((r) => /RefreshToken/.test(r.postData() ?? ''));
    await page.clock.fastForward('14:10');
    await silent;
    expect(await page.locator('.session-warning').count()).toBe(0);
  }, 180_000);

  /** How far a table's body scrolls sideways (0: every column it shows fits). */
  async function tableOverflow(testid: string): Promise<number> {
    return page
      .getByTestId(testid)
      .locator('.el-table__body-wrapper .el-scrollbar__wrap')
      .first()
      .evaluate((el) => el.scrollWidth - el.clientWidth);
  }

  // Works from 1280×720 up; 1024 wide usable with the menu folded.
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ]) {
    it(`lays out at ${viewport.width}×${viewport.height}: no sideways scroll, 退出登录 and 登记 in view`, async () => {
      await as('city_op', viewport);
      const size = `${viewport.width}`;
      for (const [path, testid, name] of [
        ['home', 'dashboard', 'home'],
        ['cases', 'case-table', 'list'],
        ['supervisions', 'supervision-table', 'supervisions'],
        ['cases/new', 'register-form', 'register'],
      ] as const) {
        await goto(path, testid);
        // Shoot the page as the clerk sees it, not under a loading mask on a busy machine.
        await expect.poll(() => page.locator('.el-loading-mask:visible').count(), { timeout: 30_000 }).toBe(0);
        await page.screenshot({ path: shot(`console-${name}-${size}`) });
        expect({ path, size, ok: await noSidewaysScroll() }).toEqual({ path, size, ok: true });
        expect({ path, size, logout: await inView('logout') }).toEqual({ path, size, logout: true });
      }
      // The home's 我的待办 table fits its card (当前时限 was cut off at 1280 and 1024).
      await goto('home', 'my-queue');
      const overflow = await page
        .getByTestId('my-queue')
        .locator('.el-scrollbar__wrap')
        .first()
        .evaluate((el) => el.scrollWidth - el.clientWidth);
      expect({ size, overflow }).toEqual({ size, overflow: 0 });
      await goto('cases/new', 'register-form');
      // The registration's submit button is in view on the long form.
      expect(await inView('register-submit-top')).toBe(true);
      // A case's detail, opened from the list; no state tag in the list is cut off.
      await goto('cases', 'case-table');
      const clipped = await page
        .getByTestId('case-table')
        .locator('.el-table__body .el-tag')
        .evaluateAll((tags) => tags.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent));
      expect({ size, clipped }).toEqual({ size, clipped: [] });
      // Below 1200 px the secondary columns (渠道, 收到时间) give way: the case table needs no sideways scroll.
      if (viewport.width < 1200)
        expect({ size, overflow: await tableOverflow('case-table') }).toEqual({ size, overflow: 0 });
      await page.getByTestId('case-table').locator('.el-table__body a.wr-link, .el-table__body a').first().click();
      await page.getByTestId('case-header').waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: shot(`console-detail-${size}`) });
      expect({ path: 'detail', size, ok: await noSidewaysScroll() }).toEqual({ path: 'detail', size, ok: true });
      expect({ path: 'detail', size, logout: await inView('logout') }).toEqual({ path: 'detail', size, logout: true });
      const aside = await page.locator('.basic-layout__aside').evaluate((el) => el.getBoundingClientRect().width);
      if (viewport.width < 1200) expect(aside).toBeLessThanOrEqual(64);
      else expect(aside).toBeGreaterThan(64);
      // The supervision target column is on screen.
      await goto('supervisions', 'supervision-table');
      const box = await page.locator('.el-table__header th', { hasText: '被督办单位' }).first().boundingBox();
      expect(box && box.x + box.width <= viewport.width).toBe(true);

      // A workroom page: the shared work-queue table fits, its action column stays on screen.
      await as('city_mediator', viewport);
      await goto('workrooms/mediation', 'mediation-queue');
      await page.screenshot({ path: shot(`console-workroom-${size}`) });
      expect({ path: 'workroom', size, ok: await noSidewaysScroll() }).toEqual({ path: 'workroom', size, ok: true });
      expect({ path: 'workroom', size, logout: await inView('logout') }).toEqual({
        path: 'workroom',
        size,
        logout: true,
      });
      const actions = await page
        .getByTestId('mediation-queue')
        .locator('.el-table__header th', { hasText: '操作' })
        .first()
        .boundingBox();
      expect(actions && actions.x + actions.width <= viewport.width).toBe(true);
      if (viewport.width < 1200)
        expect({ size, overflow: await tableOverflow('mediation-queue') }).toEqual({ size, overflow: 0 });
    }, 300_000);
  }

  it('no page logs a missing-translation warning', async () => {
    const pagesOf: Record<string, [string, string][]> = {
      city_op: [
        ['home', 'dashboard'],
        ['cases', 'case-table'],
        ['cases/new', 'register-form'],
        ['notifications', 'notification-table'],
        ['supervisions', 'supervision-table'],
        ['violations', 'violations'],
      ],
      admin: [
        ['admin/users', 'user-table'],
        ['admin/calendar', 'calendar-page'],
        ['admin/org-units', 'org-admin'],
        ['admin/rule-sets', 'side-menu'],
      ],
      city_legal: [['workrooms/legal', 'legal-queue']],
      city_mediator: [['workrooms/mediation', 'mediation-queue']],
      city_coord: [['workrooms/litigation-link', 'link-queue']],
    };
    for (const [user, pages] of Object.entries(pagesOf)) {
      await as(user);
      for (const [path, testid] of pages) {
        await goto(path, testid);
        // Every tab of a workroom page, and a case's detail from the list.
        for (const tab of await page.locator('.el-tabs__item').all()) {
          await tab.click();
          await page.waitForLoadState('networkidle');
        }
        if (path === 'cases') {
          await page.locator('.el-table__body tr a').first().click();
          await page.getByTestId('case-header').waitFor();
          await page.waitForLoadState('networkidle');
        }
      }
    }
    expect(warnings.filter((w) => MISSING_TRANSLATION.test(w))).toEqual([]);
  }, 480_000);
});
