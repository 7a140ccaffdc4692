import type { DataScope, Role } from '@/graphql/generated/graphql';

// Records keyed by the generated unions: adding a role to the schema fails typecheck here
// until the console knows about it.
const ROLE_ORDER: Record<Role, number> = {
  ADMIN: 1,
  DIRECTOR: 2,
  RECEPTIONIST: 3,
  LEGAL_OFFICER: 4,
  MEDIATOR: 5,
  COORDINATOR: 6,
  STATION_STAFF: 7,
  SUPERVISOR: 8,
  API_CLIENT: 9,
};

const DATA_SCOPE_ORDER: Record<DataScope, number> = { OWN_UNIT: 1, SUBTREE: 2, ALL: 3 };

const ordered = <K extends string>(order: Record<K, number>): K[] =>
  (Object.keys(order) as K[]).sort((a, b) => order[a] - order[b]);

export const ROLES: readonly Role[] = ordered(ROLE_ORDER);
export const DATA_SCOPES: readonly DataScope[] = ordered(DATA_SCOPE_ORDER);
