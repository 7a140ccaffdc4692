import { readonly, ref, type Ref } from 'vue';

/** Below this width (a 1024 or 1152 px screen) the lists drop their secondary columns (#17 item 6). */
export const WIDE_SCREEN_MIN = 1200;

let wide: Ref<boolean> | undefined;

/**
 * Whether the window is at least WIDE_SCREEN_MIN wide, kept up to date as it resizes. The lists show a
 * column marked `secondary` only then, so that at 1024×768 the essential columns and the actions fit
 * without scrolling the table sideways. One media query listener serves every table.
 */
export function useWideScreen(): Readonly<Ref<boolean>> {
  if (!wide) {
    const query = typeof window !== 'undefined' ? window.matchMedia?.(`(min-width: ${WIDE_SCREEN_MIN}px)`) : undefined;
    const state = ref(query?.matches ?? true);
    query?.addEventListener?.('change', (event) => (state.value = event.matches));
    wide = state;
  }
  return readonly(wide);
}
