import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { orders, type Order, type OrderQuery } from '../../api';
import { KeepTogether, orderNumber } from '../../components/OrderCard';
import { RegionName } from '../../components/RegionPicker';
import { ErrorNotice, Loading, PageTitle } from '../../components/ui';
import { useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILTERS = ['status', 'from', 'to', 'buyer', 'q', 'listingId'] as const;

/** The orders to print: `?ids=a,b` (at most 100), or the sales list's filters (the first 100 that match). */
async function ordersToPrint(params: URLSearchParams): Promise<Order[]> {
  const ids = (params.get('ids') ?? '').split(',').map((s) => s.trim()).filter((s) => UUID.test(s)).slice(0, 100);
  if (ids.length > 0) return Promise.all(ids.map((id) => orders.get(id)));
  const query = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? '']).filter(([, v]) => v)) as OrderQuery;
  return (await orders.list({ ...query, page: 1, pageSize: 100 })).items;
}

/** The order number as a QR code (SVG); `qrcode` is loaded only here, so it stays out of the first page load. */
function OrderQr({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((qr) => qr.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((s) => live && setSvg(s))
      .catch(() => live && setSvg(''));
    return () => {
      live = false;
    };
  }, [text]);
  return <div className="slip__qr" role="img" aria-label={label} data-testid="slip-qr" dangerouslySetInnerHTML={{ __html: svg }} />;
}

function Slip({ order }: { order: Order }) {
  const { t, date, unit } = useI18n();
  const no = orderNumber(order);
  const a = order.shippingAddress;
  return (
    <article className="slip" data-order-no={no}>
      <header className="slip__head">
        <div>
          <h2 className="slip__no"><KeepTogether text={t('slip.order', { no })} part={no} /></h2>
          <p>{t('slip.placed', { date: date(order.placedAt, true) })}</p>
          {order.sellerName && (
            <p>
              {t('slip.from')}: {order.sellerName}
            </p>
          )}
        </div>
        <OrderQr text={no} label={t('slip.qr', { no })} />
      </header>
      <section className="slip__address">
        <h3>{t('slip.shipTo')}</h3>
        <p>
          {a.name} {a.phone}
        </p>
        <p>
          <RegionName code={a.countyCode} /> {a.line1}
        </p>
      </section>
      <table className="slip__lines">
        <thead>
          <tr>
            <th scope="col">{t('slip.item')}</th>
            <th scope="col">{t('slip.quantity')}</th>
            <th scope="col">{t('slip.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.listingId}>
              <td>{l.title}</td>
              <td className="num">{l.quantity}</td>
              <td>{unit(l.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** Packing slips, one order per printed page: number (text and QR code), address, phone, items. */
export default function PackingSlipsPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const key = params.toString();
  const state = useAsync(() => ordersToPrint(params), [key]);
  return (
    <div className="slips">
      <div className="no-print row-between">
        <PageTitle back={{ to: '/farm/sales', label: t('nav.mySales') }}>{t('slip.title')}</PageTitle>
        <button type="button" className="btn btn--primary" onClick={() => window.print()} disabled={!state.data?.length}>
          {t('slip.print')}
        </button>
      </div>
      {state.error ? (
        <ErrorNotice error={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <Loading />
      ) : state.data.length === 0 ? (
        <p>{t('slip.none')}</p>
      ) : (
        state.data.map((o) => <Slip key={o.id} order={o} />)
      )}
    </div>
  );
}
