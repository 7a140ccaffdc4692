import { CaseDeadlineEntity, OrgUnitEntity } from '@weiquan/core';
import { loginAs } from '@weiquan/testing';
import { CaseOps, CaseView, complaint } from './case-ops';
import { startTestApi, TestApi } from './test-api';

/**
 * What the accountability suites set up alike: a test API with the named demo users signed in (a CaseOps
 * and the user id each), the org units by code, and a case's clocks. Registers its own beforeAll/afterAll,
 * so call it at the top of a describe; `api` is there from the suite's own beforeAll on.
 */
export function caseFixture(users: readonly string[]) {
  const fx = {
    api: undefined as unknown as TestApi,
    ops: {} as Record<string, CaseOps>,
    ids: {} as Record<string, string>,
    units: [] as OrgUnitEntity[],
    unit: (code: string): OrgUnitEntity => fx.units.find((u) => u.code === code)!,
    uid: (code: string): string => String(fx.unit(code).id),
    clocks: (caseId: string) =>
      fx.api.ds.getRepository(CaseDeadlineEntity).find({ where: { caseId }, order: { id: 'ASC' } }),
    clock: async (caseId: string, code: string) => (await fx.clocks(caseId)).find((d) => d.ruleCode === code)!,
    /** A complaint city_op registered, accepted and dispatched 即办 to the city's own 受理接待 (not yet received). */
    immediateAtCity: async (): Promise<CaseView> => {
      const op = fx.ops.city_op!;
      const c = await op.run('acceptCase', await op.register(complaint()));
      return op.run('dispatchCase', c, { targetType: 'WORKROOM', workroom: 'RECEPTION', mode: 'IMMEDIATE' });
    },
    /** A complaint city_op registered, accepted and dispatched to 鼓楼区's center, received there by gl_county. */
    receivedAtCounty: async (): Promise<CaseView> => {
      const op = fx.ops.city_op!;
      const c = await op.run('acceptCase', await op.register(complaint()));
      const sent = await op.run('dispatchCase', c, { targetType: 'UNIT', unitId: fx.uid('GL'), mode: 'ON_BEHALF' });
      return fx.ops.gl_county!.run('receiveCase', sent);
    },
    /** 鼓楼区 starts a 联办 of the case with an active department, agreed for 2026-12-30; the handling's id. */
    startJointHandling: async (caseId: string): Promise<string> => {
      const [dept] = await fx.api.ds.query(
        "SELECT id FROM external_agency WHERE kind = 'DEPARTMENT' AND active = 1 LIMIT 1",
      );
      const input = {
        caseId,
        departmentId: String(dept.id),
        mode: 'JOINT',
        agreedDeadline: '2026-12-30',
        matter: '联办',
      };
      const started = await fx.ops.gl_county!.gql.ok<{ startDepartmentHandling: { id: string } }>(
        `mutation($input: StartDepartmentHandlingInput!) { startDepartmentHandling(input: $input) { id } }`,
        { input },
      );
      return started.startDepartmentHandling.id;
    },
  };
  beforeAll(async () => {
    fx.api = await startTestApi();
    fx.units = await fx.api.ds.getRepository(OrgUnitEntity).find();
    for (const name of users) {
      const s = await loginAs(fx.api.gql, name);
      fx.ops[name] = new CaseOps(s.client);
      fx.ids[name] = s.user.id;
    }
  });
  afterAll(() => fx.api?.close());
  return fx;
}
