import { Link } from 'react-router-dom';
import { sellers } from '../../api';
import { orderNumber, useListParams } from '../../components/OrderCard';
import { PageTitle, PagedList } from '../../components/ui';
import { useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';

const PAGE_SIZE = 20;
const NO_FILTER: ''[] = [''];

/** The seller's whole ledger, newest first, a page at a time (the page number in the URL). */
export default function LedgerPage() {
  const { t, money, date } = useI18n();
  const { page, setPage } = useListParams(NO_FILTER);
  const ledger = useAsync(() => sellers.myLedger(page, PAGE_SIZE), [page]);
  return (
    <div className="narrow narrow--wide">
      <PageTitle back={{ to: '/farm', label: t('nav.farm') }}>{t('ledger.title')}</PageTitle>
      {ledger.data && (
        <p className="price-big" data-testid="ledger-balance">
          {money(ledger.data.balanceCents, ledger.data.currency)}
        </p>
      )}
      <PagedList state={ledger} empty={t('ledger.none')} onPage={setPage}>
        {(items) => (
          <table className="ledger-table" data-testid="ledger-table">
            <thead>
              <tr>
                <th scope="col">{t('ledger.date')}</th>
                <th scope="col">{t('ledger.kind')}</th>
                <th scope="col" className="num">{t('ledger.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>{date(e.createdAt, true)}</td>
                  <td>
                    {t(`ledger.${e.kind}`)}
                    <br />
                    <Link className="muted" to={`/orders/${e.orderId}`}>{t('ledger.order', { no: orderNumber({ id: e.orderId, orderNo: e.orderNo }) })}</Link>
                  </td>
                  <td className={`num${e.amountCents < 0 ? ' warn' : ''}`}>{money(e.amountCents, e.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </div>
  );
}
