import { Permission, can } from '@/app/permissions';
import type { Role } from '@/graphql/generated/graphql';

// What each workroom page shows to whom. Reading needs 案件查看 (CASE_READ); recording anything
// needs 案件办理 (CASE_HANDLE); a 待办 queue is for those who handle. The API still decides.

export type WorkroomCode = 'legal' | 'mediation' | 'litigationLink';

export interface WorkroomTab {
  name: string;
  /** i18n key of the tab label. */
  label: string;
  /** Needed to see the tab at all. */
  permission: Permission;
}

const QUEUE: WorkroomTab = { name: 'queue', label: 'workroom.tab.queue', permission: Permission.CASE_HANDLE };

export const WORKROOM_TABS: Readonly<Record<WorkroomCode, readonly WorkroomTab[]>> = {
  legal: [
    QUEUE,
    { name: 'consultations', label: 'legal.tab.consultations', permission: Permission.CASE_READ },
    { name: 'litigation', label: 'legal.tab.litigation', permission: Permission.CASE_READ },
    { name: 'volunteers', label: 'legal.tab.volunteers', permission: Permission.CASE_READ },
    { name: 'trainings', label: 'legal.tab.trainings', permission: Permission.CASE_READ },
    { name: 'duty', label: 'legal.tab.duty', permission: Permission.CASE_READ },
    { name: 'archive', label: 'legal.tab.archive', permission: Permission.CASE_READ },
  ],
  mediation: [QUEUE, { name: 'case', label: 'mediation.tab.case', permission: Permission.CASE_READ }],
  litigationLink: [
    QUEUE,
    { name: 'referrals', label: 'link.tab.referrals', permission: Permission.CASE_READ },
    { name: 'handlings', label: 'link.tab.handlings', permission: Permission.CASE_READ },
    { name: 'experts', label: 'link.tab.experts', permission: Permission.CASE_READ },
    { name: 'seminars', label: 'link.tab.seminars', permission: Permission.CASE_READ },
    { name: 'linkage', label: 'link.tab.linkage', permission: Permission.CASE_READ },
  ],
};

/** The tabs of `workroom` that `roles` may open, in order. */
export function visibleTabs(workroom: WorkroomCode, roles: readonly Role[]): WorkroomTab[] {
  return WORKROOM_TABS[workroom].filter((tab) => can(roles, tab.permission));
}

/** The tab to open: the requested one when visible, else the first visible one (null: none). */
export function initialTab(workroom: WorkroomCode, roles: readonly Role[], requested: unknown): string | null {
  const tabs = visibleTabs(workroom, roles);
  const wanted = typeof requested === 'string' ? tabs.find((t) => t.name === requested) : undefined;
  return (wanted ?? tabs[0])?.name ?? null;
}

/** Whether `roles` may record / change workroom items (create buttons, edit links). */
export function canWrite(roles: readonly Role[]): boolean {
  return can(roles, Permission.CASE_HANDLE);
}
