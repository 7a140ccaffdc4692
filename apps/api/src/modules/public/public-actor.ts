import { Role } from '@weiquan/shared';
import { Actor, actsForOf, OrgUnitEntity } from '@weiquan/core';

/**
 * The public site acting on the consumer's behalf. It is a SYSTEM actor (no user, no API client: the
 * case timeline shows 网上服务平台, case_event.actor_id is null) confined to one unit's subtree.
 *
 * - `submitting`: registers at the center as an external channel does (the registrar role of API clients);
 * - `answeringFollowUp`: records the consumer's own 回访 answer at the intake unit, through the same step
 *   staff use after a phone call (recordFollowUp); the row's by_user_id is 0 = the consumer online.
 */
export function publicActor(
  unit: Pick<OrgUnitEntity, 'id' | 'path'>,
  purpose: 'submitting' | 'answeringFollowUp',
): Actor {
  return {
    kind: 'SYSTEM',
    id: 0,
    name: purpose === 'submitting' ? '网上服务平台（消费者提交）' : '网上服务平台（消费者答复回访）',
    roles: purpose === 'submitting' ? [Role.API_CLIENT] : [Role.RECEPTIONIST],
    permissions: new Set(),
    unitId: unit.id,
    unitPath: unit.path,
    scope: { type: 'SUBTREE', pathPrefix: unit.path },
    actsFor: actsForOf(unit.id, unit.path),
  };
}
