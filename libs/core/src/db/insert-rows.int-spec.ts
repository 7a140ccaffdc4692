import { DataSource } from 'typeorm';
import { insertCase, prepareTestDatabase, testConfig } from '@weiquan/testing';
import { CaseDeadlineEntity, CaseEventEntity } from '../entities';
import { insertRows } from './insert-rows';

describe('insertRows', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await prepareTestDatabase(testConfig());
  });
  afterAll(() => ds?.destroy());

  it('writes several rows in one statement, hands back their keys and stores values as TypeORM reads them', async () => {
    const c = await insertCase(ds, { unitCode: 'GL' });
    const base = {
      caseId: c.id,
      ruleId: 1,
      ruleSetCode: 'T',
      ruleSetVersion: 1,
      layer: 'COMMITMENT' as const,
      status: 'RUNNING' as const,
      triggerEvent: 'registerCase',
      amount: 3,
      unit: 'WORKING_DAYS' as const,
      extendedAmount: 0,
      pausedAt: null,
      responsibleUnitId: 1,
      responsibleUserId: null,
      calendarVersion: 'test',
      version: 1,
    };
    const rows = [
      {
        ...base,
        ruleCode: 'A',
        roundKey: 'r1',
        startedAt: new Date('2026-03-02T01:02:03.456Z'),
        dueAt: new Date('2026-03-05T15:59:59.999Z'),
        pauses: [{ from: '2026-03-03T00:00:00.000Z', to: null }],
        warnFractions: [0.5, 0.8],
      },
      {
        ...base,
        ruleCode: 'B',
        roundKey: 'r1',
        startedAt: new Date('2026-03-02T01:02:03.456Z'),
        dueAt: null,
        pauses: [],
        warnFractions: [0.25],
      },
    ];
    await insertRows(ds.manager, CaseDeadlineEntity, rows);
    expect(rows.every((r) => typeof (r as { id?: string }).id === 'string')).toBe(true);
    const ids = rows.map((r) => (r as { id?: string }).id!);
    expect(BigInt(ids[1]) - BigInt(ids[0])).toBe(1n);
    const back = await ds.getRepository(CaseDeadlineEntity).findBy(ids.map((id) => ({ id })));
    const byCode = new Map(back.map((d) => [d.ruleCode, d]));
    expect(byCode.get('A')).toMatchObject({
      id: ids[0],
      startedAt: rows[0].startedAt,
      dueAt: rows[0].dueAt,
      pauses: rows[0].pauses,
      warnFractions: [0.5, 0.8],
    });
    expect(byCode.get('B')).toMatchObject({ id: ids[1], dueAt: null, pauses: [], warnFractions: [0.25] });
  });

  it('passes JSON through the column transformer and leaves nullable columns null', async () => {
    const c = await insertCase(ds, { unitCode: 'HX' });
    const [e] = await insertRows(ds.manager, CaseEventEntity, [
      {
        caseId: c.id,
        action: 'note',
        fromState: null,
        toState: null,
        actorKind: 'SYSTEM',
        actorId: null,
        actorName: '系统',
        actorUnitId: null,
        at: new Date('2026-01-01T00:00:00.000Z'),
        note: null,
        detail: { a: [1, '二'] } as never,
      },
    ]);
    const back = await ds.getRepository(CaseEventEntity).findOneByOrFail({ id: (e as { id?: string }).id! });
    expect(back).toMatchObject({
      caseId: c.id,
      actorId: null,
      note: null,
      detail: { a: [1, '二'] },
      at: new Date('2026-01-01T00:00:00.000Z'),
    });
  });
});
