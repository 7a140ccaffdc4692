import { EntityManager } from 'typeorm';
import type { StatCaseFacts, StatClockFacts } from '@weiquan/shared';

// The one place the statistics read the case tables (wq_case, case_event, case_dispatch,
// case_extension, case_follow_up, case_deadline, violation) as they are. When the case core changes
// shape (violations against persons vs units, provisional clocks, 并案), only this file adapts.

const num = (v: unknown): number | null => (v == null ? null : Number(v));

/** Facts of the given cases (missing ids are simply absent from the answer). */
export async function readStatCaseFacts(m: EntityManager, caseIds: readonly string[]): Promise<StatCaseFacts[]> {
  if (!caseIds.length) return [];
  const ids = [...caseIds];
  const list = ids.map(() => '?').join(',');
  const [cases, accepts, dispatches, extensions, followUps, clocks, violations] = await Promise.all([
    m.query(
      `SELECT id, kind, channel, state, is_open, round, received_at, intake_unit_id, owner_unit_id, category, problem_type,
              respondent_industry, outcome, amount_involved, amount_recovered, consent_publication, reject_ground,
              concluded_at, merged_into_id
         FROM wq_case WHERE id IN (${list})`,
      ids,
    ),
    m.query(
      `SELECT case_id, MIN(at) AS at FROM case_event WHERE case_id IN (${list}) AND action = 'acceptCase' GROUP BY case_id`,
      ids,
    ),
    m.query(
      `SELECT case_id, dispatched_at, returned_at FROM case_dispatch WHERE case_id IN (${list}) ORDER BY case_id, hop`,
      ids,
    ),
    m.query(
      `SELECT case_id, COUNT(*) AS n FROM case_extension WHERE case_id IN (${list}) AND status = 'APPROVED' GROUP BY case_id`,
      ids,
    ),
    // The last follow-up that reached the consumer with an answer.
    m.query(
      `SELECT f.case_id, f.at, f.satisfaction FROM case_follow_up f
         WHERE f.case_id IN (${list}) AND f.result = 'REACHED' AND f.satisfaction IS NOT NULL
           AND f.attempt = (SELECT MAX(g.attempt) FROM case_follow_up g
                             WHERE g.case_id = f.case_id AND g.result = 'REACHED' AND g.satisfaction IS NOT NULL)`,
      ids,
    ),
    m.query(
      `SELECT case_id, rule_code, status, due_at, stopped_at, breached_at, responsible_unit_id
         FROM case_deadline WHERE case_id IN (${list}) ORDER BY id`,
      ids,
    ),
    // The person's ordinal of the year decides the level (1st, 2nd, 3rd or more).
    m.query(
      `SELECT v.case_id, v.occurred_at, v.unit_id, v.user_id,
              (SELECT COUNT(*) FROM violation w WHERE w.user_id = v.user_id AND w.year = v.year AND w.id <= v.id) AS ordinal
         FROM violation v WHERE v.case_id IN (${list}) ORDER BY v.id`,
      ids,
    ),
  ]);

  const by = <R extends { case_id: string | number }>(rows: R[]) => {
    const out = new Map<string, R[]>();
    for (const r of rows) {
      const k = String(r.case_id);
      const l = out.get(k);
      if (l) l.push(r);
      else out.set(k, [r]);
    }
    return out;
  };
  const acceptBy = by(accepts as { case_id: string; at: Date }[]);
  const dispatchBy = by(dispatches as { case_id: string; dispatched_at: Date; returned_at: Date | null }[]);
  const extBy = by(extensions as { case_id: string; n: string }[]);
  const followBy = by(followUps as { case_id: string; at: Date; satisfaction: string }[]);
  const clockBy = by(
    clocks as {
      case_id: string;
      rule_code: string;
      status: StatClockFacts['status'];
      due_at: Date | null;
      stopped_at: Date | null;
      breached_at: Date | null;
      responsible_unit_id: number;
    }[],
  );
  const violBy = by(
    violations as { case_id: string; occurred_at: Date; unit_id: number; user_id: number | null; ordinal: string }[],
  );

  return (cases as Record<string, unknown>[]).map((c) => {
    const id = String(c.id);
    const follow = followBy.get(id)?.[0];
    return {
      id,
      kind: c.kind as string,
      channel: c.channel as string,
      state: c.state as string,
      isOpen: Number(c.is_open) === 1,
      round: Number(c.round),
      receivedAt: c.received_at as Date,
      intakeUnitId: Number(c.intake_unit_id),
      ownerUnitId: Number(c.owner_unit_id),
      category: (c.category as string | null) ?? null,
      problemType: (c.problem_type as string | null) ?? null,
      industry: (c.respondent_industry as string | null) ?? null,
      outcome: (c.outcome as string | null) ?? null,
      amountInvolved: num(c.amount_involved),
      amountRecovered: num(c.amount_recovered),
      consentPublication: Number(c.consent_publication) === 1,
      rejected: c.reject_ground != null,
      acceptedAt: acceptBy.get(id)?.[0]?.at ?? null,
      concludedAt: (c.concluded_at as Date | null) ?? null,
      mergedIntoId: c.merged_into_id == null ? null : String(c.merged_into_id),
      dispatches: (dispatchBy.get(id) ?? []).map((d) => ({ at: d.dispatched_at, returnedAt: d.returned_at })),
      extensionsApproved: Number(extBy.get(id)?.[0]?.n ?? 0),
      followUp: follow ? { at: follow.at, satisfaction: follow.satisfaction } : null,
      clocks: (clockBy.get(id) ?? []).map((k) => ({
        ruleCode: k.rule_code,
        status: k.status,
        dueAt: k.due_at,
        stoppedAt: k.stopped_at,
        breachedAt: k.breached_at,
        responsibleUnitId: Number(k.responsible_unit_id),
      })),
      violations: (violBy.get(id) ?? []).map((v) => ({
        at: v.occurred_at,
        unitId: Number(v.unit_id),
        userId: v.user_id == null ? null : Number(v.user_id),
        ordinalInYear: Number(v.ordinal),
      })),
    };
  });
}
