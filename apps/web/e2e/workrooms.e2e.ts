import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { apiAs, assertServerUp, dialogReady, launchBrowser, shot, signIn, submitDialog, WEB_URL } from './browser';

// The three workroom pages, org and rule-set administration, in the browser:
// - city_legal registers a 法律咨询 (validation first), finds it in the 档案, requests 诉讼支持 for a
//   case and downloads the 民事起诉状 under the name the API gives;
// - city_mediator takes a case from the 维权服务 queue and records a 调解: one staff member without
//   简易调解 gets the API's error next to 工作人员, a second staff member makes it pass;
// - city_coord enters an expert and sends an instruction down to 鼓楼区, whose gl_county signs for it;
// - hx_county (another county) finds none of 鼓楼区's items: archive, experts, queue, case, inbox;
// - admin opens 机构管理 (creates a station under 鼓楼区, then deactivates it) and 时限规则, and previews
//   the recalculation of running deadlines.
// Cases and items are set up through the API; names are unique per run (the test database keeps
// earlier runs' data).
const RUN = Date.now().toString().slice(-8);
const CITY_RESPONDENT = `E2E工作室家电${RUN}`;
const GL_RESPONDENT = `E2E鼓楼装修${RUN}`;
const CITY_QUESTION = `预付卡商家跑路如何维权？${RUN}`;
const GL_QUESTION = `鼓楼区咨询：网购退货运费由谁承担？${RUN}`;
const GL_EXPERT = `鼓楼专家${RUN}`;
const CITY_EXPERT = `市级专家${RUN}`;
const INSTRUCTION = `关于开展预付卡消费专项排查的通知${RUN}`;
const NEW_STATION = `E2E测试街道消费维权服务站${RUN}`;

