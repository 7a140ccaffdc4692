import { DataSource } from 'typeorm';
import { insertCase, prepareTestDatabase, testConfig } from '@weiquan/testing';
import { CaseEntity, OrgUnitEntity } from '../entities';
import { makeActor } from '../scope/actor';
import { CASE_COUNT_SLOTS, countCases } from './case-counts';

// case_count is kept by triggers on wq_case: whatever writes cases, the counters must equal COUNT(*).
describe('case_count (triggers) and countCases', () => {
  let ds: DataSource;
  let unit: (code: string) => OrgUnitEntity;

  beforeAll(async () => {
    ds = await prepareTestDatabase(testConfig());
    const units = await ds.getRepository(OrgUnitEntity).find();
    unit = (code) => units.find((u) => u.code === code)!;
  });
  afterAll(() => ds?.destroy());

  const mismatches = async () =>
    ds.query(`SELECT k.* FROM (
        SELECT owner_unit_id, is_open, state, kind, COUNT(*) AS n FROM wq_case GROUP BY owner_unit_id, is_open, state, kind
      ) k LEFT JOIN (
        SELECT owner_unit_id, is_open, state, kind, SUM(n) AS n FROM case_count GROUP BY owner_unit_id, is_open, state, kind
      ) c USING (owner_unit_id, is_open, state, kind)
      WHERE c.n IS NULL OR c.n <> k.n
      UNION ALL
      SELECT c.owner_unit_id, c.is_open, c.state, c.kind, c.n FROM (
        SELECT owner_unit_id, is_open, state, kind, SUM(n) AS n FROM case_count GROUP BY owner_unit_id, is_open, state, kind HAVING SUM(n) <> 0
      ) c LEFT JOIN wq_case w USING (owner_unit_id, is_open, state, kind) WHERE w.id IS NULL`);

  it('follows inserts, moves between units and states, archiving and deletes', async () => {
    const a = await insertCase(ds, { unitCode: 'GL-T1', intakeUnitCode: 'GL', state: 'DISPATCHED' });
    const b = await insertCase(ds, { unitCode: 'HX', state: 'REGISTERED', kind: 'REPORT' });
    const c = await insertCase(ds, { unitCode: 'CITY', state: 'ACCEPTED' });
    await ds.query("UPDATE wq_case SET state = 'IN_PROGRESS', version = version + 1 WHERE id = ?", [a.id]);
    await ds.query("UPDATE wq_case SET state = 'RETURNED', owner_unit_id = ?, owner_path = ? WHERE id = ?", [
      unit('GL').id,
      unit('GL').path,
      a.id,
    ]);
    await ds.query("UPDATE wq_case SET state = 'ARCHIVED', is_open = 0 WHERE id = ?", [b.id]);
    await ds.query('UPDATE wq_case SET summary = ? WHERE id = ?', ['只改正文，不动计数', c.id]);
    await ds.query('DELETE FROM wq_case WHERE id = ?', [c.id]);
    expect(await mismatches()).toEqual([]);
  });

  it('answers the console totals exactly for every scope and the filters it covers', async () => {
    for (const [code, state] of [
      ['GL-T1-V1', 'IN_PROGRESS'],
      ['GL-T1', 'SUSPENDED'],
      ['QS', 'REGISTERED'],
      ['GL', 'ARCHIVED'],
    ] as const) {
      await insertCase(ds, { unitCode: code, state });
    }
    const actors = [
      makeActor({
        kind: 'USER',
        id: 1,
        name: 'all',
        roles: ['RECEPTIONIST'],
        unitId: unit('CITY').id,
        unitPath: unit('CITY').path,
        dataScope: 'ALL',
      }),
      makeActor({
        kind: 'USER',
        id: 2,
        name: 'gl',
        roles: ['RECEPTIONIST'],
        unitId: unit('GL').id,
        unitPath: unit('GL').path,
        dataScope: 'SUBTREE',
      }),
      makeActor({
        kind: 'USER',
        id: 3,
        name: 'station',
        roles: ['STATION_STAFF'],
        unitId: unit('GL-T1').id,
        unitPath: unit('GL-T1').path,
        dataScope: 'OWN_UNIT',
      }),
    ];
    const filters = [
      {},
      { open: true },
      { open: false },
      { unitPath: unit('GL-T1').path, open: true },
      { states: ['IN_PROGRESS', 'SUSPENDED'] as const },
      { kinds: ['COMPLAINT'] as const, open: true },
    ];
    for (const actor of actors) {
      for (const f of filters) {
        const where = ['1 = 1'];
        const params: unknown[] = [];
        const and = (sql: string, value: unknown) => {
          where.push(sql);
          params.push(value);
        };
        if (actor.scope.type === 'SUBTREE') and('owner_path LIKE ?', `${actor.scope.pathPrefix}%`);
        if (actor.scope.type === 'UNIT') and('owner_unit_id = ?', actor.scope.unitId);
        if ('unitPath' in f) and('owner_path LIKE ?', `${f.unitPath}%`);
        if ('open' in f) and('is_open = ?', f.open ? 1 : 0);
        if ('states' in f) and('state IN (?)', f.states);
        if ('kinds' in f) and('kind IN (?)', f.kinds);
        const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM wq_case WHERE ${where.join(' AND ')}`, params);
        expect({ actor: actor.name, f, n: await countCases(ds.manager, actor, f) }).toEqual({
          actor: actor.name,
          f,
          n: Number(n),
        });
      }
    }
  });

  it('lets opposite moves on the same counter rows run concurrently without deadlocks', async () => {
    // Cases of one unit, kind and slot: half move IN_PROGRESS → SUSPENDED while the other half move back.
    const made: CaseEntity[] = [];
    while (made.length < 24) {
      const c = await insertCase(ds, { unitCode: 'HX-T1', state: made.length % 2 ? 'SUSPENDED' : 'IN_PROGRESS' });
      if (Number(c.id) % CASE_COUNT_SLOTS === Number(made[0]?.id ?? c.id) % CASE_COUNT_SLOTS) made.push(c);
      else await ds.query('DELETE FROM wq_case WHERE id = ?', [c.id]);
    }
    const results = await Promise.allSettled(
      made.map((c, i) =>
        ds.transaction(async (m) => {
          await m.query('UPDATE wq_case SET state = ? WHERE id = ?', [i % 2 ? 'IN_PROGRESS' : 'SUSPENDED', c.id]);
          await m.query('DO SLEEP(0.02)');
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await mismatches()).toEqual([]);
  });
});
