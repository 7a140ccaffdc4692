import { onBeforeUnmount, onMounted } from 'vue';
import { ElNotification, type NotificationHandle } from 'element-plus';
import 'element-plus/es/components/notification/style/css';
import { useAuthStore } from '@/app/stores/auth';
import { i18n } from '@/locales';

/** How long before the access token expires the keeper acts (refresh or warn). */
export const SESSION_WARN_MS = 60_000;
const CHECK_EVERY_MS = 5_000;
const ACTIVITY = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * Keeps a working session alive: a minute before the access token expires it is refreshed silently
 * when the user has done something since the last renewal (typing, clicking), otherwise a warning
 * offers to continue. Without it a clerk idle over a half-typed form met the sign-in page.
 */
export function useSessionKeeper(): void {
  const auth = useAuthStore();
  let lastActivity = Date.now();
  let renewedAt = Date.now();
  let warning: NotificationHandle | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let busy = false;

  const onActivity = (): void => {
    lastActivity = Date.now();
  };

  async function renew(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      if (await auth.refresh()) renewedAt = Date.now();
      warning?.close();
      warning = null;
    } finally {
      busy = false;
    }
  }

  function check(): void {
    const expiresAt = Date.parse(auth.session?.accessTokenExpiresAt ?? '');
    if (!auth.isSignedIn || !Number.isFinite(expiresAt)) return;
    const left = expiresAt - Date.now();
    if (left > SESSION_WARN_MS || left <= 0) return;
    if (lastActivity > renewedAt) {
      void renew();
      return;
    }
    if (warning) return;
    const t = i18n.global.t;
    warning = ElNotification({
      type: 'warning',
      title: t('layout.session.title'),
      message: t('layout.session.message'),
      duration: 0,
      customClass: 'session-warning',
      onClick: () => void renew(),
      onClose: () => {
        warning = null;
      },
    });
  }

  onMounted(() => {
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { passive: true, capture: true });
    timer = setInterval(check, CHECK_EVERY_MS);
  });
  onBeforeUnmount(() => {
    for (const e of ACTIVITY) window.removeEventListener(e, onActivity, { capture: true });
    clearInterval(timer);
    warning?.close();
  });
}
