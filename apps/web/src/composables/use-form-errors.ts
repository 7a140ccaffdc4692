import { reactive, ref } from 'vue';
import { RequestError, formFieldOf, toApiErrors, type ApiError } from '@/api/errors';

/**
 * The form field an API error belongs to: `input.staffIds.1` → `staffIds`,
 * `input.parties.0.name` → `parties`, `reason` → `reason`; null when it names none of `fields`.
 */
export function fieldOfError<F extends string>(error: ApiError, fields: readonly F[]): F | null {
  const path = formFieldOf(error);
  if (!path) return null;
  const head = path.split('.')[0]!;
  return (fields as readonly string[]).includes(head) ? (head as F) : null;
}

/**
 * Server errors of one form: messages next to the field they name (`el-form-item :error`), the rest
 * in one alert. `apply()` returns true for a CONFLICT (someone else changed the record meanwhile).
 */
export function useFormErrors<F extends string>(fields: readonly F[]) {
  const fieldErrors = reactive({}) as Partial<Record<F, string>>;
  const general = ref<ApiError | null>(null);

  function clear(): void {
    for (const f of fields) delete fieldErrors[f];
    general.value = null;
  }

  function clearField(field: F): void {
    delete fieldErrors[field];
  }

  function apply(error: unknown): { conflict: boolean } {
    clear();
    const errors = toApiErrors(error);
    const rest: ApiError[] = [];
    for (const e of errors) {
      const field = e.code === 'CONFLICT' ? null : fieldOfError(e, fields);
      if (field && e.message) fieldErrors[field] ??= e.message;
      else rest.push(e);
    }
    general.value = rest[0] ?? null;
    return { conflict: error instanceof RequestError && error.hasCode('CONFLICT') };
  }

  return { fieldErrors, general, clear, clearField, apply };
}
