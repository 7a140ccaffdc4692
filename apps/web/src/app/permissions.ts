import { Permission, ROLE_PERMISSIONS, permissionsOf } from '@weiquan/shared/auth';
import type { Role } from '@/graphql/generated/graphql';

export { Permission };

/** The roles that hold `permission` (the API's own table): for route `meta.roles`. */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** True when any of `roles` holds `permission`. The server still decides; this only hides buttons. */
export function can(roles: readonly Role[], permission: Permission): boolean {
  return permissionsOf(roles).has(permission);
}
