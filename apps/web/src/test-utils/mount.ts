import { flushPromises } from '@vue/test-utils';
import { vi } from 'vitest';
import { i18n } from '@/locales';

/** Global mounting options every component test needs (i18n; Element Plus resolves on demand). */
export function withPlugins() {
  return { plugins: [i18n] };
}

// el-form-item shows its error through a 100 ms debounce (refDebounced in Element Plus).
const FORM_ITEM_ERROR_DEBOUNCE_MS = 100;

/**
 * Lets validation, submit handlers and the form-item error debounce finish. Under fake timers (the suites
 * where time matters) the debounce is stepped over, not waited for, so a busy CPU cannot reorder it.
 */
export async function settle(): Promise<void> {
  await flushPromises();
  if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(FORM_ITEM_ERROR_DEBOUNCE_MS + 30);
  else await new Promise((resolve) => setTimeout(resolve, FORM_ITEM_ERROR_DEBOUNCE_MS + 30));
  await flushPromises();
}
