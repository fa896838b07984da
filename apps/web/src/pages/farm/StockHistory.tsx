import { useState } from 'react';
import { ApiError, listings } from '../../api';
import { PagedList } from '../../components/ui';
import { useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';

const PAGE_SIZE = 10;

/** A listing's stock history on its edit page: every change with when, why, who and the level after, newest first. */
export function StockHistory({ listingId }: { listingId: string }) {
  const { t, date } = useI18n();
  const [page, setPage] = useState(1);
  const history = useAsync(() => listings.stockHistory(listingId, page, PAGE_SIZE), [listingId, page]);
  // Not the caller's listing (403) or gone (404): the edit form above already says so; nothing to add.
  if (history.error instanceof ApiError && (history.error.status === 403 || history.error.status === 404)) return null;
  return (
    <section className="card" aria-labelledby="stock-history-title" data-testid="stock-history">
      <h2 id="stock-history-title">{t('stockHistory.title')}</h2>
      <PagedList state={history} empty={t('stockHistory.none')} onPage={setPage}>
        {(items) => (
          <table className="ledger-table">
            <thead>
              <tr>
                <th scope="col">{t('stockHistory.when')}</th>
                <th scope="col">{t('stockHistory.why')}</th>
                <th scope="col" className="num">{t('stockHistory.change')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>{date(c.at, true)}</td>
                  <td>
                    {t(`stockHistory.reason.${c.reason}`)}
                    {c.actorName && (
                      <>
                        <br />
                        <span className="muted">{c.actorName}</span>
                      </>
                    )}
                  </td>
                  <td className="num">
                    <span className={c.delta < 0 ? 'warn' : undefined}>{c.delta > 0 ? `+${c.delta}` : c.delta}</span>
                    <br />
                    <span title={t('stockHistory.after')}>→ {c.stockAfter}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </section>
  );
}
