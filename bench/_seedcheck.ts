import 'reflect-metadata';
import { createDataSource, loadConfig, seedDemo } from '@weiquan/core';
(async () => {
  const ds = createDataSource(loadConfig({ DB_NAME: 'weiquan_scratch_seed', LOG_LEVEL: 'silent' }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const t = Date.now();
  const r = await seedDemo(ds);
  console.log(r, Date.now() - t, 'ms');
  for (const q of [
    'SELECT kind, COUNT(*) n FROM wq_case GROUP BY kind',
    'SELECT state, COUNT(*) n, SUM(overdue) od FROM wq_case GROUP BY state ORDER BY n DESC',
    'SELECT u.code, COUNT(*) n FROM wq_case c JOIN org_unit u ON u.id=c.owner_unit_id GROUP BY u.code ORDER BY n DESC',
    'SELECT channel, COUNT(*) n FROM wq_case GROUP BY channel ORDER BY n DESC',
    'SELECT COUNT(*) events, MIN(at), MAX(at) FROM case_event',
    'SELECT SUM(overdue) overdue, SUM(is_open) open, COUNT(*) total FROM wq_case',
    'SELECT case_no, state, consumer_name, consumer_phone, respondent_name, category, LEFT(summary,60) s FROM wq_case ORDER BY id DESC LIMIT 8',
  ]) console.table(await ds.query(q));
  await ds.destroy();
})().catch((e) => { console.error(e); process.exit(1); });
