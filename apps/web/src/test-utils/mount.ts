import { flushPromises } from '@vue/test-utils';
import { i18n } from '@/locales';

/** Global mounting options every component test needs (i18n; Element Plus resolves on demand). */
export function withPlugins() {
  return { plugins: [i18n] };
}

/** Element Plus validation and form-item errors settle over a few ticks and timers. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