const CASE = 'id caseNo version state';
type CaseRef = { id: string; caseNo: string; version: number; state: string };
const step = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { ${CASE} } }`;

/** register → accept → dispatch to the center's own 维权服务工作室 → its mediator receives. */
async function complaintAtRights(
  intake: string,
  mediator: string,
  respondent: string,
  phone: string,
): Promise<CaseRef> {
  const op = await apiAs(intake);
  let c = (
    await op<{ registerCase: CaseRef }>(step('registerCase', 'RegisterCaseInput'), {
      input: {
        kind: 'COMPLAINT',
        channel: 'PHONE_12315',
        consumer: { name: '王芳', phone, address: '鼓楼区五四路 1 号' },
        respondent: { name: respondent },
        summary: '购买的热水器安装后漏水，商家拒绝上门维修。',
        demand: '免费维修或退货',
      },
    })
  ).registerCase;
  c = (
    await op<{ acceptCase: CaseRef }>(step('acceptCase', 'AcceptCaseInput'), {
      input: { caseId: c.id, version: c.version },
    })
  ).acceptCase;
  c = (
    await op<{ dispatchCase: CaseRef }>(step('dispatchCase', 'DispatchCaseInput'), {
      input: { caseId: c.id, version: c.version, targetType: 'WORKROOM', workroom: 'RIGHTS', mode: 'ON_BEHALF' },
    })
  ).dispatchCase;
  const handler = await apiAs(mediator);
  return (
    await handler<{ receiveCase: CaseRef }>(step('receiveCase', 'ReceiveCaseInput'), {
      input: { caseId: c.id, version: c.version },
    })
  ).receiveCase;
}

describe('workrooms and administration (browser)', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  let cityCase: CaseRef;
  let glCase: CaseRef;

  beforeAll(async () => {
    await assertServerUp();
    browser = await launchBrowser();
    cityCase = await complaintAtRights('city_op', 'city_mediator', CITY_RESPONDENT, `137${RUN}`);
    glCase = await complaintAtRights('gl_county', 'gl_mediator', GL_RESPONDENT, `136${RUN}`);
    // 鼓楼区's own items, for the county-isolation check.
    const gl = await apiAs('gl_county');
    await gl('mutation($input: CreateLegalConsultationInput!) { createLegalConsultation(input: $input) { id } }', {
      input: { askerName: '赵敏', question: GL_QUESTION },
    });
    await gl('mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }', {
      input: { name: GL_EXPERT, field: '建筑装修' },
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function as(username: string): Promise<void> {
    await context?.close();
    ({ context, page } = await signIn(browser, username));
  }

  const menu = (): Locator => page.getByTestId('side-menu');
  const tab = (name: string): Locator => page.getByRole('tab', { name, exact: true });
  const dialog = (testid: string): Locator => page.getByTestId(testid);

  /** Opens a remote select, types, and picks the option containing `text`. */
  async function pick(select: Locator, keyword: string, text: string): Promise<void> {
    await select.click();
    await page.keyboard.type(keyword);
    await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click();
  }

  it('city_legal registers a 法律咨询 (validated first) and finds it in the 法律服务档案', async () => {
    await as('city_legal');
    await menu().getByText('工作室', { exact: true }).click();
    await menu().getByText('法律服务', { exact: true }).click();
    await page.waitForURL(/\/workrooms\/legal/);
    await page.getByTestId('legal-queue').waitFor();
    await page.screenshot({ path: shot('workroom-legal-queue') });

    await tab('法律咨询').click();
    await page.getByTestId('consultation-create').click();
    const d = dialog('consultation-dialog');
    await dialogReady(d);
    await d.getByTestId('form-submit').click();
    await expect
      .poll(() => d.locator('.el-form-item__error').allTextContents())
      .toEqual(expect.arrayContaining(['未关联案件的咨询请填写咨询人', '请填写咨询问题']));
    await d.getByTestId('consultation-asker').fill('陈先生');
    await d.getByTestId('consultation-question').fill(CITY_QUESTION);
    await d.getByTestId('consultation-answer').fill('可向发卡经营者所在地市场监管部门投诉，并保留预付卡及消费凭证。');
    await page.screenshot({ path: shot('workroom-legal-consultation-dialog') });
    await submitDialog(d);
    await expect.poll(() => page.getByTestId('consultation-table').textContent()).toContain(CITY_QUESTION);

    await tab('法律服务档案').click();
    // The city sees the whole city: its own consultation and 鼓楼区's (both carry this run's number).
    await page.getByTestId('archive-keyword').fill(RUN);
    await page.getByTestId('archive-search').click();
    await expect.poll(() => page.getByTestId('archive-pagination').textContent()).toMatch(/共 2 条/);
    expect(await page.getByTestId('archive-table').textContent()).toContain(CITY_QUESTION);
    expect(await page.getByTestId('archive-table').textContent()).toContain(GL_QUESTION);
    await page.screenshot({ path: shot('workroom-legal-archive') });
  });

  it('city_legal requests 诉讼支持 for a case and downloads the statement under the API’s file name', async () => {
    await tab('诉讼支持').click();
    await page.getByTestId('litigation-create').click();
    const d = dialog('litigation-dialog');
    await dialogReady(d);
    await pick(d.getByTestId('case-picker'), cityCase.caseNo, cityCase.caseNo);
    await d.getByTestId('litigation-request').fill('消费者拟起诉经营者，请求提供起诉状及证据整理帮助。');
    await submitDialog(d);
    const table = page.getByTestId('litigation-table');
    await expect.poll(() => table.textContent()).toContain(cityCase.caseNo);

    const row = table.locator('.el-table__row', { hasText: cityCase.caseNo }).first();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByTestId('litigation-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^民事起诉状-${cityCase.caseNo}\\.docx?$`));
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: shot('workroom-legal-litigation') });
  });

  it('city_mediator records a 调解 from the queue: the API’s ≥2 staff rule shows next to 工作人员', async () => {
    await as('city_mediator');
    await page.goto(new URL('workrooms/mediation', WEB_URL).href);
    const queue = page.getByTestId('mediation-queue');
    await queue.locator('.el-table__row').first().waitFor();
    // The queue is ordered by time left: on a database full of other cases the new one may be on a later page.
    for (let i = 0; i < 30 && !(await queue.locator('.el-table__row', { hasText: cityCase.caseNo }).count()); i++) {
      expect(await queue.textContent()).not.toContain(glCase.caseNo);
      const next = page.locator('.el-pagination .btn-next').first();
      if (await next.isDisabled()) break;
      await next.click();
      await page.waitForLoadState('networkidle');
    }
    await queue.locator('.el-table__row', { hasText: cityCase.caseNo }).waitFor();
    expect(await queue.textContent()).not.toContain(glCase.caseNo);
    await page.screenshot({ path: shot('workroom-mediation-queue') });

    await queue.locator('.el-table__row', { hasText: cityCase.caseNo }).getByTestId('queue-handle').click();
    await page.waitForURL(/tab=case/);
    await page.getByTestId('case-mediation').getByText(cityCase.caseNo).waitFor();
    await page.getByTestId('session-create').click();
    const d = dialog('session-dialog');
    await dialogReady(d);
    await d.getByTestId('session-party-0').fill('王芳');
    await d.getByTestId('session-party-1').fill(CITY_RESPONDENT);
    await d.getByTestId('session-consent').locator('.el-checkbox').click();
    await d.getByTestId('session-record').fill('电话联系双方：经营者同意三日内上门维修。');
    await d.getByTestId('form-submit').click();
    const staffError = d.getByTestId('session-staff').locator('.el-form-item__error');
    await expect.poll(() => staffError.textContent()).toContain('两名以上工作人员');
    expect(await d.getByTestId('form-error').count()).toBe(0);
    await page.waitForTimeout(300); // the error's fade-in, for the screenshot only
    await page.screenshot({ path: shot('workroom-mediation-staff-error') });

    await pick(d.getByTestId('staff-select'), '黄', '黄调解');
    await page.keyboard.press('Escape');
    await submitDialog(d);
    const sessions = page.getByTestId('session-table');
    await expect.poll(() => sessions.textContent()).toContain('黄调解');
    expect(await sessions.textContent()).toContain('电话调解');
    await page.screenshot({ path: shot('workroom-mediation-case') });

    // The same records from the case page: 记录调解 opens its 工作室办理 tab.
    await page.goto(new URL(`cases/${cityCase.id}`, WEB_URL).href);
    await page.getByTestId('record-mediation').click();
    const onCase = page.getByTestId('case-workrooms');
    await expect.poll(() => onCase.getByTestId('session-table').textContent()).toContain('黄调解');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: shot('case-detail-workrooms') });
  });

  it('city_coord enters an expert and sends an instruction down to 鼓楼区', async () => {
    await as('city_coord');
    await page.goto(new URL('workrooms/litigation-link', WEB_URL).href);
    await page.getByTestId('link-queue').waitFor();
    await tab('专家库').click();
    await page.getByTestId('expert-create').click();
    const d = dialog('expert-dialog');
    await dialogReady(d);
    await d.getByTestId('expert-name').fill(CITY_EXPERT);
    await d.getByTestId('expert-field').fill('家用电器');
    await submitDialog(d);
    await expect.poll(() => page.getByTestId('expert-table').textContent()).toContain(CITY_EXPERT);
    await page.screenshot({ path: shot('workroom-link-experts') });

    await tab('联动消息').click();
    await page.getByTestId('linkage-send').click();
    const m = dialog('linkage-dialog');
    await dialogReady(m);
    await pick(m.getByTestId('linkage-target'), '鼓楼区', '鼓楼区消费者维权中心');
    await m.getByTestId('linkage-title').fill(INSTRUCTION);
    await m.getByTestId('linkage-content').fill('请于本周内完成辖区预付卡经营者排查并上报。');
    await submitDialog(m);
    await expect.poll(() => page.getByTestId('linkage-table').textContent()).toContain(INSTRUCTION);
    await page.screenshot({ path: shot('workroom-link-linkage-outbox') });
  });

  it('gl_county signs for the instruction and sees its own expert', async () => {
    await as('gl_county');
    await page.goto(new URL('workrooms/litigation-link?tab=linkage', WEB_URL).href);
    const row = page.getByTestId('linkage-table').locator('.el-table__row', { hasText: INSTRUCTION });
    await row.getByTestId('linkage-ack').click();
    const box = page.locator('.el-message-box');
    await box.locator('input').fill('已收到，正在排查');
    await box.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => row.textContent()).toContain('已签收');

    await tab('专家库').click();
    await page.getByTestId('expert-keyword').fill(GL_EXPERT);
    await page.getByTestId('expert-search').click();
    await expect.poll(() => page.getByTestId('expert-pagination').textContent()).toMatch(/共 1 条/);
  });

  it('hx_county (another county) sees none of 鼓楼区’s items', async () => {
    await as('hx_county');
    await page.goto(new URL('workrooms/legal?tab=archive', WEB_URL).href);
    await page.getByTestId('archive-keyword').fill(GL_QUESTION);
    await page.getByTestId('archive-search').click();
    await expect.poll(() => page.getByTestId('archive-pagination').textContent()).toMatch(/共 0 条/);

    await page.goto(new URL('workrooms/litigation-link?tab=experts', WEB_URL).href);
    await page.getByTestId('expert-keyword').fill(GL_EXPERT);
    await page.getByTestId('expert-search').click();
    await expect.poll(() => page.getByTestId('expert-pagination').textContent()).toMatch(/共 0 条/);

    await page.goto(new URL('workrooms/litigation-link?tab=linkage', WEB_URL).href);
    await page.getByTestId('linkage-table').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('linkage-table').textContent()).not.toContain(INSTRUCTION);

    await page.goto(new URL('workrooms/mediation', WEB_URL).href);
    await page.getByTestId('mediation-queue').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('mediation-queue').textContent()).not.toContain(glCase.caseNo);
    await page.goto(new URL(`workrooms/mediation?tab=case&caseId=${glCase.id}`, WEB_URL).href);
    await page.getByTestId('case-mediation-not-found').waitFor();
    await page.screenshot({ path: shot('workroom-mediation-not-found-hx-county') });
  });

  it('admin opens 机构管理 and 时限规则 and previews the recalculation of running deadlines', async () => {
    await as('admin');
    await menu().getByText('系统管理', { exact: true }).click();
    await menu().getByText('机构管理', { exact: true }).click();
    await page.waitForURL(/\/admin\/org-units$/);
    await page.getByTestId('org-tree').getByText('鼓楼区消费者维权中心', { exact: true }).click();
    await expect.poll(() => page.getByTestId('org-detail').textContent()).toContain('鼓东街道消费维权服务站');
    await page.screenshot({ path: shot('admin-org-units') });

    // 新建下级机构 (validated first), then 停用 it after a confirmation.
    await page.getByTestId('org-create').click();
    const unit = dialog('org-unit-dialog');
    await dialogReady(unit);
    await unit.getByTestId('form-submit').click();
    await expect.poll(() => unit.locator('.el-form-item__error').allTextContents()).toContain('请填写机构名称');
    await unit.getByTestId('org-unit-code').fill(`GL-E2E${RUN}`);
    await unit.getByTestId('org-unit-name').fill(NEW_STATION);
    await submitDialog(unit);
    await expect.poll(() => page.getByTestId('org-detail').textContent()).toContain(NEW_STATION);
    await page.getByTestId('org-deactivate').click();
    const box = page.locator('.el-message-box');
    expect(await box.textContent()).toContain(`确定停用「${NEW_STATION}」吗`);
    await box.getByRole('button', { name: '停用' }).click();
    await expect.poll(() => page.getByTestId('org-detail').locator('.el-descriptions').textContent()).toContain('停用');
    await page.screenshot({ path: shot('admin-org-units-created') });

    await menu().getByText('时限规则', { exact: true }).click();
    await page.waitForURL(/\/admin\/rule-sets$/);
    const sets = page.getByTestId('rule-sets');
    await sets.locator('.el-card').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.el-loading-mask').waitFor({ state: 'detached' });
    await page.screenshot({ path: shot('admin-rule-sets') });

    // Revising asks for a reason before anything is sent (then cancelled: nothing changes).
    await sets.locator('[data-testid^="revise-"]').first().click();
    const revise = dialog('revise-dialog');
    await revise.getByTestId('form-submit').click();
    await expect
      .poll(() => revise.locator('.el-form-item__error').allTextContents())
      .toContain('请填写修订理由（记入审计）');
    await revise.getByRole('button', { name: '取消' }).click();
    await revise.waitFor({ state: 'hidden' });

    await page.getByTestId('recalc-preview-all').click();
    const preview = dialog('recalc-dialog');
    await expect.poll(() => preview.getByTestId('recalc-summary').textContent()).toMatch(/在办时限/);
    await preview.locator('.el-loading-mask').waitFor({ state: 'detached' });
    await page.waitForTimeout(300); // the dialog's opening animation, for the screenshot only
    await page.screenshot({ path: shot('admin-rule-sets-recalc-preview') });
  });
});
