import { useMemo, useState } from 'react';
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

const NEXT_LEVEL: Record<number, ReportGroupBy> = { 0: 'province', 1: 'prefecture', 2: 'county' };

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

/** A report row's figures, one cell each (the row's name is its header cell). */
function FigureCells({ row }: { row: SalesRow }) {
  const { money, number } = useI18n();
  return (
    <>
      <td>{number(row.orders)}</td>
      <td>{money(row.grossSalesCents)}</td>
      <td>{money(row.refundsCents)}</td>
      <td>
        <strong>{money(row.netSalesCents)}</strong>
      </td>
      <td>{number(row.weightKg, 1)}</td>
      <td>{number(row.buyers)}</td>
      <td>{number(row.producers)}</td>
      <td>{money(row.povertyHouseholdSalesCents)}</td>
      <td>{money(row.previousYearNetSalesCents)}</td>
      <td>{row.growthPct === null ? '—' : `${number(row.growthPct, 1)}%`}</td>
    </>
  );
}

export default function DashboardPage() {
  const { t, money, number } = useI18n();
  const { user } = useAuth();
  const [from, setFrom] = useState(() => `${reportTodayIso().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(reportTodayIso);
  const [programmeId, setProgrammeId] = useState('');
  const [path, setPath] = useState<Crumb[]>([]);
  const [downloadError, setDownloadError] = useState('');
  const [downloading, setDownloading] = useState('');

  // An officer with a jurisdiction starts (and stays) inside it.
  const jurisdiction = useAsync(() => (user?.jurisdictionCode ? regions.get(user.jurisdictionCode) : Promise.resolve(null)), [user?.jurisdictionCode]);
  const rootPath: Crumb[] = useMemo(() => {
    const j = jurisdiction.data;
    return j ? [...(j.parents ?? []), j].map((r) => ({ code: r.code, name: r.name })) : [];
  }, [jurisdiction.data]);
  const fullPath = [...rootPath, ...path];
  const depth = fullPath.length;
  const regionCode = fullPath[depth - 1]?.code;
  const groupBy: ReportGroupBy = NEXT_LEVEL[depth] ?? 'county';
  const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
  // What is wrong with the range, if anything: a missing date is not an inverted range.
  const rangeError = !isDate(from) ? t('validation.startDate') : !isDate(to) ? t('validation.endDate') : from > to ? t('validation.dateRange') : '';
  const rangeOk = rangeError === '';

  const base: Omit<SalesQuery, 'groupBy'> = { from, to, ...(regionCode ? { regionCode } : {}), ...(programmeId ? { programmeId } : {}) };
  const key = JSON.stringify(base);
  const programmeList = useAsync(() => programmes.list().catch(() => []), []);
  const table = useAsync(() => (rangeOk && !jurisdiction.loading ? reports.sales({ ...base, groupBy }) : Promise.resolve(null)), [key, groupBy, rangeOk, jurisdiction.loading]);
  const counties = useAsync(
    () => (rangeOk && !jurisdiction.loading ? (groupBy === 'county' ? Promise.resolve(null) : reports.sales({ ...base, groupBy: 'county' })) : Promise.resolve(null)),
    [key, groupBy, rangeOk, jurisdiction.loading],
  );
  const months = useAsync(() => (rangeOk && !jurisdiction.loading ? reports.sales({ ...base, groupBy: 'month' }) : Promise.resolve(null)), [key, rangeOk, jurisdiction.loading]);

  const countyRows: SalesRow[] = (groupBy === 'county' ? table.data?.rows : counties.data?.rows) ?? [];
  const top = [...countyRows].sort((a, b) => b.netSalesCents - a.netSalesCents).slice(0, 10);
  const fmtYuan = (v: number) => money(Math.round(v * 100));

  const download = async (format: 'csv' | 'xlsx') => {
    setDownloadError('');
    setDownloading(format);
    try {
      const { blob, filename } = await reports.downloadSales({ ...base, groupBy }, format);
      saveBlob(blob, filename);
    } catch (err) {
      setDownloadError(errorText(err, t));
    } finally {
      setDownloading('');
    }
  };

  const drill = (row: SalesRow) => {
    if (groupBy === 'county' || groupBy === 'month' || groupBy === 'category') return;
    setPath((p) => [...p, { code: row.key, name: row.name }]);
  };

  const totals = table.data?.totals;
  return (
    <div className="dashboard">
      <PageTitle>{t('officer.title')}</PageTitle>
      <form className="card filters-bar" onSubmit={(e) => e.preventDefault()} aria-label={t('officer.filters')}>
        <div className="field">
          <label htmlFor="r-from">{t('officer.from')}</label>
          <input id="r-from" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} aria-invalid={!rangeOk || undefined} />
        </div>
        <div className="field">
          <label htmlFor="r-to">{t('officer.to')}</label>
          <input id="r-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} aria-invalid={!rangeOk || undefined} />
        </div>
        <div className="field">
          <label htmlFor="r-programme">{t('officer.programme')}</label>
          <select id="r-programme" value={programmeId} onChange={(e) => setProgrammeId(e.target.value)}>
            <Options empty={t('officer.allProgrammes')} options={(programmeList.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </select>
        </div>
        <div className="button-row filters-bar__downloads">
          <button type="button" className="btn btn--ghost" disabled={!rangeOk || !!downloading} onClick={() => download('csv')}>
            {t('officer.downloadCsv')}
          </button>
          <button type="button" className="btn btn--ghost" disabled={!rangeOk || !!downloading} onClick={() => download('xlsx')}>
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
          <li>
            {rootPath.length === 0 && path.length > 0 ? (
              <button type="button" className="link" onClick={() => setPath([])}>
                {t('officer.allRegions')}
              </button>
            ) : (
              <span>{rootPath.length ? rootPath[rootPath.length - 1].name : t('officer.allRegions')}</span>
            )}
          </li>
          {path.map((c, i) => (
            <li key={c.code}>
              {i < path.length - 1 ? (
                <button type="button" className="link" onClick={() => setPath(path.slice(0, i + 1))}>
                  {c.name}
                </button>
              ) : (
                <span aria-current="page">{c.name}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>

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
        <h2 id="table-title">{t(`officer.by.${groupBy}`)}</h2>
        {table.error ? (
          <ErrorNotice error={table.error} onRetry={table.reload} />
        ) : table.loading || !table.data ? (
          rangeOk ? <Loading /> : null
        ) : table.data.rows.length === 0 ? (
          <p className="muted">{t('officer.noSales')}</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="table-title">
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('report.region')}</th>
                  <th scope="col">{t('report.orders')}</th>
                  <th scope="col">{t('report.grossSales')}</th>
                  <th scope="col">{t('report.refunds')}</th>
                  <th scope="col">{t('report.netSales')}</th>
                  <th scope="col">{t('report.weightKg')}</th>
                  <th scope="col">{t('report.buyers')}</th>
                  <th scope="col">{t('report.producers')}</th>
                  <th scope="col">{t('report.povertySales')}</th>
                  <th scope="col">{t('report.previousYear')}</th>
                  <th scope="col">{t('report.growthCol')}</th>
                </tr>
              </thead>
              <tbody>
                {table.data.rows.map((r) => (
                  <tr key={r.key} data-key={r.key}>
                    <th scope="row">
                      {groupBy !== 'county' ? (
                        <button type="button" className="link" onClick={() => drill(r)} aria-label={t('officer.drillInto', { name: r.name })}>
                          {r.name} ›
                        </button>
                      ) : (
                        r.name
                      )}
                    </th>
                    <FigureCells row={r} />
                  </tr>
                ))}
              </tbody>
              {totals && (
                <tfoot>
                  <tr>
                    <th scope="row">{t('report.total')}</th>
                    <FigureCells row={totals} />
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        )}
      </section>

      <div className="two-col">
        <section className="card" aria-labelledby="top-title">
          <h2 id="top-title">{t('officer.topCounties')}</h2>
          {top.length > 0 ? (
            <BarChart labels={top.map((r) => r.name)} values={top.map((r) => r.netSalesCents / 100)} label={t('officer.topCounties')} format={fmtYuan} />
          ) : (
            <p className="muted">{t('officer.noSales')}</p>
          )}
        </section>
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
