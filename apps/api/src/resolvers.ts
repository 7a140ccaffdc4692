import { AuthResolver } from './modules/auth/auth.resolver';
import { EvidenceResolver } from './modules/evidence/evidence.resolver';
import { CaseMutationResolver } from './modules/case/case-mutation.resolver';
import { CaseResolver } from './modules/case/case.resolver';
import { OrgUnitResolver } from './modules/org-unit/org-unit.resolver';
import { CaseSupervisionResolver } from './modules/supervision/case-supervision.resolver';
import { SupervisionResolver } from './modules/supervision/supervision.resolver';
import { UserResolver } from './modules/user/user.resolver';

// Every resolver class, for schema emission. A resolver missing here fails the schema check.
export const RESOLVERS = [AuthResolver, CaseResolver, CaseMutationResolver, OrgUnitResolver, SupervisionResolver, UserResolver, EvidenceResolver, CaseSupervisionResolver];
