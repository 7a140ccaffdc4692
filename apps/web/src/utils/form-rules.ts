import type { FormItemRule } from 'element-plus';

// The rules the dialogs repeat. Text is checked when the user leaves the field, a choice when it
// changes, everything again on submit (#17 item 7: nothing is red before the user has acted).

/** Text that must not be empty or only spaces. */
export function requiredText(message: string): FormItemRule[] {
  return [{ required: true, whitespace: true, message, trigger: 'blur' }];
}

/** A value picked from a list, a date or a case. */
export function requiredChoice(message: string): FormItemRule[] {
  return [{ required: true, message, trigger: 'change' }];
}

/** At least one entry of a multiple select. */
export function requiredList(message: string): FormItemRule[] {
  return [{ type: 'array', required: true, min: 1, message, trigger: 'change' }];
}

/** What an optional text field sends: the trimmed text, or null when nothing is left. */
export function textOrNull(value: string): string | null {
  return value.trim() || null;
}
