import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { createDataSource } from '../db/data-source';
import { SystemClock } from '../time/clock';
import { StatMaintainer } from './stat-maintainer.service';

/** `pnpm stats:rebuild`: recomputes every statistics row from the case tables (safe while the worker drains). */
async function main(): Promise<void> {
  const ds = createDataSource(loadConfig());
  await ds.initialize();
  try {
    const start = Date.now();
    const n = await new StatMaintainer(ds, new SystemClock()).rebuild(2000, (done) => {
      if (done % 50_000 === 0) console.log(`[weiquan] statistics: ${done} cases`);
    });
    console.log(`[weiquan] statistics rebuilt from ${n} cases in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error('[weiquan] statistics rebuild failed:', e);
    process.exit(1);
  });
}
