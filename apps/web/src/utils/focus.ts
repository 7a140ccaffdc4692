const FIELD =
  'input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([disabled]), textarea:not([disabled]), [role=radiogroup] input, select';

/** Focuses the first enabled field inside `root` (dialogs open on their first field, not their frame). */
export function focusFirstField(root: Element | null | undefined): void {
  const first = root?.querySelector<HTMLElement>(FIELD);
  // In a radio group the chosen option takes the focus (as Tab does), not the group's first option.
  const group = first?.closest('[role=radiogroup]');
  (group?.querySelector<HTMLElement>('input:checked') ?? first)?.focus();
}

const NEXT_FIELD =
  'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), select:not([disabled]), button.el-switch__input, [role=radiogroup] input:checked';

/**
 * Enter in a one-line text field moves to the next field of `root` (forms are filled by keyboard;
 * Ctrl+Enter submits). Returns true when it moved. Pickers keep their Enter (select an option,
 * add a tag): only plain el-input text fields move on.
 */
export function focusNextField(event: KeyboardEvent, root: Element | null | undefined): boolean {
  const target = event.target as HTMLElement | null;
  if (!root || !target || event.shiftKey || event.altKey) return false;
  if (!(target instanceof HTMLInputElement) || !target.classList.contains('el-input__inner')) return false;
  if (target.closest('.el-select, .el-autocomplete, .el-date-editor, .items-input, [data-enter-keeps]')) return false;
  // Fields inside a hidden part (v-show, a collapsed section) are skipped.
  const fields = [...root.querySelectorAll<HTMLElement>(NEXT_FIELD)].filter(
    (el) => !el.closest('[hidden], [aria-hidden="true"], [style*="display: none"]'),
  );
  const next = fields[fields.indexOf(target) + 1];
  if (!next) return false;
  next.focus();
  return true;
}

/**
 * A form's Enter key (#17 item 4): Ctrl+Enter (⌘+Enter) submits, Enter in a one-line field moves to the
 * next field of `root`; an IME composition keeps its Enter.
 */
export function onFormEnter(event: KeyboardEvent, root: Element | null | undefined, submit: () => void): void {
  if (event.key !== 'Enter' || event.isComposing) return;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    submit();
  } else if (focusNextField(event, root)) event.preventDefault();
}
