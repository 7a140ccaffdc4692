import { AuthResolver } from './modules/auth/auth.resolver';
import { OrgUnitResolver } from './modules/org-unit/org-unit.resolver';
import { UserResolver } from './modules/user/user.resolver';

// Every resolver class, for schema emission. A resolver missing here fails the schema check.
export const RESOLVERS = [AuthResolver, OrgUnitResolver, UserResolver];
