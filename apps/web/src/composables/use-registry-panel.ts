import { computed, onMounted } from 'vue';
import type { UnwrapNestedRefs } from 'vue';
import { useAuthStore } from '@/app/stores/auth';
import { i18n } from '@/locales';
import { canWrite } from '@/utils/workroom-access';
import { confirmDanger, showMutationError, showSuccess } from '@/utils/notify';
import { usePagedList, type PageArgs, type PageResult } from './use-paged-list';
import { useRecordEditor } from './use-record-editor';

/**
 * The props of a record panel that also shows on a case page (法律咨询, 诉讼支持, 移送法院, 部门联办): with
 * `caseId` it lists and creates that case's records only. `withDefaults(defineProps<CaseScopedPanelProps>(),
 * { caseId: null, caseNo: null })`; the panel emits `changed` (`defineEmits<CaseScopedPanelEvents>()`) so the
 * case page reloads what the record changed.
 */
export interface CaseScopedPanelProps {
  caseId?: string | null;
  caseNo?: string | null;
}
export type CaseScopedPanelEvents = { changed: [] };

/**
 * A workroom registry panel (志愿者, 专家, 研讨, 培训, 移送法院, 诉讼支持 …): the paged list with its filter in
 * the URL under `url`, the add/edit dialog's state, whether the user may write, loaded on mount. The
 * panel keeps only its query, its columns and its dialog.
 */
export function useRegistryPanel<T extends { id: string }, F extends object>(
  fetchPage: (filter: UnwrapNestedRefs<F>, page: PageArgs) => Promise<PageResult<T>>,
  initialFilter: () => F,
  opts: { url: string; changed?: () => void },
) {
  const auth = useAuthStore();
  const writable = computed(() => canWrite(auth.roles));
  const list = usePagedList<T, F>(fetchPage, initialFilter, { url: opts.url });
  const editor = useRecordEditor(list, { changed: opts.changed });
  onMounted(() => void list.start());
  // The add/edit dialog's bindings in one object: `<XDialog v-bind="editorBindings" />`.
  const editorBindings = computed(() => ({
    modelValue: editor.dialog.value,
    'onUpdate:modelValue': (open: boolean) => (editor.dialog.value = open),
    item: editor.editing.value,
    onSaved: editor.onSaved,
    onConflict: editor.onConflict,
  }));
  return { writable, list, filter: list.filter, load: list.load, search: list.search, editorBindings, ...editor };
}

/**
 * Retire / rejoin a roster entry (its history stays): asks before retiring (`confirm` names the entry),
 * saves `active` with the row's version, puts the saved row in place; a conflict reloads the list.
 */
export function useActiveToggle<T extends { id: string; version: number }>(
  list: { load: () => unknown; replaceRow: (row: T) => void },
  opts: { confirm: (row: T) => string; confirmText: string; update: (row: T, active: boolean) => Promise<T> },
) {
  return async function setActive(row: T, active: boolean): Promise<void> {
    if (!active && !(await confirmDanger(opts.confirm(row), opts.confirmText))) return;
    try {
      list.replaceRow(await opts.update(row, active));
      showSuccess(i18n.global.t('workroom.common.saved'));
    } catch (error) {
      showMutationError(error, list.load);
    }
  };
}
