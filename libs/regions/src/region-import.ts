import { parse } from 'csv-parse/sync';
import { GBT2260_CODE_PATTERN, REGION_CODE_PATTERN, REGION_LEVELS, type RegionLevel } from '@farmlink/shared';
import type { MarketRow } from './market.repository';
import type { RegionImportRow } from './region.repository';

/** One problem of a region file, with the line it is on (1 = the header). */
export interface RegionImportProblem {
  line: number;
  code?: string;
  message: string;
}

export interface ParsedRegionFile {
  rows: RegionImportRow[];
  problems: RegionImportProblem[];
}

/** A region already stored, as the checks need it. */
export interface KnownRegion {
  code: string;
  marketCode: string;
  level: RegionLevel;
}

const RANK: Record<RegionLevel, number> = { province: 0, prefecture: 1, county: 2 };

/**
 * Reads and checks a market's region file (`npm run regions:import -- <market> <file.csv>`).
 *
 * The CSV has a header row with `code`, `level`, `parent_code` (or `parent`) and a name in each
 * locale: `name:<locale>` (e.g. `name:en`, `name:sw`), or one `name` column for the market's first
 * locale. `level` is the market's own name for it (e.g. Kenya's `county`) or FarmLink's
 * (`province`, `prefecture`, `county`: the lowest level, where farmers and orders are, is `county`).
 * An empty `parent_code` is a top-level region; a parent may be in the file or already stored for
 * the same market.
 *
 * Every problem is reported with its line: a bad or duplicate code, a code another market holds,
 * an unknown level, a missing name, an unknown parent (or one of another market), a cycle of
 * parents, a parent not above its child. The caller writes nothing unless there is none.
 */
export function parseRegionFile(text: string, market: MarketRow, known: KnownRegion[]): ParsedRegionFile {
  const problems: RegionImportProblem[] = [];
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (err) {
    return { rows: [], problems: [{ line: 1, message: `not a CSV file: ${(err as Error).message}` }] };
  }
  if (records.length === 0) return { rows: [], problems: [{ line: 1, message: 'the file is empty' }] };

  const header = records[0].map((h) => h.trim().toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const codeCol = col('code');
  const levelCol = col('level');
  const parentCol = col('parent_code', 'parent', 'parentcode');
  const nameCols: { locale: string; index: number }[] = [];
  header.forEach((h, index) => {
    const m = /^name[:_](.+)$/.exec(h);
    if (m) nameCols.push({ locale: records[0][index].trim().slice(5), index });
    else if (h === 'name') nameCols.push({ locale: market.locales[0], index });
  });
  const missing = [codeCol < 0 && 'code', levelCol < 0 && 'level', parentCol < 0 && 'parent_code', nameCols.length === 0 && 'name (or name:<locale>)'].filter(Boolean);
  if (missing.length > 0) return { rows: [], problems: [{ line: 1, message: `the header has no ${missing.join(', ')} column` }] };
  for (const n of nameCols) {
    const matching = market.locales.find((l) => l.toLowerCase() === n.locale.toLowerCase());
    if (!matching) problems.push({ line: 1, message: `name:${n.locale} is not a locale of market ${market.code} (${market.locales.join(', ')})` });
    else n.locale = matching;
  }

  // FarmLink's levels by the market's names for them (and by their own names).
  const levelByName = new Map<string, RegionLevel>();
  for (const level of REGION_LEVELS) levelByName.set(level, level);
  for (const [level, local] of Object.entries(market.levelNames)) {
    if ((REGION_LEVELS as readonly string[]).includes(level)) levelByName.set(local.toLowerCase(), level as RegionLevel);
  }

  const knownByCode = new Map(known.map((k) => [k.code, k]));
  const inFile = new Map<string, { row: RegionImportRow; line: number; levelKnown: boolean }>();
  const rows: RegionImportRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const line = i + 1;
    const cells = records[i];
    const code = (cells[codeCol] ?? '').trim();
    const bad = (message: string) => problems.push({ line, code: code || undefined, message });
    if (!REGION_CODE_PATTERN.test(code)) {
      bad(`code ${JSON.stringify(code)} is not a region code (six digits, or a country and segments such as KE-30)`);
      continue;
    }
    if (market.code === 'cn' && !GBT2260_CODE_PATTERN.test(code)) bad(`code ${code}: market cn takes six-digit GB/T 2260 codes only`);
    const earlier = inFile.get(code);
    if (earlier) {
      bad(`duplicate code ${code} (first on line ${earlier.line})`);
      continue;
    }
    const other = knownByCode.get(code);
    if (other && other.marketCode !== market.code) bad(`code ${code} is already a region of market ${other.marketCode}`);
    const levelText = (cells[levelCol] ?? '').trim().toLowerCase();
    const level = levelByName.get(levelText);
    if (!level) bad(`unknown level ${JSON.stringify(levelText)} (one of: ${[...levelByName.keys()].join(', ')})`);
    const names: Record<string, string> = {};
    for (const n of nameCols) {
      const v = (cells[n.index] ?? '').trim();
      if (v) names[n.locale] = v;
    }
    const name = names[market.locales[0]] ?? Object.values(names)[0];
    if (!name) bad('no name');
    else if (name.length > 200) bad('name longer than 200 characters');
    const parentCode = (cells[parentCol] ?? '').trim() || null;
    if (parentCode === code) bad(`region ${code} is its own parent`);
    const row: RegionImportRow = { code, name: name ?? '', names, level: level ?? 'county', parentCode };
    inFile.set(code, { row, line, levelKnown: level !== undefined });
    rows.push(row);
  }

  // Parents: in the file or stored for this market; no cycles; above their children.
  for (const { row, line, levelKnown } of inFile.values()) {
    if (!row.parentCode || row.parentCode === row.code) continue;
    const parentInFile = inFile.get(row.parentCode)?.row;
    const stored = knownByCode.get(row.parentCode);
    if (!parentInFile && !stored) {
      problems.push({ line, code: row.code, message: `unknown parent ${row.parentCode}` });
      continue;
    }
    if (!parentInFile && stored && stored.marketCode !== market.code) {
      problems.push({ line, code: row.code, message: `parent ${row.parentCode} is a region of market ${stored.marketCode}` });
      continue;
    }
    const parentLevel = parentInFile?.level ?? stored!.level;
    const parentLevelKnown = parentInFile ? inFile.get(row.parentCode)!.levelKnown : true;
    if (levelKnown && parentLevelKnown && RANK[parentLevel] >= RANK[row.level]) {
      problems.push({ line, code: row.code, message: `parent ${row.parentCode} (${parentLevel}) is not above ${row.code} (${row.level})` });
    }
  }
  const reported = new Set<string>();
  for (const start of inFile.values()) {
    const seen: string[] = [];
    for (let c: string | null = start.row.code; c && inFile.has(c); c = inFile.get(c)!.row.parentCode) {
      if (seen.includes(c)) {
        const cycle = seen.slice(seen.indexOf(c));
        if (cycle.length > 1 && !cycle.some((x) => reported.has(x))) {
          cycle.forEach((x) => reported.add(x));
          const first = inFile.get(cycle[0])!;
          problems.push({ line: first.line, code: cycle[0], message: `cycle of parents: ${[...cycle, c].join(' → ')}` });
        }
        break;
      }
      seen.push(c);
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}
