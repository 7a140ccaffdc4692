import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TimelineAction } from '@weiquan/shared';
import { CaseEventEntity } from '../entities/case-records.entity';
import { insertRows } from '../db/insert-rows';
import { Actor } from '../scope/actor';
import { Clock } from '../time/clock';

export interface CaseEventInput {
  caseId: string;
  // Typed so an entry the console has no Chinese label for does not compile.
  action: TimelineAction;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  detail?: Record<string, unknown> | null;
  at?: Date;
}

/** Appends to the case timeline inside the caller's transaction. The table refuses edits. */
@Injectable()
export class CaseEventWriter {
  constructor(private readonly clock: Clock) {}

  async append(m: EntityManager, actor: Actor, e: CaseEventInput): Promise<void> {
    await this.appendMany(m, [{ actor, e }]);
  }

  /** Several entries (of several cases and actors) in one multi-row INSERT, in the given order. */
  async appendMany(m: EntityManager, entries: { actor: Actor; e: CaseEventInput }[]): Promise<void> {
    if (!entries.length) return;
    const now = this.clock.now();
    await insertRows(
      m,
      CaseEventEntity,
      entries.map(({ actor, e }) => ({
        caseId: e.caseId,
        action: e.action,
        fromState: e.fromState ?? null,
        toState: e.toState ?? null,
        actorKind: actor.kind,
        actorId: actor.kind === 'SYSTEM' ? null : actor.id,
        actorName: actor.name,
        actorUnitId: actor.unitId || null,
        at: e.at ?? now,
        note: e.note ?? null,
        detail: (e.detail ?? null) as never,
      })),
    );
  }
}
