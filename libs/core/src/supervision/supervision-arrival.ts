import { EntityManager } from 'typeorm';
import { NotificationKind, NotificationKindLabel, Permission, ROLE_PERMISSIONS, Role } from '@weiquan/shared';
import { SupervisionEntity } from '../entities/case-records.entity';
import { OrgUnitEntity } from '../entities/org-unit.entity';
import { NotificationService } from '../notification/notification.service';
import { actsForOf } from '../scope/actor';

/**
 * Work reaches the next person: an item arriving in a unit's queue notifies the people who act on it,
 * in the writer's transaction — a new (or sent back) item the target unit's staff who answer it
 * (CASE_HANDLE), an answer the issuing center's staff who review it (SUPERVISION_ISSUE; a workroom
 * issues for its center). The person who caused it is left out.
 */
export async function notifySupervisionArrival(
  notifications: NotificationService,
  m: EntityManager,
  s: Pick<SupervisionEntity, 'id' | 'caseId' | 'targetUnitId' | 'issuingUnitId' | 'content'>,
  queue: 'ANSWER' | 'REVIEW',
  byUserId: number | null,
): Promise<void> {
  const permission = queue === 'ANSWER' ? Permission.CASE_HANDLE : Permission.SUPERVISION_ISSUE;
  let unitId = queue === 'ANSWER' ? s.targetUnitId : s.issuingUnitId;
  if (queue === 'REVIEW') {
    const issuing = await m.findOneBy(OrgUnitEntity, { id: unitId });
    // A workroom's review is its center's (as Actor.actsFor has it).
    if (issuing) unitId = actsForOf(issuing.id, issuing.path, issuing.type).centerId;
  }
  const roles = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes(permission));
  const ids = new Set<number>();
  for (const role of roles) for (const id of await notifications.usersWithRole(m, unitId, role)) ids.add(id);
  if (byUserId != null) ids.delete(byUserId);
  const kind =
    queue === 'ANSWER' ? NotificationKind.QUEUE_SUPERVISION_ANSWER : NotificationKind.QUEUE_SUPERVISION_REVIEW;
  await notifications.notifyUsers(m, [...ids], {
    kind,
    title: `${NotificationKindLabel[kind]}：${s.content.slice(0, 60)}`,
    caseId: s.caseId,
  });
}
