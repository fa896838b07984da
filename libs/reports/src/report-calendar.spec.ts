import fc from 'fast-check';
import { addDays, calendarPeriod, dayMask, dayOfYear, lastOfMonth, splitRange, yearsOf } from './report-calendar';

const date = fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const range = fc.tuple(date, date).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);

/** Every day of from..to, one by one. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('report calendar', () => {
  it('splitRange covers every day of the range exactly once, coarsest first', () => {
    fc.assert(
      fc.property(range, fc.boolean(), ([from, to], years) => {
        const p = splitRange(from, to, { years });
        const covered = [
          ...p.years.flatMap((y) => days(y, `${y.slice(0, 4)}-12-31`)),
          ...p.months.flatMap((m) => days(m, lastOfMonth(m))),
          ...p.days.flatMap(([a, b]) => days(a, b)),
        ].sort();
        expect(covered).toEqual(days(from, to));
        if (!years) expect(p.years).toEqual([]);
        expect(p.days.length).toBeLessThanOrEqual(2);
        // No whole month is left as loose days.
        for (const [a, b] of p.days) expect(calendarPeriod(a, b)).toBeNull();
      }),
    );
  });

  it('splits a year into one year row, or twelve months when years are not allowed', () => {
    expect(splitRange('2025-01-01', '2025-12-31', { years: true })).toEqual({ years: ['2025-01-01'], months: [], days: [] });
    expect(splitRange('2025-01-01', '2025-12-31', { years: false }).months).toHaveLength(12);
    expect(splitRange('2024-02-15', '2024-04-10', { years: true })).toEqual({
      years: [],
      months: ['2024-03-01'],
      days: [
        ['2024-02-15', '2024-02-29'],
        ['2024-04-01', '2024-04-10'],
      ],
    });
  });

  it('knows a calendar year or month, and nothing else', () => {
    expect(calendarPeriod('2025-01-01', '2025-12-31')).toEqual({ grain: 'y', period: '2025-01-01' });
    expect(calendarPeriod('2024-02-01', '2024-02-29')).toEqual({ grain: 'm', period: '2024-02-01' });
    expect(calendarPeriod('2025-02-01', '2025-02-28')).toEqual({ grain: 'm', period: '2025-02-01' });
    expect(calendarPeriod('2024-02-01', '2024-02-28')).toBeNull();
    expect(calendarPeriod('2025-01-02', '2025-12-31')).toBeNull();
    expect(calendarPeriod('2024-01-01', '2025-12-31')).toBeNull();
  });

  it('day masks set exactly the days of the range, by day of year', () => {
    fc.assert(
      fc.property(range, ([from, to]) => {
        for (const y of yearsOf(from, to)) {
          const mask = dayMask(y.from, y.to);
          expect(mask).toHaveLength(366);
          const set = [...mask].flatMap((c, i) => (c === '1' ? [i + 1] : []));
          expect(set).toEqual(days(y.from, y.to).map(dayOfYear));
        }
      }),
    );
    expect(dayOfYear('2024-12-31')).toBe(366);
    expect(dayOfYear('2025-12-31')).toBe(365);
  });
});
