import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Bell, Checked, ChatLineRound, DocumentChecked, Phone, Promotion, Tickets } from '@element-plus/icons-vue';
import { CASE_TRANSITIONS, type CaseAction } from '@weiquan/shared/case';
import { Permission, rolesWith } from '@/app/permissions';
import type { Role } from '@/graphql/generated/graphql';

// 我的待办: one page per queue; the menu shows each queue's count (meta.badge names it in myQueues).
const rolesOf = (action: CaseAction): Role[] => [
  ...new Set(CASE_TRANSITIONS.filter((t) => t.action === action).flatMap((t) => t.roles as Role[])),
];
const page = () => import('./views/queue/index.vue');

export const routes: RouteRecordRaw[] = [
  {
    path: '/queues',
    redirect: '/queues/receive',
    meta: {
      title: 'workQueue.menu',
      icon: markRaw(Tickets),
      roles: rolesWith(Permission.CASE_READ),
      order: 1.5,
      badge: 'total',
    },
    children: [
      {
        path: 'receive',
        name: 'queue-receive',
        component: page,
        meta: {
          title: 'workQueue.receive',
          icon: markRaw(Promotion),
          roles: rolesOf('receiveCase'),
          order: 1,
          badge: 'receive',
          queue: 'RECEIVE',
        },
      },
      {
        path: 'approve',
        name: 'queue-approve',
        component: page,
        meta: {
          title: 'workQueue.approve',
          icon: markRaw(Checked),
          roles: ['DIRECTOR'],
          order: 2,
          badge: 'approve',
          queue: 'APPROVE',
        },
      },
      {
        path: 'reply',
        name: 'queue-reply',
        component: page,
        meta: {
          title: 'workQueue.reply',
          icon: markRaw(ChatLineRound),
          roles: rolesOf('replyCase'),
          order: 3,
          badge: 'reply',
          queue: 'REPLY',
        },
      },
      {
        path: 'follow-up',
        name: 'queue-follow-up',
        component: page,
        meta: {
          title: 'workQueue.followUp',
          icon: markRaw(Phone),
          roles: rolesOf('recordFollowUp'),
          order: 4,
          badge: 'followUp',
          queue: 'FOLLOW_UP',
        },
      },
      {
        path: 'supervision-answer',
        name: 'queue-supervision-answer',
        component: page,
        meta: {
          title: 'workQueue.supervisionAnswer',
          icon: markRaw(Bell),
          roles: rolesWith(Permission.CASE_HANDLE),
          order: 5,
          badge: 'supervisionAnswer',
          queue: 'ANSWER',
        },
      },
      {
        path: 'supervision-review',
        name: 'queue-supervision-review',
        component: page,
        meta: {
          title: 'workQueue.supervisionReview',
          icon: markRaw(DocumentChecked),
          roles: rolesWith(Permission.SUPERVISION_ISSUE),
          order: 6,
          badge: 'supervisionReview',
          queue: 'REVIEW',
        },
      },
    ],
  },
];
