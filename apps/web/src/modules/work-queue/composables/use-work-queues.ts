import { reactive, watch } from 'vue';
import { request } from '@/api/request';
import { MyQueuesDocument, type MyQueuesQuery } from '@/graphql/generated/graphql';
import { useUnreadCount } from '@/modules/notification/composables/use-unread-count';

export type QueueCounts = Omit<MyQueuesQuery['myQueues'], '__typename'>;
export type QueueKey = Exclude<keyof QueueCounts, 'total'>;

export const QUEUE_POLL_MS = 60_000;

// One set of counts for the menu badges and the home page's 我的待办.
const counts = reactive<QueueCounts>({
  receive: 0,
  approve: 0,
  reply: 0,
  followUp: 0,
  supervisionAnswer: 0,
  supervisionReview: 0,
  total: 0,
});
let started = false;

export async function refreshQueueCounts(): Promise<void> {
  try {
    const { myQueues } = await request(MyQueuesDocument);
    const { __typename: _, ...rest } = myQueues as MyQueuesQuery['myQueues'] & { __typename?: string };
    Object.assign(counts, rest);
  } catch {
    // A badge is not worth an error toast; the next refresh tries again.
  }
}

/**
 * The counts, refreshed on an interval and whenever the unread notification count grows (work that
 * arrives comes with a notification). Started once by the layout.
 */
export function useWorkQueues(opts: { poll?: boolean } = {}) {
  if (opts.poll && !started) {
    started = true;
    void refreshQueueCounts();
    setInterval(() => void refreshQueueCounts(), QUEUE_POLL_MS);
    const { unread } = useUnreadCount();
    watch(unread, (now, before) => {
      if (now > before) void refreshQueueCounts();
    });
  }
  return { counts, refresh: refreshQueueCounts };
}
