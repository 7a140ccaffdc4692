import { onBeforeUnmount, watch } from 'vue';

const PREFIX = 'weiquan.draft.';

/**
 * Keeps a half-typed form in localStorage under `key` (per user), so it survives a sign-in again or a
 * reload; `restore()` puts it back into `form` once, `clear()` after a successful submit. Only the
 * clerk's own browser holds it.
 */
export function useFormDraft<F extends object>(key: string, form: F, isBlank: (form: F) => boolean) {
  const storageKey = PREFIX + key;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function save(): void {
    timer = undefined;
    try {
      if (isBlank(form)) localStorage.removeItem(storageKey);
      else localStorage.setItem(storageKey, JSON.stringify(form));
    } catch {
      // A full or disabled storage only costs the draft.
    }
  }

  const stop = watch(
    () => JSON.stringify(form),
    () => {
      clearTimeout(timer);
      timer = setTimeout(save, 300);
    },
  );

  /** True when a draft was found and applied. */
  function restore(): boolean {
    try {
      const raw = localStorage.getItem(storageKey);
      if (!raw) return false;
      Object.assign(form, JSON.parse(raw) as Partial<F>);
      return true;
    } catch {
      return false;
    }
  }

  function clear(): void {
    clearTimeout(timer);
    timer = undefined;
    localStorage.removeItem(storageKey);
  }

  onBeforeUnmount(() => {
    // Leaving the page (or the session ending) keeps what was typed so far.
    if (timer) {
      clearTimeout(timer);
      save();
    }
    stop();
  });

  return { restore, clear };
}
