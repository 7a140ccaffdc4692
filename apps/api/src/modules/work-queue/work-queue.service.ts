import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  CASE_TRANSITIONS,
  CaseAction,
  CaseWorkQueue,
  OrgUnitType,
  Permission,
  Role,
  SupervisionWorkQueue,
} from '@weiquan/shared';
import {
  Actor,
  CaseAccess,
  CaseEntity,
  SupervisionAccess,
  SupervisionEntity,
  SupervisionQueryService,
  SupervisionView,
} from '@weiquan/core';
import { Page, PageInput } from '../../common/paging';

export interface WorkQueueCounts {
  receive: number;
  approve: number;
  reply: number;
  followUp: number;
  supervisionAnswer: number;
  supervisionReview: number;
}

const CENTERS = [OrgUnitType.CITY_CENTER, OrgUnitType.COUNTY_CENTER];
const STATIONS = [OrgUnitType.TOWNSHIP_STATION, OrgUnitType.VILLAGE_STATION, OrgUnitType.ENTERPRISE_STATION];

/** The roles the transition table lets take `action` (any kind, any state). */
function rolesOf(action: CaseAction): ReadonlySet<Role> {
  return new Set(CASE_TRANSITIONS.filter((t) => t.action === action).flatMap((t) => t.roles));
}
const mayDo = (actor: Actor, action: CaseAction) => actor.roles.some((r) => rolesOf(action).has(r));

/**
 * 我的待办: the work waiting on the units the actor acts for (Actor.actsFor), one query per queue.
 * Each case queue is the condition under which the transition table would let the actor take that
 * step (same units, same states, same roles) AND-ed with the case scope, so an item listed here is
 * one the actor can open and act on, and it leaves the queue when the step is taken.
 */
