import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { assertServerUp, DEMO_PASSWORD, launchBrowser, shot, WEB_URL } from './browser';

// #12 items 8 and 9 in the browser: the built console, served by the API under its CSP, loads every main
// page without a single Content-Security-Policy violation (the DOM event and the console message both
// watched), the document carries the security headers the issue lists, and every script and stylesheet
// arrives pre-compressed with the long cache.

interface Violation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

/** The console's main pages, reached as a user does (a full load of each, so each gets the CSP header). */
const PAGES = [
  '/home',
  '/cases',
  '/cases/new',
  '/notifications',
  '/supervisions',
  '/violations',
  '/workrooms/legal',
  '/workrooms/mediation',
  '/workrooms/litigation-link',
  '/admin/users',
  '/admin/calendar',
  '/admin/org-units',
  '/admin/rule-sets',
];

async function firstCaseId(): Promise<string | null> {
  const gql = async (query: string, variables: object, token?: string) => {
    const res = await fetch(new URL('graphql', WEB_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return ((await res.json()) as { data: Record<string, any> }).data;
  };
  const { login } = await gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
    i: { username: 'admin', password: DEMO_PASSWORD },
  });
  const { cases } = await gql('query { cases(page: { limit: 1 }) { items { id } } }', {}, login.accessToken);
  return cases.items[0]?.id ?? null;
}

describe('the console under its Content-Security-Policy (browser)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const violations: Violation[] = [];
  const consoleCsp: string[] = [];
  const assets: { url: string; encoding?: string; cache?: string; size: number; plain: number }[] = [];
  let current = '';

  // Installed before any page script runs (through the DevTools protocol, so the CSP does not apply to it);
  // reports each violation to the test through a binding that survives navigations.
  async function watch(ctx: BrowserContext, p: Page) {
    await ctx.exposeBinding('__reportCspViolation', (_src, v: Omit<Violation, 'page'>) =>
      violations.push({ page: current, ...v }),
    );
    await ctx.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __reportCspViolation: (v: object) => void }).__reportCspViolation({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
          sample: e.sample,
        });
      });
    });
    p.on('console', (m) => {
      if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text()))
        consoleCsp.push(`${current}: ${m.text()}`);
    });
    p.on('response', async (r: Response) => {
      if (!/\/assets\/.+\.(js|css)$/.test(new URL(r.url()).pathname)) return;
      try {
        const h = await r.allHeaders();
        const size = (await r.request().sizes()).responseBodySize; // bytes on the wire
        const plain = (await r.body()).length; // decoded
        assets.push({ url: r.url(), encoding: h['content-encoding'], cache: h['cache-control'], size, plain });
      } catch {
        // The page navigated on before the body could be read: that asset is measured on another page.
      }
    });
  }

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('sends the listed security headers with the console and signs in without a violation', async () => {
    context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    await watch(context, page);
    current = '/login';
    const res = await page.goto(new URL('login', WEB_URL).href);
    const h = await res!.allHeaders();
    const csp = h['content-security-policy'] ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/); // no inline, no eval, no remote scripts
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['x-powered-by']).toBeUndefined();
    expect(h['cache-control']).toBe('no-cache');
    await page.getByTestId('login-form').waitFor();
    // What the sign-in page transfers: every script and stylesheet compressed (898 KB of plain JS before #12).
    await page.waitForLoadState('networkidle');
    const signInBytes = assets.reduce((n, a) => n + a.size, 0);
    console.info(
      `sign-in page: ${assets.length} scripts/stylesheets, ${(signInBytes / 1024).toFixed(1)} KB transferred`,
    );
    expect(signInBytes).toBeLessThan(400 * 1024);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/home$/);
    expect(violations).toEqual([]);
    expect(consoleCsp).toEqual([]);
  });

  it('catches a violation when there is one (the watch itself works)', async () => {
    current = 'probe';
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
    });
    await expect.poll(() => violations.length).toBe(1);
    expect(violations[0]).toMatchObject({ directive: 'script-src-elem', blocked: 'inline' });
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    violations.length = 0;
    consoleCsp.length = 0;
  });

  it('loads every main page, and a case, with no CSP violation', async () => {
    const id = await firstCaseId();
    for (const path of [...PAGES, ...(id ? [`/cases/${id}`] : [])]) {
      current = path;
      const t0 = Date.now();
      const res = await page.goto(new URL(path.slice(1), WEB_URL).href);
      expect([path, res!.status()]).toEqual([path, 200]);
      expect((await res!.allHeaders())['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      await page.getByTestId('side-menu').waitFor();
      await page.waitForLoadState('networkidle');
      expect(page.url()).not.toMatch(/\/(login|403)$/);
      console.info(`${path}: loaded in ${Date.now() - t0} ms`);
    }
    await page.screenshot({ path: shot('csp-last-page') });
    expect(violations).toEqual([]);
    expect(consoleCsp).toEqual([]);
  }, 300_000); // fourteen full page loads on a machine shared by several agents

  it('received every script and stylesheet brotli-compressed (when worth it) with the immutable cache', () => {
    expect(assets.length).toBeGreaterThan(10);
    for (const a of assets) {
      expect([a.url, a.cache]).toEqual([a.url, 'public, max-age=31536000, immutable']);
      // The build compresses files above 1 KB; smaller ones are sent as they are.
      if (a.plain > 1024) expect([a.url, a.encoding]).toEqual([a.url, 'br']);
    }
  });
});
