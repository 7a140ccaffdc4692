import { ROLES } from '../auth/roles';
import { CaseKind, CaseState } from './case-enums';
import { NEW_CASE, type FromState } from './case-context';
import { GUARDS } from './case-guards';
import { reachableStates, transitionTable } from './case-machine';
import { CASE_TRANSITIONS, CaseAction, CaseActionLabel } from './case-transitions';

const KINDS = Object.values(CaseKind);
const STATES = Object.values(CaseState);

// The states each kind can be in; a state missing here for a kind is deliberate.
const EXPECTED_STATES: Record<CaseKind, CaseState[]> = {
  COMPLAINT: [
    'REGISTERED',
    'MATERIALS_PENDING',
    'ACCEPTED',
    'REJECTED',
    'DISPATCHED',
    'RETURNED',
    'IN_PROGRESS',
    'SUSPENDED',
    'CONCLUDED',
    'REPLIED',
    'FOLLOWED_UP',
    'CLOSED',
    'ARCHIVED',
  ],
  REPORT: [
    'REGISTERED',
    'MATERIALS_PENDING',
    'ACCEPTED',
    'REJECTED',
    'FILED',
    'NOT_FILED',
    'DISPATCHED',
    'RETURNED',
    'IN_PROGRESS',
    'SUSPENDED',
    'CONCLUDED',
    'REPLIED',
    'FOLLOWED_UP',
    'CLOSED',
    'ARCHIVED',
  ],
  CONSULTATION: [
    'REGISTERED',
    'DISPATCHED',
    'RETURNED',
    'IN_PROGRESS',
    'CONCLUDED',
    'REPLIED',
    'FOLLOWED_UP',
    'CLOSED',
    'ARCHIVED',
  ],
  SUGGESTION: [
    'REGISTERED',
    'DISPATCHED',
    'RETURNED',
    'IN_PROGRESS',
    'CONCLUDED',
    'REPLIED',
    'FOLLOWED_UP',
    'CLOSED',
    'ARCHIVED',
  ],
};

describe('CASE_TRANSITIONS', () => {
  it.each(KINDS)('reaches exactly the expected states from registration for %s', (kind) => {
    expect([...reachableStates(kind)].sort()).toEqual([...EXPECTED_STATES[kind]].sort());
  });

  it('reaches every state for at least one kind', () => {
    const all = new Set(KINDS.flatMap((k) => [...reachableStates(k)]));
    expect([...all].sort()).toEqual([...STATES].sort());
  });

  it.each(KINDS)('can archive from every reachable state for %s', (kind) => {
    for (const state of reachableStates(kind)) {
      if (state === 'ARCHIVED') continue;
      expect({ state, archivable: reachableStates(kind, state).has('ARCHIVED') }).toEqual({ state, archivable: true });
    }
  });

  it('leaves ARCHIVED as the only terminal state', () => {
    expect(CASE_TRANSITIONS.filter((t) => t.from.includes('ARCHIVED'))).toEqual([]);
    for (const kind of KINDS) {
      for (const state of reachableStates(kind)) {
        const out = CASE_TRANSITIONS.some((t) => t.kinds.includes(kind) && t.from.includes(state) && t.to !== 'SAME');
        expect({ kind, state, hasExit: out }).toEqual({ kind, state, hasExit: state !== 'ARCHIVED' });
      }
    }
  });

  it('has no two rows for the same action, from-state and kind', () => {
    const seen = new Set<string>();
    for (const t of CASE_TRANSITIONS) {
      for (const from of t.from) {
        for (const kind of t.kinds) {
          const key = `${t.action}/${from}/${kind}`;
          expect(seen.has(key) ? key : null).toBeNull();
          seen.add(key);
        }
      }
    }
  });

  it('starts every row from a state one of its kinds can be in', () => {
    for (const t of CASE_TRANSITIONS) {
      for (const from of t.from) {
        const reachable = from === NEW_CASE || t.kinds.some((k) => reachableStates(k).has(from as CaseState));
        expect({ action: t.action, from, reachable }).toEqual({ action: t.action, from, reachable: true });
      }
    }
  });

  it('uses every action and every guard, and only known roles', () => {
    expect(new Set(CASE_TRANSITIONS.map((t) => t.action))).toEqual(new Set(Object.values(CaseAction)));
    expect(new Set(CASE_TRANSITIONS.flatMap((t) => t.guards ?? []))).toEqual(new Set(Object.keys(GUARDS)));
    for (const t of CASE_TRANSITIONS) {
      expect(t.roles.length).toBeGreaterThan(0);
      for (const r of t.roles) expect(ROLES).toContain(r);
      expect(t.label).not.toBe('');
    }
  });

  it('only ever lets registerCase start from NEW', () => {
    const fromNew = CASE_TRANSITIONS.filter((t) => t.from.includes(NEW_CASE));
    expect(fromNew.map((t) => t.action)).toEqual(['registerCase']);
  });

  it('never lets a receiving unit forward a case: dispatch starts only before dispatch or after a return', () => {
    const dispatchFrom = new Set(CASE_TRANSITIONS.filter((t) => t.action === 'dispatchCase').flatMap((t) => t.from));
    expect([...dispatchFrom].sort()).toEqual(['ACCEPTED', 'FILED', 'REGISTERED', 'RETURNED']);
    const ret = CASE_TRANSITIONS.filter((t) => t.action === 'returnCase');
    expect(ret.map((t) => t.to)).toEqual(['RETURNED']);
  });

  it('dispatches a report only after it is filed', () => {
    const reportDispatch = CASE_TRANSITIONS.filter((t) => t.action === 'dispatchCase' && t.kinds.includes('REPORT'));
    expect(reportDispatch.flatMap((t) => t.from).sort()).toEqual(['FILED', 'RETURNED']);
  });

  it('lets only a director decide an extension and gives supervisors and admins no step', () => {
    for (const t of CASE_TRANSITIONS.filter((t) => t.action === 'decideExtension'))
      expect(t.roles).toEqual(['DIRECTOR']);
    for (const t of CASE_TRANSITIONS) {
      expect(t.roles).not.toContain('SUPERVISOR');
      expect(t.roles).not.toContain('ADMIN');
    }
  });

  it('archives only through the follow-up guard', () => {
    const archive = CASE_TRANSITIONS.filter((t) => t.action === 'archiveCase');
    expect(archive).toHaveLength(1);
    expect(archive[0]?.guards).toContain('followUpSettled');
  });
});

describe(transitionTable.name, () => {
  it('renders one row per table entry with zh labels', () => {
    const rows = transitionTable();
    expect(rows).toHaveLength(CASE_TRANSITIONS.length);
    const filing = rows.find((r) => r.action === 'decideFiling');
    expect(filing?.to).toBe('FILED | NOT_FILED');
    expect(filing?.toLabel).toBe('已立案 / 不予立案');
    const contact = rows.find((r) => r.action === 'recordContact');
    expect(contact?.toLabel).toBe('（不变）');
    const register = rows.find((r) => r.action === 'registerCase');
    expect(register?.fromLabels).toEqual(['未登记']);
    expect(CaseActionLabel.decideExtension).toBe('审批延期');
  });

  it('only names states that exist', () => {
    for (const r of transitionTable()) {
      for (const f of r.from) expect([NEW_CASE, ...STATES]).toContain(f as FromState);
      for (const to of r.to.split(' | ')) expect(['SAME', ...STATES]).toContain(to);
    }
  });
});