@Injectable()
export class WorkQueueService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly caseAccess: CaseAccess,
    private readonly supervisionAccess: SupervisionAccess,
    private readonly supervisionQueries: SupervisionQueryService,
  ) {}

  async counts(actor: Actor): Promise<WorkQueueCounts> {
    const m = this.ds.manager;
    const count = async (qb: SelectQueryBuilder<never> | null) => (qb ? qb.getCount() : 0);
    // One after the other: the menu asks for them together and they are each an index range.
    return {
      receive: await count(await this.caseQueue(m, actor, CaseWorkQueue.RECEIVE)),
      approve: await count(await this.caseQueue(m, actor, CaseWorkQueue.APPROVE)),
      reply: await count(await this.caseQueue(m, actor, CaseWorkQueue.REPLY)),
      followUp: await count(await this.caseQueue(m, actor, CaseWorkQueue.FOLLOW_UP)),
      supervisionAnswer: await count(this.supervisionQueue(m, actor, SupervisionWorkQueue.ANSWER)),
      supervisionReview: await count(this.supervisionQueue(m, actor, SupervisionWorkQueue.REVIEW)),
    };
  }

  async cases(actor: Actor, queue: CaseWorkQueue, page: PageInput): Promise<Page<CaseEntity>> {
    const qb = await this.caseQueue(this.ds.manager, actor, queue);
    if (!qb) return { items: [], total: 0, offset: page.offset, limit: page.limit };
    // Least time left first (overdue first), cases without a clock last, then oldest first.
    const [items, total] = await (qb as SelectQueryBuilder<CaseEntity>)
      .orderBy('c.due_at IS NULL', 'ASC')
      .addOrderBy('c.due_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return { items, total, offset: page.offset, limit: page.limit };
  }

  async supervisions(actor: Actor, queue: SupervisionWorkQueue, page: PageInput): Promise<Page<SupervisionView>> {
    const m = this.ds.manager;
    const qb = this.supervisionQueue(m, actor, queue) as SelectQueryBuilder<SupervisionEntity> | null;
    if (!qb) return { items: [], total: 0, offset: page.offset, limit: page.limit };
    const [rows, total] = await qb
      .orderBy('s.response_due_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return { items: await this.supervisionQueries.views(m, rows), total, offset: page.offset, limit: page.limit };
  }

  /** The query of one case queue, or null when the actor's roles take no part in it. */
  private async caseQueue(
    m: EntityManager,
    actor: Actor,
    queue: CaseWorkQueue,
  ): Promise<SelectQueryBuilder<never> | null> {
    const units = [...actor.actsFor.unitIds];
    if (!units.length) return null;
    const qb = this.caseAccess.scope(m.createQueryBuilder(CaseEntity, 'c'), actor);
    switch (queue) {
      case CaseWorkQueue.RECEIVE:
        // 签收 (atAssignedUnit): dispatched or handed up to one of my units, not yet received.
        if (!mayDo(actor, 'receiveCase')) return null;
        qb.andWhere("c.state = 'DISPATCHED' AND c.assigned_unit_id IN (:...units)", { units });
        break;
      case CaseWorkQueue.APPROVE: {
        // A director's decisions: extensions and investigation suspensions (the intake unit, the handling
        // unit, or the center over a station or workroom handling it — as decideExtension's and
        // decideSuspension's guard and approvingCentersOf) and the
        // filing decision on an accepted report at the intake unit (decideFiling's guard).
        if (!actor.roles.includes(Role.DIRECTOR)) return null;
        const approvable = await this.unitsApprovedFor(m, units);
        qb.andWhere(
          new Brackets((w) =>
            w
              .where(
                'c.pending_extension = 1 AND (c.intake_unit_id IN (:...units) OR c.assigned_unit_id IN (:...approvable))',
                { units, approvable },
              )
              .orWhere(
                "c.pending_suspension = 1 AND c.state = 'IN_PROGRESS' AND (c.intake_unit_id IN (:...units) OR c.assigned_unit_id IN (:...approvable))",
                { units, approvable },
              )
              .orWhere("c.kind = 'REPORT' AND c.state = 'ACCEPTED' AND c.intake_unit_id IN (:...units)", { units }),
          ),
        );
        break;
      }
      case CaseWorkQueue.REPLY:
        // 回复 at intake: a concluded case, a rejection or a decision not to file waits to be told.
        if (!mayDo(actor, 'replyCase')) return null;
        qb.andWhere("c.state IN ('CONCLUDED', 'REJECTED', 'NOT_FILED') AND c.intake_unit_id IN (:...units)", {
          units,
        });
        break;
      case CaseWorkQueue.FOLLOW_UP:
        if (!mayDo(actor, 'recordFollowUp')) return null;
        qb.andWhere("c.state = 'REPLIED' AND c.intake_unit_id IN (:...units)", { units });
        break;
      default:
        return null;
    }
    return qb as unknown as SelectQueryBuilder<never>;
  }

  /** The query of one supervision queue, or null when the actor takes no part in it. */
  private supervisionQueue(
    m: EntityManager,
    actor: Actor,
    queue: SupervisionWorkQueue,
  ): SelectQueryBuilder<never> | null {
    const side = actor.actsFor;
    const units = [...side.unitIds];
    if (!units.length) return null;
    const qb = this.supervisionAccess.scope(m.createQueryBuilder(SupervisionEntity, 's'), actor, side);
    if (queue === SupervisionWorkQueue.ANSWER) {
      // respondSupervision: the target unit answers (CASE_HANDLE), once, while the item is open.
      if (!actor.permissions.has(Permission.CASE_HANDLE)) return null;
      qb.andWhere("s.status = 'OPEN' AND s.target_unit_id IN (:...answerUnits)", { answerUnits: units });
    } else {
      // reviewSupervision: the issuing side (its center, a workroom's center) reviews an answer.
      if (!actor.permissions.has(Permission.SUPERVISION_ISSUE)) return null;
      qb.andWhere(
        `s.status = 'RESPONDED' AND (s.issuing_unit_id IN (:...reviewUnits) OR s.issuing_unit_id IN
          (SELECT w.id FROM org_unit w WHERE w.type = :workroom AND w.parent_id IN (:...reviewUnits)))`,
        { reviewUnits: units, workroom: OrgUnitType.WORKROOM },
      );
    }
    return qb as unknown as SelectQueryBuilder<never>;
  }

  /**
   * The units whose extension requests the directors of `centers` decide: the centers themselves,
   * their workrooms, and the stations they are the nearest center above (supervisingCenterOf).
   */
  private async unitsApprovedFor(m: EntityManager, centers: number[]): Promise<number[]> {
    const rows: { id: number }[] = await m.query(
      `SELECT u.id FROM org_unit u JOIN org_unit ctr ON ctr.id IN (?) AND ctr.type IN (?)
        WHERE (u.type = ? AND u.parent_id = ctr.id)
           OR (u.type IN (?) AND u.path LIKE CONCAT(ctr.path, '%') AND NOT EXISTS (
                SELECT 1 FROM org_unit c2 WHERE c2.type IN (?) AND c2.depth > ctr.depth
                  AND u.path LIKE CONCAT(c2.path, '%')))`,
      [centers, CENTERS, OrgUnitType.WORKROOM, STATIONS, CENTERS],
    );
    return [...new Set([...centers, ...rows.map((r) => Number(r.id))])];
  }
}
