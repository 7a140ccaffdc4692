import type { SupervisionLevel } from '@weiquan/shared';
import type { CaseEntity } from '../entities/case.entity';
import type { SupervisionEntity } from '../entities/case-records.entity';
import type { OrgUnitEntity } from '../entities/org-unit.entity';

type ValueOf<T> = T[keyof T];

/** OPEN → RESPONDED (the target unit answered) or ESCALATED (moved up to the parent unit). */
export const SupervisionStatus = {
  OPEN: 'OPEN',
  RESPONDED: 'RESPONDED',
  ESCALATED: 'ESCALATED',
  CLOSED: 'CLOSED',
} as const;
export type SupervisionStatus = ValueOf<typeof SupervisionStatus>;
export const SupervisionStatusLabel: Readonly<Record<SupervisionStatus, string>> = {
  OPEN: '待答复',
  RESPONDED: '已答复',
  ESCALATED: '已升级',
  CLOSED: '已关闭',
};

/** 催办 < 督办 < 挂牌督办: an escalation may keep or raise the level, never lower it. */
export const SUPERVISION_LEVEL_RANK: Readonly<Record<SupervisionLevel, number>> = {
  URGING: 1,
  SUPERVISION: 2,
  LISTED: 3,
};

/** Exactly one of caseId / targetUnitId; on a case the target is the unit holding the case. */
export interface OpenSupervisionCommand {
  caseId?: string | null;
  targetUnitId?: number | null;
  level: SupervisionLevel;
  content: string;
  responseDueAt: Date;
}

export interface RespondSupervisionCommand {
  id: string;
  response: string;
  version: number;
}

/** The issuer's (or a supervisor above's) verdict on a response: accept (close) or send back (open again). */
export interface ReviewSupervisionCommand {
  id: string;
  version: number;
  accepted: boolean;
  note?: string | null;
  /** Required when sending back: the new response deadline. */
  responseDueAt?: Date | null;
}

export interface EscalateSupervisionCommand {
  id: string;
  version: number;
  /** Defaults to the escalated item's content. */
  content?: string | null;
  /** Defaults to now + the escalated item's response window (at least one day). */
  responseDueAt?: Date | null;
  /** Defaults to the escalated item's level. */
  level?: SupervisionLevel | null;
}

/** Opened by the deadline engine (no user): idempotent on `sourceKey`. */
export interface AutomaticSupervisionParams {
  caseId?: string | null;
  targetUnitId: number;
  level: SupervisionLevel;
  content: string;
  responseDueAt: Date;
  /** e.g. `deadline:<deadlineId>:breach`; a second call with the same key does nothing. */
  sourceKey: string;
  /** Defaults to the target's parent unit (the one that supervises it), or the target itself at the top. */
  issuingUnitId?: number | null;
}

export interface SupervisionFilterParams {
  caseId?: string | null;
  targetUnitId?: number | null;
  /** With targetUnitId: include the units below it (default true). */
  includeSubtree?: boolean | null;
  status?: SupervisionStatus | null;
  level?: SupervisionLevel | null;
  /** OPEN and past response_due_at. */
  overdueOnly?: boolean | null;
}

export interface PageParams {
  offset: number;
  limit: number;
}

export interface PageResult<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** A supervision item with what every screen shows next to it, loaded in batches (no N+1). */
export interface SupervisionView {
  item: SupervisionEntity;
  caseNo: CaseEntity['caseNo'] | null;
  issuingUnit: OrgUnitEntity;
  targetUnit: OrgUnitEntity;
  /** OPEN and past its response deadline (per the injected Clock). */
  overdue: boolean;
}

/** Per target unit; `overdue` is a subset of `open`. */
export interface UnitSupervisionCount {
  unit: OrgUnitEntity;
  open: number;
  responded: number;
  overdue: number;
  escalated: number;
  total: number;
}
