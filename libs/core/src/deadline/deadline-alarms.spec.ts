import { chineseDaysCalendarData, computeDue, WorkingCalendar } from '@weiquan/shared';
import { AlarmRow, alarmsOf, effectOf, jobId, nextAlarm, parseJobId } from './deadline-alarms';
import { warningsOf } from './deadline-math';
import { DEFAULT_LADDER, EscalationStep } from './default-rules';

const cal = new WorkingCalendar(chineseDaysCalendarData(), [], {
  outOfRange: 'weekends-only',
  onWarning: () => undefined,
});
const sh = (local: string) => new Date(`${local}+08:00`);

function row(over: Partial<AlarmRow> = {}): AlarmRow {
  const base: AlarmRow = {
    id: '7',
    version: 1,
    status: 'RUNNING',
    ruleId: 1,
    ruleCode: 'COMPLAINT_CONCLUDE',
    startedAt: sh('2026-09-25T10:00:00'),
    dueAt: null,
    stoppedAt: null,
    amount: 7,
    extendedAmount: 0,
    unit: 'WORKING_DAYS',
    pauses: [],
    warnFractions: [0.5, 0.8],
    ...over,
  };
  base.dueAt ??= computeDue(cal, {
    start: base.startedAt,
    amount: base.amount + base.extendedAmount,
    unit: base.unit,
    pauses: [],
  }).due;
  return base;
}

