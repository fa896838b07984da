import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { programmes, regions, reports, type ReportGroupBy, type SalesQuery, type SalesRow } from '../../api';
import { ErrorNotice, FormNotice, Loading, Options, PageTitle } from '../../components/ui';
import { errorText, reportTodayIso, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';
import { BarChart, TrendChart } from './charts';
import { monthSeries } from './month-series';

interface Crumb {
  code: string;
  name: string;
}

/** The table's natural grouping below a region of each depth (0 = the whole country); a county shows its categories. */
const NEXT_LEVEL: Record<number, ReportGroupBy> = { 0: 'province', 1: 'prefecture', 2: 'county', 3: 'category' };
const REGION_GROUPS: ReportGroupBy[] = ['province', 'prefecture', 'county'];

/**
 * The dashboard's state lives in the URL (`/officer?from=&to=&programme=&region=&groupBy=`), so a
 * reload shows the same report and the browser's Back and Forward walk the drill-down. Defaults are
 * left out of the URL.
 */
export function dashboardHref(params: URLSearchParams, change: Record<string, string | null>): string {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(change)) {
    if (v === null) next.delete(k);
    else next.set(k, v);
  }
  const q = next.toString();
  return q ? `/officer?${q}` : '/officer';
}

function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The figure columns: header key, and how a row shows it. On a phone each row is a card, its cells labelled. */
const FIGURES: { key: string; cell(row: SalesRow, f: { money(c: number): string; number(n: number, d?: number): string }): string; strong?: boolean }[] = [
  { key: 'report.netSales', cell: (r, f) => f.money(r.netSalesCents), strong: true },
  { key: 'report.orders', cell: (r, f) => f.number(r.orders) },
  { key: 'report.grossSales', cell: (r, f) => f.money(r.grossSalesCents) },
  { key: 'report.refunds', cell: (r, f) => f.money(r.refundsCents) },
  { key: 'report.weightKg', cell: (r, f) => f.number(r.weightKg, 1) },
  { key: 'report.buyers', cell: (r, f) => f.number(r.buyers) },
  { key: 'report.producers', cell: (r, f) => f.number(r.producers) },
  { key: 'report.povertySales', cell: (r, f) => f.money(r.povertyHouseholdSalesCents) },
  { key: 'report.previousYear', cell: (r, f) => f.money(r.previousYearNetSalesCents) },
  { key: 'report.growthCol', cell: (r, f) => (r.growthPct === null ? '—' : `${f.number(r.growthPct, 1)}%`) },
];

/** A report row's figures, one cell each (the row's name is its header cell); each cell carries its column's name for the phone layout. */
function FigureCells({ row, currency }: { row: SalesRow; currency?: string }) {
  const { t, money: moneyIn, number } = useI18n();
  const money = (c: number) => moneyIn(c, currency);
  return (
    <>
      {FIGURES.map((f) => (
        <td key={f.key} data-label={t(f.key as never)}>
          {f.strong ? <strong>{f.cell(row, { money, number })}</strong> : f.cell(row, { money, number })}
        </td>
      ))}
    </>
  );
}

