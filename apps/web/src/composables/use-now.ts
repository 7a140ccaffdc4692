import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';

// One ticking clock for every countdown on screen: a single interval while anyone listens.
const now = ref(Date.now());
let listeners = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** The current time in ms, updated every second while the calling component lives. */
export function useNow(): Readonly<Ref<number>> {
  if (listeners++ === 0) {
    now.value = Date.now();
    timer = setInterval(() => {
      now.value = Date.now();
    }, 1000);
  }
  if (getCurrentScope()) {
    onScopeDispose(() => {
      if (--listeners === 0) {
        clearInterval(timer);
        timer = undefined;
      }
    });
  }
  return now;
}
