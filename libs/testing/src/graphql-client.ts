/** A minimal GraphQL-over-HTTP client for tests: the same wire format other systems use. */
export interface GqlError {
  message: string;
  extensions?: { code?: string; field?: string; [k: string]: unknown };
}
export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: GqlError[];
  status: number;
}

export class GqlClient {
  constructor(
    readonly url: string,
    private authorization?: string,
  ) {}

  withBearer(token: string): GqlClient {
    return new GqlClient(this.url, `Bearer ${token}`);
  }
  withApiKey(key: string): GqlClient {
    return new GqlClient(this.url, `ApiKey ${key}`);
  }

  async request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.authorization ? { authorization: this.authorization } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GqlResult<T>, 'status'>;
    return { ...body, status: res.status };
  }

  /** Runs the operation and fails with the server's errors when there are any. */
  async ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.request<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors ?? r)}`);
    return r.data;
  }

  /** Runs the operation expecting exactly one error; returns it. */
  async error(query: string, variables?: Record<string, unknown>): Promise<GqlError> {
    const r = await this.request(query, variables);
    if (!r.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`);
    return r.errors[0];
  }
}

export const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      accessTokenExpiresAt
      user {
        id
        username
        roles
        unitId
        unit {
          id
          path
        }
      }
    }
  }
`;

export async function loginAs(
  client: GqlClient,
  username: string,
  password = 'Weiquan@2026',
): Promise<{
  client: GqlClient;
  accessToken: string;
  refreshToken: string;
  user: { id: string; unitId: string; unit: { id: string; path: string } };
}> {
  const data = await client.ok<{ login: any }>(LOGIN, { input: { username, password } });
  return { client: client.withBearer(data.login.accessToken), ...data.login };
}
