import type { Role } from '@/graphql/generated/graphql';
import { can, Permission } from '@/app/permissions';
import { HOME_PATH } from './constants';

/** The statistics overview (本单位概览): a director's or supervisor's own figures and queue counts. */
export const STATS_HOME_PATH = '/stats/overview';

/**
 * Where 首页 leads (issue 14): a user holding a director or supervisor role lands on their KPIs
 * instead of the operator's queue (the overview also counts their queues); everyone else on the
 * workbench. Administrators keep the workbench: they hold every permission, not a director's duties.
 */
export function landingPath(roles: readonly Role[]): string {
  if (roles.includes('ADMIN')) return HOME_PATH;
  const leads = roles.includes('DIRECTOR') || roles.includes('SUPERVISOR');
  return leads && can(roles, Permission.STATS_READ) ? STATS_HOME_PATH : HOME_PATH;
}

/** Only same-app paths are followed after sign-in (no open redirects). */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : HOME_PATH;
}
