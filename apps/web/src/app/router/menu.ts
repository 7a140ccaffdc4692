import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '@/graphql/generated/graphql';

export interface MenuItem {
  /** Full route path; also the el-menu index. */
  path: string;
  /** i18n key. */
  title: string;
  icon?: Component;
  /** Key of the count shown beside the entry (route meta.badge). */
  badge?: string;
  children?: MenuItem[];
}

export function canAccess(required: readonly Role[] | undefined, roles: readonly Role[]): boolean {
  return !required || required.length === 0 || required.some((role) => roles.includes(role));
}

function joinPath(parent: string, path: string): string {
  if (path.startsWith('/')) return path;
  return `${parent.replace(/\/$/, '')}/${path}`;
}

/**
 * Builds the sidebar from route records, keeping only what `roles` may open.
 * A group whose children are all hidden disappears with them.
 */
export function buildMenu(records: readonly RouteRecordRaw[], roles: readonly Role[], parentPath = '/'): MenuItem[] {
  const items: { item: MenuItem; order: number }[] = [];
  for (const record of records) {
    const meta = record.meta ?? {};
    if (meta.hideInMenu || meta.public || !meta.title) continue;
    if (!canAccess(meta.roles, roles)) continue;
    const path = joinPath(parentPath, record.path);
    const item: MenuItem = { path, title: meta.title, icon: meta.icon, ...(meta.badge ? { badge: meta.badge } : {}) };
    if (record.children && record.children.length > 0) {
      const children = buildMenu(record.children, roles, path);
      if (children.length === 0) continue;
      item.children = children;
    }
    items.push({ item, order: meta.order ?? 100 });
  }
  return items.sort((a, b) => a.order - b.order).map((entry) => entry.item);
}
