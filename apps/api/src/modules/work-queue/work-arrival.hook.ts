import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CASE_TRANSITIONS,
  CaseAction,
  CaseFlagLabel,
  CaseKindLabel,
  NotificationKind,
  NotificationKindLabel,
  Role,
} from '@weiquan/shared';
import {
  Actor,
  approvingCentersOf,
  CaseEntity,
  CaseLifecycleService,
  CaseTransitionHook,
  NotificationService,
  RegisteredCase,
  supervisingCenterOf,
  TransitionContext,
} from '@weiquan/core';

const rolesOf = (action: CaseAction): Role[] => [
  ...new Set(CASE_TRANSITIONS.filter((t) => t.action === action).flatMap((t) => t.roles)),
];

/** The flags set on a case, as labels (重大紧急、群体投诉、媒体关注). */
export function flagLabels(c: Pick<CaseEntity, 'majorUrgent' | 'groupComplaint' | 'mediaAttention'>): string[] {
  return [
    c.majorUrgent ? CaseFlagLabel.MAJOR_URGENT : null,
    c.groupComplaint ? CaseFlagLabel.GROUP_COMPLAINT : null,
    c.mediaAttention ? CaseFlagLabel.MEDIA_ATTENTION : null,
  ].filter((x): x is string => x != null);
}

/**
 * Work reaches the next person: when a step puts a case into somebody's queue (我的待办), the people
 * who take the next step get an in-app notification in the step's transaction — the receiving unit on
 * 分流/上报, the approving directors on an extension or investigation-suspension request or an accepted report, the intake unit
 * when a case waits to be replied to or followed up. A flagged case (重大紧急/群体/媒体关注) notifies
 * the directors of its units at registration and when a correction sets a flag. The actor is never
 * notified of their own step.
 */
@Injectable()
export class WorkArrivalHook implements CaseTransitionHook {
  constructor(
    private readonly notifications: NotificationService,
    lifecycle: CaseLifecycleService,
  ) {
    lifecycle.registerHook(this);
  }

  async afterTransition(actor: Actor, t: TransitionContext & { action: CaseAction }): Promise<void> {
    const { m, c } = t;
    switch (t.action) {
      case 'dispatchCase':
      case 'handUpCase':
        if (c.assignedUnitId != null)
          await this.notify(m, actor, c, NotificationKind.QUEUE_RECEIVE, [c.assignedUnitId], rolesOf('receiveCase'));
        return;
      case 'requestExtension':
        await this.notify(m, actor, c, NotificationKind.QUEUE_APPROVE, await this.directorUnits(m, c), [Role.DIRECTOR]);
        return;
      case 'requestSuspension':
        await this.notify(
          m,
          actor,
          c,
          NotificationKind.QUEUE_APPROVE,
          await this.directorUnits(m, c),
          [Role.DIRECTOR],
          '调查中止',
        );
        return;
      case 'acceptCase':
        if (c.kind === 'REPORT')
          await this.notify(m, actor, c, NotificationKind.QUEUE_APPROVE, [c.intakeUnitId], [Role.DIRECTOR], '立案决定');
        return;
      case 'concludeCase':
      case 'rejectCase':
      case 'decideFiling':
        if (t.to === 'CONCLUDED' || t.to === 'REJECTED' || t.to === 'NOT_FILED')
          await this.notify(m, actor, c, NotificationKind.QUEUE_REPLY, [c.intakeUnitId], rolesOf('replyCase'));
        return;
      case 'replyCase':
        if (t.to === 'REPLIED')
          await this.notify(m, actor, c, NotificationKind.QUEUE_FOLLOW_UP, [c.intakeUnitId], rolesOf('recordFollowUp'));
        return;
      case 'correctCase': {
        const set = (t.detail.flagsSet as string[] | undefined) ?? [];
        if (set.length) await this.notifyFlagged(m, actor, c, set);
        return;
      }
      default:
    }
  }

  /** Registration (one case or a batch): flagged cases notify their directors at once. */
  async afterRegistrations(m: EntityManager, cases: RegisteredCase[]): Promise<void> {
    for (const { actor, c } of cases) {
      const flags = flagLabels(c);
      if (flags.length) await this.notifyFlagged(m, actor, c, flags);
    }
  }

  private async notifyFlagged(m: EntityManager, actor: Actor, c: CaseEntity, flags: string[]): Promise<void> {
    const units = await this.directorUnits(m, c);
    const ids = await this.usersOf(m, units, [Role.DIRECTOR]);
    await this.notifications.notifyUsers(
      m,
      ids.filter((id) => !(actor.kind === 'USER' && id === actor.id)),
      {
        kind: NotificationKind.CASE_FLAGGED,
        title: `【${flags.join('、')}】${CaseKindLabel[c.kind]} ${c.caseNo}`,
        body: c.summary.slice(0, 200),
        caseId: c.id,
      },
    );
  }

  private async notify(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    kind: NotificationKind,
    units: number[],
    roles: readonly Role[],
    what?: string,
  ): Promise<void> {
    const ids = await this.usersOf(m, units, roles);
    await this.notifications.notifyUsers(
      m,
      ids.filter((id) => !(actor.kind === 'USER' && id === actor.id)),
      {
        kind,
        title: `${NotificationKindLabel[kind]}${what ? `（${what}）` : ''}：${CaseKindLabel[c.kind]} ${c.caseNo}`,
        body: c.summary.slice(0, 200),
        caseId: c.id,
      },
    );
  }

  private async usersOf(m: EntityManager, units: number[], roles: readonly Role[]): Promise<number[]> {
    const ids: number[] = [];
    for (const unit of new Set(units))
      for (const role of roles) ids.push(...(await this.notifications.usersWithRole(m, unit, role)));
    return [...new Set(ids)];
  }

  /** The units whose directors decide for the case: the approving centers, and the center over a station that registered it. */
  private async directorUnits(m: EntityManager, c: CaseEntity): Promise<number[]> {
    const units = await approvingCentersOf(m, c);
    const overIntake = await supervisingCenterOf(m, c.intakeUnitId);
    if (overIntake != null) units.push(Number(overIntake));
    return [...new Set(units)];
  }
}
