/** One GraphQL error as the console uses it: `extensions.code` / `extensions.field` / `message`. */
export interface ApiError {
  code: string;
  /** As the API names it, e.g. `username` or `input.password`; null when the error is not about one field. */
  field: string | null;
  message: string;
}

/** Codes the client itself produces (the API's codes come from `extensions.code`). */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
  unknown: 'UNKNOWN',
} as const;

/** Thrown by `request()` for transport failures and for any GraphQL `errors` in a response. */
export class RequestError extends Error {
  readonly errors: readonly ApiError[];

  constructor(errors: readonly ApiError[]) {
    super(errors[0]?.message || errors[0]?.code || CLIENT_ERROR_CODES.unknown);
    this.name = 'RequestError';
    this.errors = errors.length > 0 ? errors : [{ code: CLIENT_ERROR_CODES.unknown, field: null, message: '' }];
  }

  /** The first error: what a page shows when it shows one thing. */
  get first(): ApiError {
    return this.errors[0]!;
  }

  get code(): string {
    return this.first.code;
  }

  hasCode(code: string): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

/** Normalises anything thrown into ApiErrors, so views handle one shape. */
export function toApiErrors(error: unknown): readonly ApiError[] {
  if (error instanceof RequestError) return error.errors;
  const message = error instanceof Error ? error.message : String(error);
  return [{ code: CLIENT_ERROR_CODES.unknown, field: null, message }];
}

/** Form field an error belongs to: the API prefixes input fields with `input.`. */
export function formFieldOf(error: ApiError): string | null {
  if (!error.field) return null;
  return error.field.startsWith('input.') ? error.field.slice('input.'.length) : error.field;
}

/**
 * Splits errors into per-field messages (for `el-form-item :error`) and the rest.
 * Only fields listed in `fields` are attached to the form; others stay general.
 */
export function splitFieldErrors<F extends string>(
  errors: readonly ApiError[],
  fields: readonly F[],
): { byField: Partial<Record<F, string>>; general: ApiError[] } {
  const byField: Partial<Record<F, string>> = {};
  const general: ApiError[] = [];
  for (const error of errors) {
    const field = formFieldOf(error);
    if (field && (fields as readonly string[]).includes(field) && error.message) {
      byField[field as F] ??= error.message;
    } else {
      general.push(error);
    }
  }
  return { byField, general };
}
