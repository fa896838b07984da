#!/usr/bin/env node
/**
 * `npm run regions:iso-3166-2 -- <COUNTRY> <level> <locale>`: prints a region file (the CSV that
 * `npm run regions:import` reads) of a country's first-level ISO 3166-2 subdivisions, from the npm
 * package `iso-3166` (wooorm/iso-3166, pinned in package.json). Each subdivision is a region of the
 * given level with no parent, named in the given locale (the package's English names).
 *
 *   npm run regions:iso-3166-2 -- KE county en > libs/regions/data/ke-iso-3166-2.csv
 */
import { iso31662 } from 'iso-3166';

const [country, level = 'county', locale = 'en'] = process.argv.slice(2);
if (!country || !/^[A-Z]{2}$/.test(country)) {
  console.error('usage: iso-3166-2.mjs <COUNTRY (ISO 3166-1 alpha-2, e.g. KE)> [level] [locale]');
  process.exit(2);
}
const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const rows = iso31662.filter((s) => s.parent === country).sort((a, b) => (a.code < b.code ? -1 : 1));
if (rows.length === 0) {
  console.error(`iso-3166 has no subdivisions of ${country}`);
  process.exit(1);
}
process.stdout.write(`code,name:${locale},level,parent_code\n`);
for (const s of rows) process.stdout.write(`${s.code},${quote(s.name)},${level},\n`);
