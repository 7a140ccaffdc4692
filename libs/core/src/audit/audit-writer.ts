import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEventEntity } from '../entities/audit-event.entity';
import { Actor } from '../scope/actor';

/** Appends to audit_event (append-only by trigger) inside the caller's transaction: who, what, when, target. */
@Injectable()
export class AuditWriter {
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
