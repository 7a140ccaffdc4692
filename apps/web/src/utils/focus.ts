const FIELD =
  'input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([disabled]), textarea:not([disabled]), [role=radiogroup] input, select';

/** Focuses the first enabled field inside `root` (dialogs open on their first field, not their frame). */
export function focusFirstField(root: Element | null | undefined): void {
  root?.querySelector<HTMLElement>(FIELD)?.focus();
}
