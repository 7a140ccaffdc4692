import type { Component } from 'vue';
import type { Role } from '@/graphql/generated/graphql';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title and menu label. */
    title?: string;
    /** Menu icon (an @element-plus/icons-vue component). */
    icon?: Component;
    /** Roles that may open the route (any of them); none = every signed-in user. */
    roles?: readonly Role[];
    /** Reachable without signing in. */
    public?: boolean;
    /** Rendered outside the console layout (sign-in, 404). */
    blank?: boolean;
    hideInMenu?: boolean;
    /** Menu order; lower first. */
    order?: number;
    /** A count shown beside the menu entry: a key of myQueues (我的待办). */
    badge?: string;
    /** The work queue a queue page lists (CaseWorkQueue or SupervisionWorkQueue value). */
    queue?: string;
  }
}

export {};
