import { ref, shallowRef } from 'vue';
import { i18n } from '@/locales';
import { showConflict, showSuccess } from '@/utils/notify';

/**
 * The create/edit dialog of a registry panel: `open(row)` (null creates), `onSaved` says so and puts
 * the row in place (a new row reloads the list from page 1), `onConflict` says someone else changed it
 * and reloads. `changed` runs after either save (a case page refreshes what depends on it).
 */
export function useRecordEditor<T extends { id: string }>(
  list: { search: () => unknown; load: () => unknown; replaceRow: (row: T) => void },
  opts: { changed?: () => void } = {},
) {
  const dialog = ref(false);
  const editing = shallowRef<T | null>(null);

  function open(row: T | null): void {
    editing.value = row;
    dialog.value = true;
  }

  function onSaved(row: T, created: boolean): void {
    const t = i18n.global.t;
    showSuccess(created ? t('workroom.common.created') : t('workroom.common.saved'));
    if (created) void list.search();
    else list.replaceRow(row);
    opts.changed?.();
  }

  function onConflict(): void {
    showConflict();
    void list.load();
  }

  return { dialog, editing, open, onSaved, onConflict };
}
