import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { assertServerUp, launchBrowser, shot, signIn, WEB_URL } from './browser';

// 统计分析 (issue 14): a director opens the KPI board, a figure drills down to exactly as many rows,
// the list exports to a file with that many rows; a county sees its own subtree only.

/** camelCase action codes or UPPER_SNAKE enum codes in visible text. */
const RAW_CODE = /\b[a-z]+[A-Z][a-zA-Z]+\b|\b[A-Z]{2,}_[A-Z_]+\b/;
const OTHER_COUNTIES = ['红星', '青山'];

const digits = (s: string | null): number => Number((s ?? '').replace(/[^\d]/g, ''));

/** Data rows of the first sheet (明细) of a downloaded .xlsx, header excluded. */
function xlsxRows(file: string): number {
  const xml = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], { maxBuffer: 256 * 1024 * 1024 });
  return (xml.toString('utf8').match(/<row\b/g) ?? []).length - 1;
}

// generous: the machine running these is shared and busy
describe('statistics console (browser)', { timeout: 240_000 }, () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  const downloads = mkdtempSync(join(tmpdir(), 'wq-stats-'));

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function as(username: string): Promise<void> {
    await context?.close();
    ({ context, page } = await signIn(browser, username));
  }
  async function goto(path: string, testid: string): Promise<void> {
    await page.goto(new URL(path, WEB_URL).href);
    await page.getByTestId(testid).waitFor();
    await page.waitForLoadState('networkidle');
  }
  async function drillTotal(): Promise<number> {
    await page.locator('[data-testid="drill-total"][data-loaded="true"]').waitFor();
    return Number(await page.getByTestId('drill-total').getAttribute('data-total'));
  }
  async function exportRows(name: string): Promise<number> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-export').click()]);
    const file = join(downloads, `${name}.xlsx`);
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^统计明细_.*\.xlsx$/);
    return xlsxRows(file);
  }

  it('the city director: board, a count and a rate drill down to as many rows, the export has them all', async () => {
    await as('city_director');
    expect(new URL(page.url()).pathname).toBe('/stats/overview'); // a director lands on their figures
    await goto('/stats/board', 'stats-board');
    await page.getByTestId('kpi-RECEIVED').waitFor();
    expect(await page.getByTestId('board-title').innerText()).toContain('市消费者维权中心');
    await page.screenshot({ path: shot('stats-board-city'), fullPage: true });
    const text = await page.getByTestId('stats-board').innerText();
    expect(text).not.toMatch(RAW_CODE);

    // a count: the figure itself
    const received = digits(await page.getByTestId('kpi-RECEIVED').getByTestId('kpi-value').innerText());
    await page.getByTestId('kpi-RECEIVED').getByTestId('kpi-value').click();
    expect(await drillTotal()).toBe(received);
    expect(await page.getByTestId('drill-metric').innerText()).toBe('登记诉求数');
    expect(await page.getByTestId('stats-cases').innerText()).not.toMatch(RAW_CODE);
    await page.screenshot({ path: shot('stats-drill-city'), fullPage: true });
    expect(await exportRows('city-received')).toBe(received);

    // a rate: its numerator and its denominator
    await page.goBack();
    await page.getByTestId('kpi-ONTIME_CONCLUDE').waitFor();
    const rate = page.getByTestId('kpi-ONTIME_CONCLUDE');
    const den = digits(await rate.getByTestId('kpi-denominator').innerText());
    await rate.getByTestId('kpi-denominator').click();
    expect(await drillTotal()).toBe(den);
  });

  it('the standard tables, hotspots, respondent ranking, month report and the director overview show in Chinese', async () => {
    await goto('/stats/tables', 'stats-tables');
    await page.getByTestId('summary-table').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: shot('stats-tables'), fullPage: true });
    expect(await page.getByTestId('stats-tables').innerText()).not.toMatch(RAW_CODE);
    await page.getByRole('tab', { name: '热点' }).click();
    await page.getByTestId('hotspots').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: shot('stats-hotspots'), fullPage: true });
    await page.getByRole('tab', { name: '被投诉方排名' }).click();
    await page.getByTestId('respondent-rank').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: shot('stats-respondents'), fullPage: true });

    await goto('/stats/month', 'stats-month');
    await page.screenshot({ path: shot('stats-month'), fullPage: true });
    expect(await page.getByTestId('stats-month').innerText()).not.toMatch(RAW_CODE);

    await goto('/stats/overview', 'stats-overview');
    await page.getByTestId('kpi-ONTIME_FIRST_CHECK').waitFor();
    await page.screenshot({ path: shot('stats-overview-director'), fullPage: true });
    expect(await page.getByTestId('stats-overview').innerText()).not.toMatch(RAW_CODE);
  });

  it('a county sees its own subtree only: board, per-unit rows, unit choice, drill-down and export', async () => {
    await as('gl_county');
    await goto('/stats/board', 'stats-board');
    await page.getByTestId('kpi-RECEIVED').waitFor();
    expect(await page.getByTestId('board-title').innerText()).toContain('鼓楼区');
    await page.screenshot({ path: shot('stats-board-county'), fullPage: true });
    const board = await page.getByTestId('stats-board').innerText();
    for (const other of OTHER_COUNTIES) expect(board).not.toContain(other);
    await page.getByTestId('stats-unit').click();
    const options = await page.locator('.el-select-dropdown__item:visible').allInnerTexts();
    expect(options.length).toBeGreaterThan(1);
    for (const o of options) for (const other of OTHER_COUNTIES) expect(o).not.toContain(other);
    await page.keyboard.press('Escape');

    const received = digits(await page.getByTestId('kpi-RECEIVED').getByTestId('kpi-value').innerText());
    await page.getByTestId('kpi-RECEIVED').getByTestId('kpi-value').click();
    expect(await drillTotal()).toBe(received);
    // the counting unit of every row (a respondent may well be named after another county)
    const units = await page.locator('[data-testid="drill-rows"] .el-table__body tr td:nth-child(7)').allInnerTexts();
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) for (const other of OTHER_COUNTIES) expect(u).not.toContain(other);
    expect(await exportRows('county-received')).toBe(received);
  });

  it('消费者投诉处理情况表 and 登记簿 in Chinese; the register book downloads its rows; the dictionary page', async () => {
    await as('city_director');
    await goto('/stats/tables', 'stats-tables');
    await page.getByRole('tab', { name: '按问题类别' }).click();
    await page.getByText('消费者投诉处理情况表（').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: shot('stats-problem-types'), fullPage: true });
    const table = await page.getByTestId('stats-tables').innerText();
    expect(table).toContain('售后服务');
    expect(table).not.toMatch(RAW_CODE);

    await page.getByRole('tab', { name: '登记簿' }).click();
    await page.getByTestId('register-book').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: shot('stats-register-book'), fullPage: true });
    expect(await page.getByTestId('register-book').innerText()).not.toMatch(RAW_CODE);
    const total = digits(
      (await page.getByTestId('register-book').innerText()).match(/共\s*[\d,]+\s*(条|件)/)?.[0] ?? null,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('register-book').getByTestId('stats-export').click(),
    ]);
    const file = join(downloads, 'register-book.xlsx');
    await download.saveAs(file);
    expect(xlsxRows(file) - 2).toBe(total); // title and unit lines above the header

    await as('admin');
    await goto('/admin/problem-types', 'problem-types');
    await page.getByText('虚假宣传').waitFor();
    await page.screenshot({ path: shot('admin-problem-types'), fullPage: true });
    expect(await page.getByTestId('problem-types').innerText()).not.toMatch(RAW_CODE);
  });
});