describe('deadline alarms (one queued alarm per live deadline)', () => {
  it('lists warnings, due time and ladder steps in time order, with the instants the calendar gives', () => {
    const d = row(); // 7 working days from Fri 25 Sep 2026 across National Day: due end of 12 Oct (Sat 10 Oct is a make-up day)
    const alarms = alarmsOf(cal, d, DEFAULT_LADDER);
    expect(alarms.map((a) => effectOf(a.job))).toEqual(['warn-50', 'step-0', 'warn-80', 'step-1', 'breach', 'step-2']);
    const [w50, w80] = warningsOf(cal, d);
    expect(alarms[0]!.at).toEqual(w50!.at);
    expect(alarms[2]!.at).toEqual(w80!.at);
    expect(alarms.find((a) => a.job.kind === 'due')!.at).toEqual(d.dueAt);
    // ladder at 09:00: two working days before the due date (back over Sun 11 Oct to the make-up Saturday 10 Oct, then Fri 9 Oct), on it, one after
    expect(alarms[1]!.at).toEqual(sh('2026-10-09T09:00:00'));
    expect(alarms[3]!.at).toEqual(sh('2026-10-12T09:00:00'));
    expect(alarms[5]!.at).toEqual(sh('2026-10-13T09:00:00'));
  });

  it('picks the earliest alarm whose effect is not in the ledger, and skips warnings once the due time has passed', () => {
    const d = row();
    const before = sh('2026-09-26T00:00:00');
    expect(effectOf(nextAlarm(cal, d, DEFAULT_LADDER, new Set(), before)!.job)).toBe('warn-50');
    expect(effectOf(nextAlarm(cal, d, DEFAULT_LADDER, new Set(['warn-50']), before)!.job)).toBe('step-0');
    expect(
      effectOf(nextAlarm(cal, d, DEFAULT_LADDER, new Set(['warn-50', 'step-0', 'warn-80', 'step-1']), before)!.job),
    ).toBe('breach');
    // the worker was down past the due time: no warning or reminder after the fact — the breach, then the step after it
    expect(effectOf(nextAlarm(cal, d, DEFAULT_LADDER, new Set(), sh('2026-10-20T00:00:00'))!.job)).toBe('breach');
    expect(effectOf(nextAlarm(cal, d, DEFAULT_LADDER, new Set(['breach']), sh('2026-10-20T00:00:00'))!.job)).toBe(
      'step-2',
    );
    // breached: only the ladder is left
    const breached = { ...d, status: 'BREACHED' as const, version: 2 };
    expect(
      nextAlarm(cal, breached, DEFAULT_LADDER, new Set(['breach', 'step-0', 'step-1']), sh('2026-10-13T00:00:00'))!.job,
    ).toEqual({ deadlineId: '7', version: 2, kind: 'step', step: 2 });
    expect(
      nextAlarm(
        cal,
        breached,
        DEFAULT_LADDER,
        new Set(['breach', 'step-0', 'step-1', 'step-2']),
        sh('2026-10-13T00:00:00'),
      ),
    ).toBeNull();
    // stopped, paused (no due time) or met: nothing
    expect(nextAlarm(cal, { ...d, stoppedAt: new Date() }, DEFAULT_LADDER, new Set(), before)).toBeNull();
    expect(nextAlarm(cal, { ...d, status: 'PAUSED', dueAt: null }, DEFAULT_LADDER, new Set(), before)).toBeNull();
    expect(nextAlarm(cal, { ...d, status: 'MET' }, DEFAULT_LADDER, new Set(), before)).toBeNull();
  });

  it('chooses exactly what the sorted list gives, over many clocks (memoised arithmetic included)', () => {
    const ladders: EscalationStep[][] = [[], DEFAULT_LADDER, [{ offsetWorkingDays: 0, action: 'NOTIFY_UNIT_HEAD' }]];
    const effects = ['warn-50', 'warn-80', 'breach', 'step-0', 'step-1', 'step-2'];
    let x = 12345;
    const rnd = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3000; i++) {
      const unit = (['WORKING_DAYS', 'CALENDAR_DAYS', 'HOURS'] as const)[i % 3]!;
      const startedAt = new Date(sh('2026-01-01T00:00:00').getTime() + Math.floor(rnd() * 330 * 86_400_000));
      const paused = rnd() < 0.2;
      const d = row({
        id: String(i),
        status: rnd() < 0.8 ? 'RUNNING' : 'BREACHED',
        unit,
        amount: unit === 'HOURS' ? 24 : 1 + Math.floor(rnd() * 20),
        startedAt,
        pauses: paused
          ? [
              {
                from: new Date(startedAt.getTime() + 3_600_000).toISOString(),
                to: new Date(startedAt.getTime() + 3 * 86_400_000).toISOString(),
              },
            ]
          : [],
        warnFractions: rnd() < 0.3 ? [0.8] : [0.5, 0.8],
      });
      if (paused)
        d.dueAt = computeDue(cal, {
          start: d.startedAt,
          amount: d.amount,
          unit,
          pauses: d.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
        }).due;
      const ladder = ladders[i % 3]!;
      const applied = new Set(effects.filter(() => rnd() < 0.3));
      const now = new Date(startedAt.getTime() + Math.floor(rnd() * 40 * 86_400_000));
      const overdue = d.dueAt!.getTime() <= now.getTime();
      const expected =
        alarmsOf(cal, d, ladder).find(
          (a) => !applied.has(effectOf(a.job)) && !(overdue && a.job.kind !== 'due' && a.at < d.dueAt!),
        ) ?? null;
      expect(nextAlarm(cal, d, ladder, applied, now)).toEqual(expected);
    }
  });

  it('names jobs deterministically and reads the names back', () => {
    const job = { deadlineId: '42', version: 3, kind: 'warn' as const, fraction: 0.8 };
    expect(jobId(job)).toBe('dl-42-v3-w80');
    expect(parseJobId('dl-42-v3-w80')).toEqual({ deadlineId: '42', version: 3, effect: 'warn-80' });
    expect(parseJobId('dl-42-v3-due-at1790000000000')).toEqual({ deadlineId: '42', version: 3, effect: 'breach' });
    expect(parseJobId('dl-42-v3-s1')).toEqual({ deadlineId: '42', version: 3, effect: 'step-1' });
    expect(parseJobId('repeat:reconcile:1790000000000')).toBeNull();
  });
});
