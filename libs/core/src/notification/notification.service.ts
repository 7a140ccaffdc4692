import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrgUnitType, Role } from '@weiquan/shared';
import { NotificationEntity } from '../entities/deadline.entity';
import { UserEntity } from '../entities/user.entity';
import { escapeLike } from '../scope/org-scope';
import { Clock } from '../time/clock';
import { NewNotification } from './notification.types';

const KIND = /^[A-Z][A-Z0-9_]{0,31}$/;
const TITLE_MAX = 200;
const DEDUPE_MAX = 120;

/**
 * In-app notifications for staff and the look-ups that pick who gets them. Every method takes the
 * caller's EntityManager, so the rows commit or roll back with the caller's own change (the deadline
 * engine notifies in the transaction that records the breach).
 */
@Injectable()
export class NotificationService {
  constructor(private readonly clock: Clock) {}

  /**
   * Writes one notification per distinct user id. With `dedupeKey`, users who already have
   * `${dedupeKey}:u${userId}` get nothing new (INSERT IGNORE on uq_notification_dedupe), so a repeated
   * call is a no-op. Returns how many rows were written.
   */
  async notifyUsers(m: EntityManager, userIds: readonly number[], n: NewNotification): Promise<number> {
    const ids = [...new Set(userIds)].filter((id) => Number.isSafeInteger(id) && id > 0);
    if (!KIND.test(n.kind))
      throw new Error(`notifyUsers: kind must be UPPER_SNAKE, at most 32 characters (got ${JSON.stringify(n.kind)})`);
    const title = clip(n.title?.trim() ?? '', TITLE_MAX);
    if (!title) throw new Error('notifyUsers: title is empty');
    const base = n.dedupeKey?.trim() || null;
    const keyOf = (userId: number) => (base ? `${base}:u${userId}` : null);
    for (const id of ids) {
      const key = keyOf(id);
      if (key && key.length > DEDUPE_MAX)
        throw new Error(`notifyUsers: dedupe key ${key} is longer than ${DEDUPE_MAX} characters`);
    }
    if (!ids.length) return 0;
    const createdAt = this.clock.now();
    const rows = ids.map((userId) => ({
      userId,
      kind: n.kind,
      title,
      body: n.body ?? null,
      caseId: n.caseId ?? null,
      dedupeKey: keyOf(userId),
      readAt: null,
      createdAt,
    }));
    // Lengths are checked above, so IGNORE can only skip duplicate keys (nothing is truncated).
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(rows)
      .orIgnore()
      .updateEntity(false)
      .execute();
    return Number((res.raw as { affectedRows?: number }).affectedRows ?? 0);
  }

  /**
   * Active users holding `role` in the unit or in one of its workrooms (工作室), e.g. the director(s)
   * of a center: pass the center's id, not a workroom's. Ids ascending.
   */
  async usersWithRole(m: EntityManager, unitId: number, role: Role): Promise<number[]> {
    const rows = await this.activeWithRole(m, role)
      .innerJoin('u.unit', 'unit')
      .andWhere('(u.unit_id = :unitId OR (unit.parent_id = :unitId AND unit.type = :workroom))', {
        unitId,
        workroom: OrgUnitType.WORKROOM,
      })
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  /**
   * Active users holding `role` whose data scope covers the unit at `unitPath` (scope ALL, a
   * subtree containing it, or exactly that unit). Ids ascending.
   */
  async usersCovering(m: EntityManager, unitPath: string, role: Role): Promise<number[]> {
    const rows = await this.activeWithRole(m, role)
      .andWhere(
        "(u.data_scope = 'ALL' OR (u.data_scope = 'SUBTREE' AND LEFT(:unitPath, CHAR_LENGTH(u.unit_path)) = u.unit_path) OR (u.data_scope = 'OWN_UNIT' AND u.unit_path = :unitPath))",
        { unitPath },
      )
      .getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  /** 督办 / 纪检监察 users whose scope covers the unit at `unitPath` (they get copies of breaches). */
  supervisorsFor(m: EntityManager, unitPath: string): Promise<number[]> {
    return this.usersCovering(m, unitPath, Role.SUPERVISOR);
  }

  private activeWithRole(m: EntityManager, role: Role) {
    return m
      .createQueryBuilder(UserEntity, 'u')
      .select('u.id', 'id')
      .where('u.active = 1')
      .andWhere('u.roles LIKE :role', { role: `%"${escapeLike(role)}"%` })
      .orderBy('u.id');
  }
}

// By code points, as the column counts characters (and a surrogate pair is never split).
function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
