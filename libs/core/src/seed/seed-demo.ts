import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Channel, childPath, DEFAULT_API_OPERATIONS } from '@weiquan/shared';
import { loadConfig } from '../config/app-config';
import { createDataSource } from '../db/data-source';
import { CaseEntity, ExternalAgencyEntity, OrgUnitEntity, UserEntity } from '../entities';
import { hashPassword } from '../auth/password';
import { insertApiClient } from '../auth/api-key';
import { DEMO_AGENCIES, DEMO_API_KEY, DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-org';
import { seedDemoCases } from './seed-demo-cases';

/**
 * Loads the demo organisation and users once (a no-op when the city center exists), then — unless
 * `cases: false` — a few hundred demo cases when there is no case yet (seed-demo-cases.ts).
 */
export async function seedDemo(
  ds: DataSource,
  opts: { cases?: boolean } = {},
): Promise<{ seeded: boolean; cases: number }> {
  const seeded = await seedDemoOrg(ds);
  const cases =
    opts.cases === false || (await ds.getRepository(CaseEntity).exist()) ? 0 : (await seedDemoCases(ds)).ids.length;
  return { seeded, cases };
}

async function seedDemoOrg(ds: DataSource): Promise<boolean> {
  if (await ds.getRepository(OrgUnitEntity).exist({ where: { code: 'CITY' } })) return false;
  await ds.transaction(async (m) => {
    const byCode = new Map<string, OrgUnitEntity>();
    for (const d of DEMO_UNITS) {
      const parent = d.parent ? byCode.get(d.parent)! : null;
      const unit = await m.save(
        m.create(OrgUnitEntity, {
          code: d.code,
          name: d.name,
          type: d.type,
          parentId: parent?.id ?? null,
          path: '/',
          depth: parent ? parent.depth + 1 : 0,
          workroom: d.type === 'WORKROOM' ? (d.code.split('-').pop() as OrgUnitEntity['workroom']) : null,
          phone: d.phone ?? null,
          address: d.address ?? null,
        }),
      );
      unit.path = childPath(parent?.path ?? null, unit.id);
      await m.update(OrgUnitEntity, unit.id, { path: unit.path });
      byCode.set(d.code, unit);
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const d of DEMO_USERS) {
      const unit = byCode.get(d.unit)!;
      await m.insert(UserEntity, {
        username: d.username,
        displayName: d.displayName,
        passwordHash,
        roles: d.roles,
        dataScope: d.dataScope,
        unitId: unit.id,
        unitPath: unit.path,
        version: 1,
      });
    }
    for (const a of DEMO_AGENCIES) await m.insert(ExternalAgencyEntity, { ...a, address: null });
    // The 12345 hotline: least privilege (transfer-in, reading back its own transfers), channel forced.
    await insertApiClient(m, {
      name: '12345政务服务便民热线',
      unitId: byCode.get('CITY')!.id,
      operations: [...DEFAULT_API_OPERATIONS],
      channel: Channel.TRANSFER_12345,
      key: DEMO_API_KEY,
    });
  });
  return true;
}

if (require.main === module) {
  (async () => {
    const ds = createDataSource(loadConfig());
    await ds.initialize();
    try {
      const { seeded, cases } = await seedDemo(ds);
      console.log(seeded ? '[weiquan] demo data loaded' : '[weiquan] demo data already present');
      if (cases) console.log(`[weiquan] ${cases} demo cases loaded`);
    } finally {
      await ds.destroy();
    }
  })().catch((e) => {
    console.error('[weiquan] seeding failed:', e);
    process.exit(1);
  });
}
