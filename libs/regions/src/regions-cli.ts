/**
 * Operator commands for markets and their regions (README, "Adding a market"). Uses DATABASE_URL,
 * or the embedded database under .data/postgres like `npm start`; migrates first.
 *
 *   npm run markets:add -- <code> <country> <currency> <timeZone> <locales,comma-separated> [level=name,...]
 *     e.g. npm run markets:add -- ke KE KES Africa/Nairobi en-KE,sw-KE county=county
 *   npm run regions:import -- <market> <file.csv>
 *     e.g. npm run regions:import -- ke libs/regions/data/ke-iso-3166-2.csv
 *
 * An import prints every problem with its line and writes nothing unless there is none; running it
 * again with the same file changes nothing. Restart the API afterwards (it caches the regions).
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate, resolveDatabase } from '@farmlink/database';
import { MarketRepository } from './market.repository';
import { MarketsService, type RegionImportResult } from './markets.service';
import { RegionRepository } from './region.repository';

const USAGE = `usage:
  regions-cli add-market <code> <country> <currency> <timeZone> <locales> [level=name,...]
  regions-cli import <market> <file.csv>`;

/** Runs one command on a DataSource; answers the process exit code (also used by the tests). */
export async function runRegionsCommand(ds: DataSource, args: string[], out: (line: string) => void = console.log): Promise<number> {
  const service = new MarketsService(new MarketRepository(ds), new RegionRepository(ds), ds);
  const [command, ...rest] = args;
  if (command === 'add-market' && rest.length >= 5) {
    const [code, country, currency, timeZone, locales, levels] = rest;
    const levelNames = Object.fromEntries((levels ?? '').split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]));
    const market = await service.add({ code, country, currency, timeZone, locales: locales.split(',').filter(Boolean), levelNames });
    out(`[markets] ${market.code}: ${market.country}, ${market.currency}, ${market.timeZone}, ${market.locales.join('/')}`);
    return 0;
  }
  if (command === 'import' && rest.length === 2) {
    const [market, file] = rest;
    const result: RegionImportResult = await service.importRegions(market, fs.readFileSync(path.resolve(file), 'utf8'));
    for (const p of result.problems) out(`${file}:${p.line}: ${p.code ? `${p.code}: ` : ''}${p.message}`);
    if (result.problems.length > 0) {
      out(`[regions] ${result.problems.length} problem(s): nothing imported`);
      return 1;
    }
    out(`[regions] ${market}: ${result.rows} regions in the file, ${result.added} added, ${result.changed} changed`);
    return 0;
  }
  out(USAGE);
  return 2;
}

async function main(): Promise<void> {
  const database = await resolveDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.EMBEDDED_PG_DIR ?? path.resolve('.data', 'postgres'),
  });
  await migrate(database.url);
  const ds = new DataSource(dataSourceOptions({ url: database.url, statementTimeoutMs: 0 }));
  try {
    await ds.initialize();
    process.exitCode = await runRegionsCommand(ds, process.argv.slice(2));
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await database.stop();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
