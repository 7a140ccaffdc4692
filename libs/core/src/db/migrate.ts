import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { createDataSource } from './data-source';

/** `pnpm migrate`: runs pending migrations; its own step, never at API boot. */
export async function migrate(): Promise<string[]> {
  const ds = createDataSource(loadConfig());
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  migrate()
    .then((names) =>
      console.log(names.length ? `[weiquan] migrated: ${names.join(', ')}` : '[weiquan] schema up to date'),
    )
    .catch((e) => {
      console.error('[weiquan] migration failed:', e);
      process.exit(1);
    });
}
