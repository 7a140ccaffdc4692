import { Foundation1764000000000 } from './1764000000000-foundation';
import { Cases1764000100000 } from './1764000100000-cases';
import { Deadlines1764000200000 } from './1764000200000-deadlines';
import { SeedDeadlineRules1764000300000 } from './1764000300000-seed-deadline-rules';
import { Legal1764000400000 } from './1764000400000-legal';
import { Mediation1764000500000 } from './1764000500000-mediation';
import { LitigationLink1764000600000 } from './1764000600000-litigation-link';
import { EscalationLadders1764000700000 } from './1764000700000-escalation-ladders';
import { CaseCounts1764000900000 } from './1764000900000-case-counts';
import { Accountability1765000000000 } from './1765000000000-accountability';
import { ApiClients1765200000000 } from './1765200000000-api-clients';
import { Webhooks1765200100000 } from './1765200100000-webhooks';
import { Documents1765400000000 } from './1765400000000-documents';
import { ProvisionalDeadlines1766000000000 } from './1766000000000-provisional-deadlines';
import { TokenVersion1765100000000 } from './1765100000000-token-version';
import { Statistics1765300000000 } from './1765300000000-statistics';
import { CaseSearch1765600000000 } from './1765600000000-case-search';
import { CaseSearchScope1765600100000 } from './1765600100000-case-search-scope';
import { DocumentPeriods1766200000000 } from './1766200000000-document-periods';
import { SenderDeadline1766200100000 } from './1766200100000-sender-deadline';
import { PublicSide1766400000000 } from './1766400000000-public-side';
import { WorkQueues1766700000000 } from './1766700000000-work-queues';
import { SuspensionApproval1766750000000 } from './1766750000000-suspension-approval';
import { ProblemTypes1766900000000 } from './1766900000000-problem-types';
import { StatDrillOrder1766900100000 } from './1766900100000-stat-drill-order';
import { PublicStaffBoard1767000000000 } from './1767000000000-public-staff-board';
import { TypicalCase1767100000000 } from './1767100000000-typical-case';
import { StaffPhoto1767100100000 } from './1767100100000-staff-photo';
import { CaseSearchCodes1767300000000 } from './1767300000000-case-search-codes';
import { CaseSearchOwnerIndex1767400000000 } from './1767400000000-case-search-owner-index';
import { StatRollupMonth1767400100000 } from './1767400100000-stat-rollup-month';

// Ordered list of migrations. Never edit one that has landed; add a new one.
export const MIGRATIONS = [
  Foundation1764000000000,
  Cases1764000100000,
  Deadlines1764000200000,
  SeedDeadlineRules1764000300000,
  Legal1764000400000,
  Mediation1764000500000,
  LitigationLink1764000600000,
  EscalationLadders1764000700000,
  CaseCounts1764000900000,
  Accountability1765000000000,
  TokenVersion1765100000000,
  ApiClients1765200000000,
  Webhooks1765200100000,
  Statistics1765300000000,
  Documents1765400000000,
  CaseSearch1765600000000,
  CaseSearchScope1765600100000,
  ProvisionalDeadlines1766000000000,
  DocumentPeriods1766200000000,
  SenderDeadline1766200100000,
  PublicSide1766400000000,
  WorkQueues1766700000000,
  SuspensionApproval1766750000000,
  ProblemTypes1766900000000,
  StatDrillOrder1766900100000,
  // #16 (public side): staff board and office hours
  PublicStaffBoard1767000000000,
  // #16 (public side): 典型案例
  TypicalCase1767100000000,
  // #16 (public side): staff photos on the staff board
  StaffPhoto1767100100000,
  // #18: letter/digit grams in the keyword search
  CaseSearchCodes1767300000000,
  // #18: the search's scope condition through an index
  CaseSearchOwnerIndex1767400000000,
  // #14: subtree roll-ups by month for the KPI board
  StatRollupMonth1767400100000,
];
