import { Role } from './roles';

// Every GraphQL root field declares one of these; the API guard denies a field that declares none.
export const Permission = {
  ORG_READ: 'org.read',
  ORG_MANAGE: 'org.manage',
  USER_READ: 'user.read',
  USER_MANAGE: 'user.manage',
  /** Searching the audit log (who, what, when, target): administrators with city-wide scope. */
  AUDIT_READ: 'audit.read',
  CASE_READ: 'case.read',
  CASE_REGISTER: 'case.register',
  CASE_HANDLE: 'case.handle',
  CASE_UNMASK: 'case.unmask',
  SUPERVISION_ISSUE: 'supervision.issue',
  RULES_MANAGE: 'rules.manage',
  QUEUE_DASHBOARD: 'queue.dashboard',
  // Other government systems: transfer-in (转办登记) and reading back their own transfers; client administration.
  CASE_TRANSFER: 'case.transfer',
  TRANSFER_READ: 'transfer.read',
  API_CLIENT_MANAGE: 'apiclient.manage',
  /** Figures, tables, drill-downs and exports of the statistics (统计分析), within the data scope. */
  STATS_READ: 'stats.read',
  /** #16 办事公开: the staff board and the address, phone and office hours of the units in scope. */
  PUBLIC_INFO_MANAGE: 'publicinfo.manage',
  /** #16 意见箱: the directors list and answer the public's messages to the centers in scope. */
  PUBLIC_SUGGESTION_HANDLE: 'publicsuggestion.handle',
  /** #16 典型案例: directors (and administrators) write, publish and withdraw typical cases of their scope. */
  TYPICAL_CASE_MANAGE: 'typicalcase.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const P = Permission;
const STAFF_BASE: Permission[] = [P.ORG_READ, P.CASE_READ, P.CASE_REGISTER, P.CASE_HANDLE, P.STATS_READ];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: Object.values(P),
  DIRECTOR: [
    ...STAFF_BASE,
    P.USER_READ,
    P.CASE_UNMASK,
    P.SUPERVISION_ISSUE,
    P.PUBLIC_INFO_MANAGE,
    P.PUBLIC_SUGGESTION_HANDLE,
    P.TYPICAL_CASE_MANAGE,
  ],
  RECEPTIONIST: [...STAFF_BASE, P.CASE_UNMASK, P.SUPERVISION_ISSUE, P.PUBLIC_INFO_MANAGE],
  LEGAL_OFFICER: [...STAFF_BASE],
  MEDIATOR: [...STAFF_BASE],
  COORDINATOR: [...STAFF_BASE],
  STATION_STAFF: [...STAFF_BASE],
  SUPERVISOR: [P.ORG_READ, P.CASE_READ, P.USER_READ, P.SUPERVISION_ISSUE, P.STATS_READ],
  // An API client's permissions come from the operations granted to it (api-operations.ts), not from this role.
  API_CLIENT: [],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r] ?? []) out.add(p);
  return out;
}
