/**
 * `npm run reports:rebuild`: recomputes every sales rollup from orders, order
 * lines and refunds (after a bulk import, or to check them). Uses
 * DATABASE_URL, or the embedded database under .data/postgres like `npm start`.
 */
import 'reflect-metadata';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate, resolveDatabase } from '@farmlink/database';
import { ReportRepository } from './report.repository';

async function main(): Promise<void> {
  const database = await resolveDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.EMBEDDED_PG_DIR ?? path.resolve('.data', 'postgres'),
  });
  await migrate(database.url);
  // Maintenance: no statement timeout (a rebuild at a million lines takes minutes).
  const ds = new DataSource(dataSourceOptions({ url: database.url, statementTimeoutMs: 0 }));
  try {
    await ds.initialize();
    const started = Date.now();
    const repo = new ReportRepository(ds);
    const zone = process.env.REPORT_TIME_ZONE;
    if (zone && zone !== (await repo.storedTimeZone())) await repo.changeTimeZone(zone);
    else await repo.rebuild();
    const c = await repo.rollupSizes();
    console.log(`[reports] rollups rebuilt in ${Date.now() - started} ms: ${c.sales} sums rows, ${c.actorDays} id-day rows, ${c.counters} counter rows`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await database.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
