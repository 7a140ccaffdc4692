// Roles a user (or a service credential) can hold. Data scope (own unit / subtree / all) is set
// per role elsewhere; the case transitions table says which roles may take which step.
export const Role = {
  ADMIN: 'ADMIN',
  DIRECTOR: 'DIRECTOR',
  RECEPTIONIST: 'RECEPTIONIST',
  LEGAL_OFFICER: 'LEGAL_OFFICER',
  MEDIATOR: 'MEDIATOR',
  COORDINATOR: 'COORDINATOR',
  STATION_STAFF: 'STATION_STAFF',
  SUPERVISOR: 'SUPERVISOR',
  API_CLIENT: 'API_CLIENT',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const RoleLabel: Readonly<Record<Role, string>> = {
  ADMIN: '系统管理员',
  DIRECTOR: '领导',
  RECEPTIONIST: '受理接待员',
  LEGAL_OFFICER: '法律服务专员',
  MEDIATOR: '调解员',
  COORDINATOR: '诉调对接协调员',
  STATION_STAFF: '站点工作人员',
  SUPERVISOR: '督办/纪检监察',
  API_CLIENT: '外部系统',
};

/** Every role, in declaration order. */
export const ROLES: readonly Role[] = Object.values(Role);

/** True when `value` is one of the role codes. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
