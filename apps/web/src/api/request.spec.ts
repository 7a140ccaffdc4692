import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoginDocument, MeDocument } from '@/graphql/generated/graphql';
import { RequestError, splitFieldErrors } from './errors';
import { authorizedFetch, configureRequestAuth, request, requestField, type RequestAuth } from './request';

const me = {
  id: '1',
  username: 'city_op',
  displayName: '市中心接线员',
  roles: ['RECEPTIONIST'],
  dataScope: 'ALL',
  unitId: '1',
  unit: { id: '1', code: '3301', name: '市维权中心', type: 'CITY_CENTER' },
  active: true,
  lastLoginAt: null,
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
const unauthenticated = () => json({ errors: [{ message: '未登录', extensions: { code: 'UNAUTHENTICATED' } }] });

function authOf(init: RequestInit | undefined): string | undefined {
  return (init?.headers as Record<string, string> | undefined)?.authorization;
}

function fakeAuth(overrides: Partial<RequestAuth> = {}) {
  const state = { token: 'old-token' as string | null };
  const auth = {
    getAccessToken: vi.fn(() => state.token),
    isAccessTokenExpired: vi.fn(() => false),
    refresh: vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      state.token = 'new-token';
      return true;
    }),
    onSessionExpired: vi.fn(),
    ...overrides,
  };
  configureRequestAuth(auth);
  return { auth, state };
}

describe('request', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    configureRequestAuth(null);
  });

  it('posts the printed document with the bearer token and returns data', async () => {
    fakeAuth();
    fetchMock.mockResolvedValueOnce(json({ data: { me } }));

    const data = await request(MeDocument);

    expect(data.me.username).toBe('city_op');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(authOf(init)).toBe('Bearer old-token');
    const body = JSON.parse(String(init?.body)) as { query: string; operationName: string };
    expect(body.operationName).toBe('Me');
    expect(body.query).toContain('query Me');
    expect(body.query).toContain('fragment CurrentUser on User');
  });

  it('requestField resolves to the answer’s one field and throws its errors like request', async () => {
    fakeAuth();
    fetchMock.mockResolvedValueOnce(json({ data: { me } }));
    expect((await requestField(MeDocument)).username).toBe('city_op');

    fetchMock.mockResolvedValueOnce(json({ errors: [{ message: '无权', extensions: { code: 'FORBIDDEN' } }] }));
    await expect(requestField(MeDocument)).rejects.toBeInstanceOf(RequestError);
  });

  it('surfaces GraphQL errors as {code, field, message}', async () => {
    fetchMock.mockResolvedValueOnce(
      json({ errors: [{ message: '密码错误', extensions: { code: 'INVALID_CREDENTIALS', field: 'input.password' } }] }),
    );

    const error = await request(LoginDocument, { input: { username: 'a', password: 'b' } }, { auth: false }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).errors).toEqual([
      { code: 'INVALID_CREDENTIALS', field: 'input.password', message: '密码错误' },
    ]);
    expect(splitFieldErrors((error as RequestError).errors, ['username', 'password'] as const).byField).toEqual({
      password: '密码错误',
    });
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    const error = (await request(MeDocument).catch((e: unknown) => e)) as RequestError;

    expect(error.code).toBe('NETWORK_ERROR');
  });

  it('sends no token and does not refresh for auth: false', async () => {
    const { auth } = fakeAuth();
    fetchMock.mockResolvedValueOnce(unauthenticated());

    await expect(request(LoginDocument, { input: { username: 'a', password: 'b' } }, { auth: false })).rejects.toThrow(
      RequestError,
    );

    expect(authOf(fetchMock.mock.calls[0]![1])).toBeUndefined();
    expect(auth.refresh).not.toHaveBeenCalled();
  });

  it('rotates the refresh token once for concurrent UNAUTHENTICATED responses and retries each request', async () => {
    const { auth } = fakeAuth();
    fetchMock.mockImplementation(async (_url, init) =>
      authOf(init) === 'Bearer new-token' ? json({ data: { me } }) : unauthenticated(),
    );

    const results = await Promise.all([request(MeDocument), request(MeDocument), request(MeDocument)]);

    expect(results.map((r) => r.me.id)).toEqual(['1', '1', '1']);
    expect(auth.refresh).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(6);
    expect(auth.onSessionExpired).not.toHaveBeenCalled();
  });

  it('ends the session when the refresh fails', async () => {
    const { auth } = fakeAuth({ refresh: vi.fn(async () => false) });
    fetchMock.mockResolvedValue(unauthenticated());

    const error = (await request(MeDocument).catch((e: unknown) => e)) as RequestError;

    expect(error.code).toBe('UNAUTHENTICATED');
    expect(auth.onSessionExpired).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('refreshes before sending when the access token has expired', async () => {
    const { auth } = fakeAuth({ isAccessTokenExpired: vi.fn(() => true) });
    fetchMock.mockResolvedValue(json({ data: { me } }));

    await request(MeDocument);

    expect(auth.refresh).toHaveBeenCalledTimes(1);
    expect(authOf(fetchMock.mock.calls[0]![1])).toBe('Bearer new-token');
  });

  it('lists every failing input field from extensions.details.errors', async () => {
    fakeAuth();
    fetchMock.mockResolvedValueOnce(
      json({
        errors: [
          {
            message: '电话号码格式不正确',
            extensions: {
              code: 'BAD_USER_INPUT',
              field: 'input.consumer.phone',
              details: {
                errors: [
                  { field: 'input.consumer.phone', message: '电话号码格式不正确' },
                  { field: 'input.summary', message: '请填写事情经过' },
                ],
              },
            },
          },
        ],
      }),
    );

    const error = await request(MeDocument).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    const { byField } = splitFieldErrors((error as RequestError).errors, ['consumer.phone', 'summary'] as const);
    expect(byField).toEqual({ 'consumer.phone': '电话号码格式不正确', summary: '请填写事情经过' });
  });

  it('authorizedFetch sends the bearer token, refreshes once on 401 and maps REST errors', async () => {
    const { auth } = fakeAuth();
    fetchMock.mockResolvedValueOnce(new Response('', { status: 401 }));
    fetchMock.mockResolvedValueOnce(
      json({ code: 'EVIDENCE_TYPE_NOT_ALLOWED', message: '不支持的文件类型', field: 'file' }, 415),
    );

    const error = await authorizedFetch('/api/cases/1/evidence', { method: 'POST', body: new FormData() }).catch(
      (e: unknown) => e,
    );

    expect(auth.refresh).toHaveBeenCalledTimes(1);
    const headers = fetchMock.mock.calls.map(([, init]) => new Headers(init?.headers).get('authorization'));
    expect(headers).toEqual(['Bearer old-token', 'Bearer new-token']);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).first).toEqual({
      code: 'EVIDENCE_TYPE_NOT_ALLOWED',
      field: 'file',
      message: '不支持的文件类型',
    });
  });
});
