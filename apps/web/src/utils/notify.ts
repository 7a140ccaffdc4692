import { ElMessage, ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import { RequestError, toApiErrors } from '@/api/errors';
import { i18n } from '@/locales';
import { errorText } from './error-message';

/** Shows the first error of anything thrown as a toast (the API's zh-CN message or its code's text). */
export function showError(error: unknown): void {
  const first = toApiErrors(error)[0];
  if (first) ElMessage.error(errorText(first));
}

export function showSuccess(message: string): void {
  ElMessage.success(message);
}

/** Someone else changed the record meanwhile: say so (the caller reloads). */
export function showConflict(): void {
  ElMessage.warning(i18n.global.t('workroom.common.conflict'));
}

/** Asks before a destructive step; resolves false on cancel. */
export function confirmDanger(message: string, confirmText: string): Promise<boolean> {
  const t = i18n.global.t;
  return ElMessageBox.confirm(message, t('common.confirmTitle'), {
    type: 'warning',
    confirmButtonText: confirmText,
    confirmButtonType: 'danger',
    cancelButtonText: t('common.cancel'),
  })
    .then(() => true)
    .catch(() => false);
}

/**
 * Asks for one line of text (a reason, a result); resolves null on cancel. `required` rejects blank
 * input in the box itself, before anything is sent.
 */
export function promptText(
  message: string,
  title: string,
  opts: { required?: boolean; placeholder?: string; multiline?: boolean } = {},
): Promise<string | null> {
  const t = i18n.global.t;
  return ElMessageBox.prompt(message, title, {
    inputPlaceholder: opts.placeholder,
    inputType: opts.multiline ? 'textarea' : 'text',
    inputValidator: opts.required ? (v) => (v && v.trim() ? true : t('workroom.common.required')) : undefined,
    confirmButtonText: t('common.confirm'),
    cancelButtonText: t('common.cancel'),
  })
    .then((r) => (r.value ?? '').trim())
    .catch(() => null);
}

/** After a failed inline change (no form): a CONFLICT says so and reloads, anything else is shown. */
export function showMutationError(error: unknown, reload: () => unknown): void {
  if (error instanceof RequestError && error.hasCode('CONFLICT')) {
    showConflict();
    void reload();
  } else showError(error);
}
