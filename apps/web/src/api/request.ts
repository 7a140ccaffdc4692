import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { CLIENT_ERROR_CODES, RequestError, type ApiError } from './errors';

// The console's one request client: fetch + print(TypedDocumentNode). No cache, no links.

export const GRAPHQL_ENDPOINT: string = import.meta.env.VITE_GRAPHQL_URL || '/graphql';

const UNAUTHENTICATED = 'UNAUTHENTICATED';

/** How the client reaches the session; the auth store provides it at start-up (no import cycle). */
export interface RequestAuth {
  getAccessToken(): string | null;
  /** True when the access token is known to be expired, so we refresh before sending. */
  isAccessTokenExpired(): boolean;
  /** Rotates the refresh token; resolves false when the session cannot be renewed. */
  refresh(): Promise<boolean>;
  /** Called once the session is gone (refresh failed): clear state, go to sign-in. */
  onSessionExpired(): void;
}

export interface RequestOptions {
  /** false for login/refresh: no bearer token and no refresh on UNAUTHENTICATED. */
  auth?: boolean;
  signal?: AbortSignal;
}

type EmptyVariables = Record<string, never>;
export type RequestArgs<V> = EmptyVariables extends V
  ? [variables?: V, options?: RequestOptions]
  : [variables: V, options?: RequestOptions];

interface GraphQLErrorJson {
  message?: string;
  extensions?: { code?: unknown; field?: unknown; details?: unknown };
}
interface GraphQLResponseJson<T> {
  data?: T | null;
  errors?: GraphQLErrorJson[];
}

let auth: RequestAuth | null = null;
let refreshing: Promise<boolean> | null = null;
const printed = new WeakMap<DocumentNode, { query: string; operationName: string | undefined }>();

export function configureRequestAuth(provider: RequestAuth | null): void {
  auth = provider;
  refreshing = null;
}

/**
 * Runs an operation that answers with one field (the saved record of a create/update mutation, a
 * page of a list query) and resolves to that field's value, so the caller says only what it sends.
 */
export async function requestField<TResult extends Record<string, unknown>, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  ...args: RequestArgs<TVariables>
): Promise<TResult[keyof TResult]> {
  const data = await request(document, ...args);
  return Object.values(data)[0] as TResult[keyof TResult];
}

/** Runs one GraphQL operation; throws RequestError with {code, field, message} items. */
export async function request<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  ...[variables, options = {}]: RequestArgs<TVariables>
): Promise<TResult> {
  const useAuth = options.auth !== false && auth !== null;
  if (useAuth && auth!.isAccessTokenExpired()) await refreshOnce();

  let response = await send<TResult>(document, variables, options, useAuth);
  if (useAuth && isUnauthenticated(response)) {
    const usedToken = auth!.getAccessToken();
    // Another request (or tab) may already have rotated the token while ours was in flight.
    const renewed = response.token !== usedToken && usedToken !== null ? true : await refreshOnce();
    if (!renewed) {
      auth!.onSessionExpired();
      throw new RequestError(response.errors);
    }
    response = await send<TResult>(document, variables, options, true);
    if (isUnauthenticated(response)) auth!.onSessionExpired();
  }
  if (response.errors.length > 0) throw new RequestError(response.errors);
  if (response.data == null) {
    throw new RequestError([{ code: CLIENT_ERROR_CODES.badResponse, field: null, message: '' }]);
  }
  return response.data;
}

/** One refresh at a time: concurrent UNAUTHENTICATED responses share the same rotation. */
function refreshOnce(): Promise<boolean> {
  if (!auth) return Promise.resolve(false);
  refreshing ??= auth
    .refresh()
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

interface SendResult<T> {
  data: T | null;
  errors: ApiError[];
  status: number;
  /** The bearer token this attempt used. */
  token: string | null;
}

function isUnauthenticated(result: SendResult<unknown>): boolean {
  return result.status === 401 || result.errors.some((e) => e.code === UNAUTHENTICATED);
}

async function send<T>(
  document: DocumentNode,
  variables: unknown,
  options: RequestOptions,
  useAuth: boolean,
): Promise<SendResult<T>> {
  const { query, operationName } = printDocument(document);
  const token = useAuth ? auth!.getAccessToken() : null;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;

  let res: Response;
  try {
    res = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, operationName, variables: variables ?? {} }),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new RequestError([{ code: CLIENT_ERROR_CODES.network, field: null, message: '' }]);
  }

  let body: GraphQLResponseJson<T> | null = null;
  try {
    body = (await res.json()) as GraphQLResponseJson<T>;
  } catch {
    body = null;
  }
  if (!body || (body.data === undefined && !body.errors)) {
    const code = res.status === 401 ? UNAUTHENTICATED : CLIENT_ERROR_CODES.badResponse;
    return { data: null, errors: [{ code, field: null, message: '' }], status: res.status, token };
  }
  return { data: body.data ?? null, errors: (body.errors ?? []).flatMap(fromGraphQLError), status: res.status, token };
}

/**
 * One GraphQL error → ApiErrors. Input validation lists every failing field in
 * `extensions.details.errors` ({ field, message }); each becomes its own error so a form can mark
 * all of them at once (the first one is the error itself).
 */
function fromGraphQLError(error: GraphQLErrorJson): ApiError[] {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : CLIENT_ERROR_CODES.unknown;
  const field = typeof error.extensions?.field === 'string' ? error.extensions.field : null;
  const first: ApiError = { code, field, message: error.message ?? '' };
  const details = (error.extensions?.details as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(details)) return [first];
  const more = details
    .filter(
      (d): d is { field: string; message: string } => typeof d?.field === 'string' && typeof d?.message === 'string',
    )
    .filter((d) => !(d.field === first.field && d.message === first.message))
    .map((d) => ({ code, field: d.field, message: d.message }));
  return [first, ...more];
}

/**
 * fetch() for the REST endpoints (evidence upload/download) with the same session as GraphQL:
 * bearer token, refresh before sending when expired, one refresh and retry on 401.
 * Non-2xx answers become a RequestError from the `{ code, message, field }` body.
 */
export async function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  if (auth?.isAccessTokenExpired()) await refreshOnce();
  const attempt = async (): Promise<Response> => {
    const headers = new Headers(init.headers);
    const token = auth?.getAccessToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    try {
      return await fetch(url, { ...init, headers });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new RequestError([{ code: CLIENT_ERROR_CODES.network, field: null, message: '' }]);
    }
  };
  let res = await attempt();
  if (res.status === 401 && auth) {
    if (!(await refreshOnce())) {
      auth.onSessionExpired();
      throw new RequestError([{ code: UNAUTHENTICATED, field: null, message: '' }]);
    }
    res = await attempt();
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { code?: unknown; message?: unknown; field?: unknown } | null;
    throw new RequestError([
      {
        code:
          typeof body?.code === 'string'
            ? body.code
            : res.status === 401
              ? UNAUTHENTICATED
              : CLIENT_ERROR_CODES.badResponse,
        field: typeof body?.field === 'string' ? body.field : null,
        message: typeof body?.message === 'string' ? body.message : '',
      },
    ]);
  }
  return res;
}

function printDocument(document: DocumentNode): { query: string; operationName: string | undefined } {
  let entry = printed.get(document);
  if (!entry) {
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    entry = { query: print(document), operationName: operation?.name?.value };
    printed.set(document, entry);
  }
  return entry;
}
