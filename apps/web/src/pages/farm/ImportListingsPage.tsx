import { useState } from 'react';
import { Link } from 'react-router-dom';
import { listings, type ImportResult } from '../../api';
import { Field, FormNotice, PageTitle } from '../../components/ui';
import { errorText } from '../../components/util';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';
import { useMarket } from '../../state/market';

const MAX_BYTES = 1024 * 1024;
const FIELDS = ['sku', 'title', 'category', 'unit', 'netWeightGrams', 'weightKg', 'price', 'stock', 'description', 'harvestDate'] as const;

/** The template in the reader's language: the server accepts the English and the Chinese header names alike. */
function templateCsv(lang: 'zh' | 'en'): string {
  const rows =
    lang === 'zh'
      ? [
          ['货号', '标题', '分类', '单位', '净重(克)', '价格(元)', '库存', '描述', '采收日期'],
          ['FZS-5J', '桐梓方竹笋 鲜笋 5斤装', 'vegetables', '箱', '2500', '48.00', '120', '高山方竹林现挖，当天发货', '2026-04-12'],
        ]
      : [
          ['sku', 'title', 'category', 'unit', 'netWeightGrams', 'price', 'stock', 'description', 'harvestDate'],
          ['FZS-5J', 'Fresh bamboo shoots 2.5 kg', 'vegetables', 'box', '2500', '48.00', '120', 'Dug in the mountains, shipped the same day', '2026-04-12'],
        ];
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return '\uFEFF' + rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Bulk import: pick a CSV or XLSX, see every row checked (a dry run), then create the valid ones. */
export default function ImportListingsPage() {
  const { t, lang, money } = useI18n();
  // Prices are read in the farmer's market's currency (the API's import does the same).
  const { user } = useAuth();
  const currency = useMarket().market(user?.marketCode).currency;
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const check = async (f: File | null) => {
    setFile(f);
    setPreview(null);
    setDone(null);
    setError('');
    if (!f) return;
    if (f.size > MAX_BYTES) {
      setError(t('import.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      setPreview(await listings.importFile(f, f.name, true));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      const result = await listings.importFile(file, file.name, false);
      setDone(result);
      setPreview(null);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const fieldName = (f: string) => ((FIELDS as readonly string[]).includes(f) ? t(`import.field.${f as (typeof FIELDS)[number]}` as MessageKey) : f);

  return (
    <div className="narrow narrow--wide">
      <PageTitle back={{ to: '/farm/listings', label: t('nav.myListings') }}>{t('import.title')}</PageTitle>
      <section className="card form">
        <p>{t('import.intro')}</p>
        <p>
          <a
            className="btn btn--small"
            data-testid="import-template"
            download={lang === 'zh' ? 'farmlink-listings-zh.csv' : 'farmlink-listings-en.csv'}
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv(lang === 'zh' ? 'zh' : 'en'))}`}
          >
            {t('import.template')}
          </a>
        </p>
        <p className="muted">{t('import.rules')}</p>
        <Field label={t('import.file')}>
          <input
            name="file"
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void check(e.target.files?.[0] ?? null)}
          />
        </Field>
        {busy && <p role="status">{t('common.working')}</p>}
        <FormNotice text={error} />
        {done && (
          <p className="notice notice--ok" role="status" data-testid="import-done">
            {t('import.createdUpdated', { created: done.created, updated: done.updated })} <Link to="/farm/listings">{t('nav.myListings')}</Link>
          </p>
        )}
      </section>
      {(preview ?? done) && (
        <section className="card" aria-labelledby="import-preview-title" data-testid="import-preview">
          <h2 id="import-preview-title">{t('import.summary', { total: (preview ?? done)!.total, valid: (preview ?? done)!.valid, bad: (preview ?? done)!.total - (preview ?? done)!.valid })}</h2>
          <table className="ledger-table">
            <thead>
              <tr>
                <th scope="col" className="num">{t('import.row')}</th>
                <th scope="col">{t('listing.title')}</th>
                <th scope="col">{t('import.check')}</th>
              </tr>
            </thead>
            <tbody>
              {(preview ?? done)!.rows.map((r) => (
                <tr key={r.row} className={r.ok ? '' : 'warn'} data-testid={r.ok ? 'import-ok' : 'import-bad'}>
                  <td className="num">{r.row}</td>
                  <td>
                    {r.title ?? '—'}
                    {r.ok && r.priceCents !== undefined && (
                      <>
                        <br />
                        <span className="muted">
                          {money(r.priceCents, currency)} · {t('import.stock', { n: r.stock ?? 0 })}
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    {r.ok ? (
                      <span data-testid={`import-action-${r.action ?? 'create'}`}>
                        {r.action === 'update'
                          ? t(done ? 'import.rowUpdated' : 'import.rowWillUpdate', { sku: r.sku ?? '' })
                          : done && r.listingId
                            ? t('import.rowCreated')
                            : t('import.rowOk')}
                      </span>
                    ) : (
                      <ul className="plain-list">
                        {r.errors.map((e, i) => (
                          <li key={i}>{t('import.fieldError', { field: fieldName(e.field) })}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview && (
            <button type="button" className="btn btn--primary btn--block" disabled={busy || preview.valid === 0} onClick={() => void confirm()} data-testid="import-confirm">
              {t('import.confirm', { n: preview.valid })}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