export default function DashboardPage() {
  const { t, money: moneyIn, number, lang } = useI18n();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const defaultFrom = `${reportTodayIso().slice(0, 4)}-01-01`;
  const defaultTo = reportTodayIso();
  const from = params.get('from') ?? defaultFrom;
  const to = params.get('to') ?? defaultTo;
  const programmeId = params.get('programme') ?? '';
  const regionParam = params.get('region') ?? '';
  const groupByParam = params.get('groupBy') as ReportGroupBy | null;
  const [downloadError, setDownloadError] = useState('');
  const [downloading, setDownloading] = useState('');

  /** Changes the URL: a drill, a grouping or a programme is a step Back returns from; typing a date replaces the step. */
  const go = (change: Record<string, string | null>, replace = false) => {
    const href = dashboardHref(params, change);
    setParams(new URLSearchParams(href.split('?')[1] ?? ''), { replace });
  };
  const setDate = (key: 'from' | 'to', value: string) => go({ [key]: value === (key === 'from' ? defaultFrom : defaultTo) ? null : value }, true);

  // An officer with a jurisdiction starts (and stays) inside it; the URL's region is drilled into below it.
  const jurisdictionCode = user?.jurisdictionCode ?? '';
  const regionCode = regionParam || jurisdictionCode;
  const region = useAsync(() => (regionCode ? regions.get(regionCode) : Promise.resolve(null)), [regionCode]);
  const fullPath: Crumb[] = useMemo(() => {
    const r = region.data;
    return r ? [...(r.parents ?? []), r].map((x) => ({ code: x.code, name: x.name })) : [];
  }, [region.data]);
  const rootDepth = jurisdictionCode ? fullPath.findIndex((c) => c.code === jurisdictionCode) + 1 : 0;
  const depth = regionCode ? (region.data ? fullPath.length : -1) : 0;
  const naturalGroup: ReportGroupBy | undefined = depth >= 0 ? NEXT_LEVEL[depth] : undefined;
  const groupChoices: ReportGroupBy[] = depth >= 3 ? ['category', 'month'] : naturalGroup ? [naturalGroup, 'month', 'category'] : [];
  const groupBy: ReportGroupBy | undefined = groupByParam && groupChoices.includes(groupByParam) ? groupByParam : naturalGroup;
  const ready = !regionCode || !!region.data;
  const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
  // What is wrong with the range, if anything: a missing date is not an inverted range.
  const rangeError = !isDate(from) ? t('validation.startDate') : !isDate(to) ? t('validation.endDate') : from > to ? t('validation.dateRange') : '';
  const rangeOk = rangeError === '';

  const base: Omit<SalesQuery, 'groupBy'> = { from, to, ...(regionCode ? { regionCode } : {}), ...(programmeId ? { programmeId } : {}) };
  const key = JSON.stringify(base);
  const live = rangeOk && ready && !!groupBy;
  const programmeList = useAsync(() => programmes.list().catch(() => []), []);
  const table = useAsync(() => (live ? reports.sales({ ...base, groupBy: groupBy! }) : Promise.resolve(null)), [key, groupBy, live]);
  const countyLevel = depth >= 0 && depth <= 2;
  const counties = useAsync(
    () => (live && countyLevel ? (groupBy === 'county' ? Promise.resolve(null) : reports.sales({ ...base, groupBy: 'county' })) : Promise.resolve(null)),
    [key, groupBy, live, countyLevel],
  );
  const months = useAsync(() => (live ? reports.sales({ ...base, groupBy: 'month' }) : Promise.resolve(null)), [key, live]);
  // Amounts in the report's own currency (its market's: CNY for cn, KES for ke …), formatted by Intl.NumberFormat.
  const money = (c: number | null | undefined) => moneyIn(c, table.data?.currency ?? undefined);

  const countyRows: SalesRow[] = (groupBy === 'county' ? table.data?.rows : counties.data?.rows) ?? [];
  const top = [...countyRows].sort((a, b) => b.netSalesCents - a.netSalesCents).slice(0, 10);
  const fmtYuan = (v: number) => money(Math.round(v * 100));

  const download = async (format: 'csv' | 'xlsx') => {
    if (!groupBy) return;
    setDownloadError('');
    setDownloading(format);
    try {
      const { blob, filename } = await reports.downloadSales({ ...base, groupBy }, format, lang === 'zh' ? 'zh-CN' : 'en');
      saveBlob(blob, filename);
    } catch (err) {
      setDownloadError(errorText(err, t));
    } finally {
      setDownloading('');
    }
  };

  /** Where a row leads: a region one level down (a county: its report by category). */
  const rowHref = (row: SalesRow) => (groupBy && REGION_GROUPS.includes(groupBy) ? dashboardHref(params, { region: row.key, groupBy: null }) : null);
  const crumbHref = (code: string | null) => dashboardHref(params, { region: code === jurisdictionCode ? null : code, groupBy: null });
  const rowLabel = t(groupBy && REGION_GROUPS.includes(groupBy) ? 'report.region' : groupBy === 'month' ? 'officer.month' : 'officer.category');

  const totals = table.data?.totals;
  return (
    <div className="dashboard">
      <PageTitle>{t('officer.title')}</PageTitle>
      <form className="card filters-bar" onSubmit={(e) => e.preventDefault()} aria-label={t('officer.filters')}>
        <div className="field">
          <label htmlFor="r-from">{t('officer.from')}</label>
          <input id="r-from" type="date" value={from} max={to} onChange={(e) => setDate('from', e.target.value)} aria-invalid={!rangeOk || undefined} />
        </div>
        <div className="field">
          <label htmlFor="r-to">{t('officer.to')}</label>
          <input id="r-to" type="date" value={to} min={from} onChange={(e) => setDate('to', e.target.value)} aria-invalid={!rangeOk || undefined} />
        </div>
        <div className="field">
          <label htmlFor="r-programme">{t('officer.programme')}</label>
          <select id="r-programme" value={programmeId} onChange={(e) => go({ programme: e.target.value || null })}>
            <Options empty={t('officer.allProgrammes')} options={(programmeList.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </select>
        </div>
        {groupChoices.length > 0 && (
          <div className="field">
            <label htmlFor="r-group">{t('officer.groupBy')}</label>
            <select id="r-group" value={groupBy} onChange={(e) => go({ groupBy: e.target.value === naturalGroup ? null : e.target.value })}>
              {groupChoices.map((g) => (
                <option key={g} value={g}>
                  {t(`officer.by.${g}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="button-row filters-bar__downloads">
          <button type="button" className="btn btn--ghost" disabled={!rangeOk || !groupBy || !!downloading} onClick={() => download('csv')}>
            {t('officer.downloadCsv')}
          </button>
          <button type="button" className="btn btn--ghost" disabled={!rangeOk || !groupBy || !!downloading} onClick={() => download('xlsx')}>
            {t('officer.downloadXlsx')}
          </button>
        </div>
        {!rangeOk && (
          <p className="field__error" role="alert">
            {rangeError}
          </p>
        )}
        <FormNotice text={downloadError} />
      </form>

      <nav className="breadcrumb" aria-label={t('officer.drill')}>
        <ol>
          {!jurisdictionCode && (
            <li>
              {regionCode ? <Link to={crumbHref(null)}>{t('officer.allRegions')}</Link> : <span aria-current="page">{t('officer.allRegions')}</span>}
            </li>
          )}
          {fullPath.map((c, i) => (
            <li key={c.code}>
              {i === fullPath.length - 1 ? (
                <span aria-current="page">{c.name}</span>
              ) : i + 1 >= rootDepth ? (
                <Link to={crumbHref(c.code)}>{c.name}</Link>
              ) : (
                <span>{c.name}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {region.error ? <ErrorNotice error={region.error} onRetry={region.reload} /> : null}

      {totals && (
        <div className="kpis">
          <div className="kpi">
            <span>{t('report.netSales')}</span>
            <strong data-testid="kpi-net">{money(totals.netSalesCents)}</strong>
            {totals.growthPct !== null && totals.growthPct !== undefined && (
              <small className={totals.growthPct >= 0 ? 'ok' : 'warn'}>{t('report.growth', { pct: number(totals.growthPct, 1) })}</small>
            )}
          </div>
          <div className="kpi">
            <span>{t('report.orders')}</span>
            <strong>{number(totals.orders)}</strong>
          </div>
          <div className="kpi">
            <span>{t('report.weightKg')}</span>
            <strong>{number(totals.weightKg, 1)}</strong>
          </div>
          <div className="kpi">
            <span>{t('report.povertySales')}</span>
            <strong>{money(totals.povertyHouseholdSalesCents)}</strong>
            <small>{t('report.povertyHouseholdsN', { n: totals.povertyHouseholds })}</small>
          </div>
        </div>
      )}

      <section className="card" aria-labelledby="table-title">
        <h2 id="table-title">{groupBy ? t(`officer.by.${groupBy}`) : t('officer.title')}</h2>
        {table.error ? (
          <ErrorNotice error={table.error} onRetry={table.reload} />
        ) : table.loading || !table.data ? (
          rangeOk && !region.error ? <Loading /> : null
        ) : table.data.rows.length === 0 ? (
          <p className="muted">{t('officer.noSales')}</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="table-title">
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{rowLabel}</th>
                  {FIGURES.map((f) => (
                    <th scope="col" key={f.key}>
                      {t(f.key as never)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.data.rows.map((r) => {
                  const href = rowHref(r);
                  return (
                  <tr key={r.key} data-key={r.key}>
                    <th scope="row">
                      {href ? (
                        <Link to={href} aria-label={t('officer.drillInto', { name: r.name })}>
                          {r.name} ›
                        </Link>
                      ) : groupBy === 'category' ? (
                        t(`category.${r.key}` as never)
                      ) : (
                        r.name
                      )}
                    </th>
                    <FigureCells row={r} currency={table.data?.currency} />
                  </tr>
                  );
                })}
              </tbody>
              {totals && (
                <tfoot>
                  <tr>
                    <th scope="row">{t('report.total')}</th>
                    <FigureCells row={totals} currency={table.data?.currency} />
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        )}
      </section>

      <div className={countyLevel ? 'two-col' : undefined}>
        {countyLevel && (
        <section className="card" aria-labelledby="top-title">
          <h2 id="top-title">{t('officer.topCounties')}</h2>
          {top.length > 0 ? (
            <BarChart labels={top.map((r) => r.name)} values={top.map((r) => r.netSalesCents / 100)} label={t('officer.topCounties')} format={fmtYuan} />
          ) : (
            <p className="muted">{t('officer.noSales')}</p>
          )}
        </section>
        )}
        <section className="card" aria-labelledby="trend-title">
          <h2 id="trend-title">{t('officer.trend')}</h2>
          {months.data && months.data.rows.length > 0 ? (
            <TrendChart
              title={t('officer.trend')}
              {...monthSeries(months.data.from, months.data.to, months.data.rows)}
              currentLabel={t('officer.thisPeriod')}
              previousLabel={t('officer.previousYear')}
              format={fmtYuan}
            />
          ) : months.error ? (
            <ErrorNotice error={months.error} onRetry={months.reload} />
          ) : (
            <p className="muted">{t('officer.noSales')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
