import type { SalesRow } from '../../api';

/**
 * The monthly trend as a chart needs it: every month from `from` to `to`
 * (YYYY-MM-DD), oldest first, with each month's net sales and the same month a
 * year earlier in yuan — 0 for a month without sales. (The report answers rows
 * sorted by net sales and only for months that sold.)
 */
export function monthSeries(from: string, to: string, rows: SalesRow[]): { labels: string[]; current: number[]; previous: number[] } {
  const byMonth = new Map(rows.map((r) => [r.key, r]));
  const labels: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    labels.push(key);
    if (key >= last) break;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return {
    labels,
    current: labels.map((k) => (byMonth.get(k)?.netSalesCents ?? 0) / 100),
    previous: labels.map((k) => (byMonth.get(k)?.previousYearNetSalesCents ?? 0) / 100),
  };
}
