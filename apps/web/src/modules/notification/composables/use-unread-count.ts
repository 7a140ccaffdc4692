import { ref } from 'vue';
import { request } from '@/api/request';
import { UnreadNotificationCountDocument } from '@/graphql/generated/graphql';

export const UNREAD_POLL_MS = 30_000;

// One count for the header bell and the message page (marking read refreshes it at once).
const unread = ref(0);

export async function refreshUnreadCount(): Promise<void> {
  try {
    unread.value = (await request(UnreadNotificationCountDocument)).unreadNotificationCount;
  } catch {
    // The bell is not worth an error toast; the next poll tries again.
  }
}

export function useUnreadCount() {
  return { unread, refresh: refreshUnreadCount };
}
