import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestError } from '@/api/errors';
import type { CaseDetailFragment } from '@/graphql/generated/graphql';

const request = vi.fn();
vi.mock('@/api/request', () => ({ request: (...args: unknown[]) => request(...args) }));

const { useCaseDetail } = await import('./use-case-detail');

const base = { id: '42', version: 3, state: 'REGISTERED' } as CaseDetailFragment;

describe('useCaseDetail.runAction', () => {
  beforeEach(() => request.mockReset());

  it('sends the case id and the version the user saw with the step input', async () => {
    const detail = useCaseDetail(() => '42');
    request.mockResolvedValueOnce({ case: base });
    await detail.load();
    request.mockResolvedValueOnce({ acceptCase: { ...base, version: 4, state: 'ACCEPTED' } });

    const outcome = await detail.runAction('acceptCase', { note: '材料齐全' });

    expect(request.mock.calls[1]![1]).toEqual({ input: { note: '材料齐全', caseId: '42', version: 3 } });
    expect(outcome.kind).toBe('done');
    expect(detail.caseData.value?.state).toBe('ACCEPTED');
  });

  it('reloads the case on CONFLICT instead of failing', async () => {
    const detail = useCaseDetail(() => '42');
    request.mockResolvedValueOnce({ case: base });
    await detail.load();
    request.mockRejectedValueOnce(
      new RequestError([{ code: 'CONFLICT', field: 'version', message: '案件已被他人修改' }]),
    );
    request.mockResolvedValueOnce({ case: { ...base, version: 5, state: 'ACCEPTED' } });

    const outcome = await detail.runAction('acceptCase', {});

    expect(outcome).toEqual({ kind: 'conflict' });
    expect(request).toHaveBeenCalledTimes(3);
    expect(detail.caseData.value?.version).toBe(5);
  });

  it('passes other errors to the dialog', async () => {
    const detail = useCaseDetail(() => '42');
    request.mockResolvedValueOnce({ case: base });
    await detail.load();
    request.mockRejectedValueOnce(
      new RequestError([{ code: 'REJECT_GROUND_REQUIRED', field: 'input.ground', message: '请选择' }]),
    );

    await expect(detail.runAction('rejectCase', {})).rejects.toBeInstanceOf(RequestError);
  });

  it('treats a case outside the data scope as not found', async () => {
    const detail = useCaseDetail(() => '99');
    request.mockRejectedValueOnce(new RequestError([{ code: 'NOT_FOUND', field: null, message: '案件不存在' }]));
    await detail.load();
    expect(detail.notFound.value).toBe(true);
    expect(detail.caseData.value).toBeNull();
  });
});
