/**
 * Calendar arithmetic on local dates (YYYY-MM-DD strings) for the report
 * rollups: which whole years, whole months and loose days make up a range,
 * and the day bits of report_actor_days. Pure functions, no time zone: the
 * dates are already local (REPORT_TIME_ZONE).
 */

export type Grain = 'm' | 'y';

export interface CalendarPeriod {
  grain: Grain;
  /** First day of the month or year. */
  period: string;
}

export interface RangeParts {
  /** First days of the whole years in the range. */
  years: string[];
  /** First days of the whole months not inside one of those years. */
  months: string[];
  /** At most two runs of loose days, at the range's edges: [first, last]. */
  days: [string, string][];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function parts(s: string): [number, number, number] {
  const [y, m, d] = s.split('-').map(Number);
  return [y, m, d];
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(s: string, n: number): string {
  const [y, m, d] = parts(s);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function lastOfMonth(s: string): string {
  const [y, m] = parts(s);
  return `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;
}

/** Day of the year, 1-based. */
export function dayOfYear(s: string): number {
  const [y, m, d] = parts(s);
  return (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
}

/**
 * Splits from..to (inclusive) into whole years (when allowed), whole months
 * and the loose days at the edges, so that sums read the coarsest rows.
 */
export function splitRange(from: string, to: string, opts: { years: boolean }): RangeParts {
  const out: RangeParts = { years: [], months: [], days: [] };
  let cursor = from;
  while (cursor <= to) {
    const [y, m, d] = parts(cursor);
    if (opts.years && m === 1 && d === 1 && `${y}-12-31` <= to) {
      out.years.push(cursor);
      cursor = `${y + 1}-01-01`;
    } else if (d === 1 && lastOfMonth(cursor) <= to) {
      out.months.push(cursor);
      cursor = addDays(lastOfMonth(cursor), 1);
    } else {
      const end = lastOfMonth(cursor) < to ? lastOfMonth(cursor) : to;
      const last = out.days[out.days.length - 1];
      if (last && addDays(last[1], 1) === cursor) last[1] = end;
      else out.days.push([cursor, end]);
      cursor = addDays(end, 1);
    }
  }
  return out;
}

/** The calendar year or month that from..to is exactly, or null. */
export function calendarPeriod(from: string, to: string): CalendarPeriod | null {
  const [y, m, d] = parts(from);
  if (d !== 1) return null;
  if (m === 1 && to === `${y}-12-31`) return { grain: 'y', period: from };
  if (to === lastOfMonth(from)) return { grain: 'm', period: from };
  return null;
}

/** The months (YYYY-MM) that from..to touches, with the part of each inside the range. */
export function monthsOf(from: string, to: string): { key: string; from: string; to: string }[] {
  const out: { key: string; from: string; to: string }[] = [];
  let cursor = from;
  while (cursor <= to) {
    const end = lastOfMonth(cursor) < to ? lastOfMonth(cursor) : to;
    out.push({ key: cursor.slice(0, 7), from: cursor, to: end });
    const [y, m] = parts(cursor);
    cursor = m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
  }
  return out;
}

/** The days from..to (within one year) as the bit(366) text of report_actor_days. */
export function dayMask(from: string, to: string): string {
  const a = dayOfYear(from);
  const b = dayOfYear(to);
  return '0'.repeat(a - 1) + '1'.repeat(b - a + 1) + '0'.repeat(366 - b);
}

/** from..to cut at year ends: one piece per year. */
export function yearsOf(from: string, to: string): { year: number; from: string; to: string }[] {
  const out: { year: number; from: string; to: string }[] = [];
  for (let y = parts(from)[0]; y <= parts(to)[0]; y++) {
    const a = `${y}-01-01` > from ? `${y}-01-01` : from;
    const b = `${y}-12-31` < to ? `${y}-12-31` : to;
    out.push({ year: y, from: a, to: b });
  }
  return out;
}
