import { ViolationEntity } from '@weiquan/core';
import { In } from 'typeorm';
import { loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';
import { CaseOps, complaint } from './case-ops';

// Issue 11's scenario: three complaints with late duties, and exactly who holds which 违诺 afterwards.
const sh = (local: string) => new Date(`${local}+08:00`);

describe('Who holds which 违诺 (scenario)', () => {
  let api: TestApi;
  const ops: Record<string, CaseOps> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    for (const name of ['city_op', 'gl_station']) {
      const s = await loginAs(api.gql, name);
      ops[name] = new CaseOps(s.client);
      ids[name] = s.user.id;
    }
  });
  afterAll(() => api?.close());

  it('charges the 即办 reception once, the late station (not the city operator) and nobody in person for a backdated letter', async () => {
    const { city_op, gl_station } = ops;
    const [glT1] = await api.ds.query("SELECT id FROM org_unit WHERE code = 'GL-T1'");
    const [city] = await api.ds.query("SELECT id FROM org_unit WHERE code = 'CITY'");

    // A. 即办 at the city reception, concluded on 16 Nov: past the 7-working-day conclusion (due 11 Nov).
    api.clock.set(sh('2026-11-02T10:00:00'));
    let a = await city_op.register(complaint());
    a = await city_op.run('acceptCase', a);
    a = await city_op.run('dispatchCase', a, { targetType: 'WORKROOM', workroom: 'RECEPTION', mode: 'IMMEDIATE' });
    a = await city_op.run('receiveCase', a);

    // B. Dispatched to the 鼓东街道 station the same day, received next day, concluded 20 Nov (15 days: due 17 Nov).
    let b = await city_op.register(complaint());
    b = await city_op.run('acceptCase', b);
    b = await city_op.run('dispatchCase', b, { targetType: 'UNIT', unitId: String(glT1.id), mode: 'ON_BEHALF' });
    api.clock.set(sh('2026-11-03T09:00:00'));
    b = await gl_station.run('receiveCase', b);

    api.clock.set(sh('2026-11-16T15:00:00'));
    a = await city_op.run('concludeCase', a, { outcome: 'MEDIATED', agreementText: '退货退款', amountRecovered: 2999 });
    a = await city_op.run('replyCase', a, { content: '经调解，商家退货退款。' });
    a = await city_op.run('recordFollowUp', a, { result: 'REACHED', satisfaction: 'SATISFIED' });
    await city_op.run('archiveCase', a);

    // C. A letter received on 20 Oct, registered on 16 Nov: every intake clock already ran out.
    const c = await city_op.register(
      complaint({ channel: 'LETTER', receivedAt: sh('2026-10-20T09:00:00').toISOString() }),
    );
    await city_op.run('acceptCase', c);

    api.clock.set(sh('2026-11-20T10:00:00'));
    await gl_station.run('concludeCase', b, { outcome: 'MEDIATED', agreementText: '退款', amountRecovered: 500 });

    const v = await api.ds.getRepository(ViolationEntity).find({
      where: { caseId: In([a.id, b.id, c.id]) },
      order: { id: 'ASC' },
    });
    const personal = v
      .filter((x) => x.userId !== null)
      .map((x) => [x.caseId, x.userId, x.duty, x.ruleCode])
      .sort();
    expect(personal).toEqual(
      [
        [a.id, Number(ids.city_op), 'CONCLUDE', 'COMPLAINT_CONCLUDE'],
        [b.id, Number(ids.gl_station), 'CONCLUDE', 'STATION_CONCLUDE'],
      ].sort(),
    );
    // B's city-level conclusion clock is the city's: its registrar's duty ended when the station received it.
    expect(v.filter((x) => x.caseId === b.id && x.userId === null).map((x) => [x.ruleCode, x.unitId])).toEqual([
      ['COMPLAINT_CONCLUDE', Number(city.id)],
    ]);
    // C: the letter's lateness is the city's, with the reason, and no person's.
    const late = v.filter((x) => x.caseId === c.id);
    expect(late.length).toBeGreaterThan(0);
    expect(
      late.every((x) => x.userId === null && x.reason === 'LATE_REGISTRATION' && x.unitId === Number(city.id)),
    ).toBe(true);
  });
});
