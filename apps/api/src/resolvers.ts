import { AuthResolver } from './modules/auth/auth.resolver';
import { CalendarResolver } from './modules/calendar/calendar.resolver';
import { EvidenceResolver } from './modules/evidence/evidence.resolver';
import { CaseMutationResolver } from './modules/case/case-mutation.resolver';
import { CaseResolver } from './modules/case/case.resolver';
import { DeadlineResolver } from './modules/deadline/deadline.resolver';
import { DeadlineAdminResolver } from './modules/deadline/deadline-admin.resolver';
import { NotificationResolver } from './modules/notification/notification.resolver';
import { OrgUnitResolver } from './modules/org-unit/org-unit.resolver';
import { CaseSupervisionResolver } from './modules/supervision/case-supervision.resolver';
import { SupervisionResolver } from './modules/supervision/supervision.resolver';
import { UserResolver } from './modules/user/user.resolver';

// Every resolver class, for schema emission. A resolver missing here fails the schema check.
export const RESOLVERS = [AuthResolver, CaseResolver, CaseMutationResolver, DeadlineResolver, DeadlineAdminResolver, OrgUnitResolver, SupervisionResolver, UserResolver, EvidenceResolver, CaseSupervisionResolver, CalendarResolver, NotificationResolver];
