import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, AuditEventEntity } from '@weiquan/core';

/** Appends administrative actions to audit_event, inside the caller's transaction. */
@Injectable()
export class AuditService {
  record(
    m: EntityManager,
    actor: Actor,
    action: string,
    target: { type: string; id: string | number },
    detail?: Record<string, unknown>,
  ) {
    return m.insert(AuditEventEntity, {
      actorUserId: actor.kind === 'USER' ? actor.id : null,
      actorClientId: actor.kind === 'API_CLIENT' ? actor.id : null,
      action,
      targetType: target.type,
      targetId: String(target.id),
      detail: (detail ?? null) as never,
    });
  }
}
