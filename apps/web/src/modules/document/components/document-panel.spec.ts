import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { RequestError } from '@/api/errors';
import {
  CaseDocumentsDocument,
  IssueDocumentDocument,
  SupersedeDocumentDocument,
  type CaseDocumentFieldsFragment,
} from '@/graphql/generated/graphql';
import { settle, withPlugins } from '@/test-utils/mount';

const request = vi.fn();
vi.mock('@/api/request', () => ({
  request: (...args: unknown[]) => request(...args),
  authorizedFetch: vi.fn(),
}));
const { default: DocumentPanel } = await import('./document-panel.vue');

const doc = (over: Partial<CaseDocumentFieldsFragment>): CaseDocumentFieldsFragment =>
  ({
    id: '1',
    type: 'ACCEPTANCE_DECISION',
    typeLabel: '投诉受理决定书',
    title: '投诉受理决定书',
    docNo: '榕鼓市监诉受〔2026〕17号',
    templateVersion: 1,
    issuedByAction: 'acceptCase',
    issuedByName: '张三',
    issuedAt: '2026-12-05T02:00:00.000Z',
    supersedesId: null,
    supersededById: null,
    correctionReason: null,
    downloadUrl: '/api/documents/1/download',
    file: { fileName: 'x.pdf', sha256: 'a'.repeat(64), pageCount: 1, sizeBytes: 30000 },
    ...over,
  }) as CaseDocumentFieldsFragment;

describe('DocumentPanel (文书卷宗)', () => {
  let wrapper: VueWrapper;
  const text = () => document.body.textContent ?? '';

  beforeEach(async () => {
    request.mockReset();
    request.mockImplementation(async (d: unknown) => {
      if (d === CaseDocumentsDocument)
        return { caseDocuments: [doc({}), doc({ id: '2', type: 'CASE_FILE', docNo: null, issuedByAction: null })] };
      throw new Error('unexpected request');
    });
    wrapper = mount(DocumentPanel, {
      props: { caseId: '42', canHandle: true },
      global: withPlugins(),
      attachTo: document.body,
    });
    await settle();
  });
  afterEach(() => {
    wrapper.unmount();
    document.body.innerHTML = '';
  });

  it('lists documents in Chinese: type, number, the step that issued them, pages', () => {
    expect(text()).toContain('投诉受理决定书');
    expect(text()).toContain('榕鼓市监诉受〔2026〕17号');
    expect(text()).toContain('受理');
    expect(text()).toContain('卷宗');
    expect(text()).toContain('按需签发');
    expect(text()).not.toMatch(/ACCEPTANCE_DECISION|acceptCase|CASE_FILE/);
  });

  it('issues the chosen type for the case and reloads', async () => {
    request.mockImplementation(async (d: unknown, vars: unknown) => {
      if (d === IssueDocumentDocument) {
        expect(vars).toEqual({ input: { caseId: '42', type: 'COMPLAINT_REGISTRATION' } });
        return { issueDocument: doc({ id: '3', type: 'COMPLAINT_REGISTRATION', docNo: '榕鼓市监诉登〔2026〕1号' }) };
      }
      if (d === CaseDocumentsDocument) return { caseDocuments: [] };
      throw new Error('unexpected request');
    });
    document.body.querySelector<HTMLButtonElement>('[data-testid="document-issue"]')!.click();
    await settle();
    expect(request.mock.calls.map((c) => c[0])).toContain(IssueDocumentDocument);
    expect(request.mock.calls.at(-1)![0]).toBe(CaseDocumentsDocument);
  });

  it('asks for a reason before a correction and shows a server error next to the field', async () => {
    const buttons = [...document.body.querySelectorAll<HTMLButtonElement>('button')];
    buttons.find((b) => b.textContent?.trim() === '更正')!.click();
    await settle();
    const confirm = () =>
      [...document.body.querySelectorAll<HTMLButtonElement>('.el-dialog button')].find(
        (b) => b.textContent?.trim() === '确定',
      )!;
    confirm().click();
    await settle();
    expect(text()).toContain('请填写更正理由');
    expect(request.mock.calls.map((c) => c[0])).not.toContain(SupersedeDocumentDocument);

    request.mockImplementation(async (d: unknown) => {
      if (d === SupersedeDocumentDocument)
        throw new RequestError([{ code: 'BAD_USER_INPUT', message: '更正理由过长', field: 'input.reason' }]);
      throw new Error('unexpected request');
    });
    const area = document.body.querySelector<HTMLTextAreaElement>('.el-dialog textarea')!;
    area.value = '被投诉人名称有误';
    area.dispatchEvent(new Event('input'));
    await settle();
    confirm().click();
    await settle();
    expect(document.body.querySelector('.el-dialog .el-form-item__error')?.textContent).toContain('更正理由过长');
  });
});
