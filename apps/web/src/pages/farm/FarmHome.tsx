import { Link } from 'react-router-dom';
import { sellers } from '../../api';
import { RegionName } from '../../components/RegionPicker';
import { PageTitle } from '../../components/ui';
import { useAsync } from '../../components/util';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';
import { PovertyCard } from './PovertyCard';

/** The seller's balance; shows nothing while the ledger endpoint is missing (404) or fails. */
export function LedgerCard() {
  const { t, money, date } = useI18n();
  const ledger = useAsync(() => sellers.myLedger(), []);
  if (!ledger.data || typeof ledger.data.balanceCents !== 'number') return null;
  const entries = ledger.data.items ?? [];
  return (
    <section className="card ledger" aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('farm.balance')}</h2>
      <p className="price-big" data-testid="ledger-balance">
        {money(ledger.data.balanceCents, ledger.data.currency)}
      </p>
      {entries.length > 0 && (
        <ul className="plain-list" data-testid="ledger-latest">
          {entries.slice(0, 5).map((e, i) => (
            <li key={e.id ?? i} className="row-between">
              <span className="muted">
                {date(e.createdAt)} {t(`ledger.${e.kind}`)}
              </span>
              <span>{money(e.amountCents, e.currency)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/farm/ledger">{t('ledger.fullHistory')} ›</Link>
      </p>
    </section>
  );
}

/** The farmer's shortcuts: where, title, hint; the first is the main one. */
const TILES: [string, MessageKey, MessageKey][] = [
  ['/farm/listings/new', 'farm.newListing', 'farm.newListingHint'],
  ['/farm/listings', 'nav.myListings', 'farm.myListingsHint'],
  ['/farm/sales', 'nav.mySales', 'farm.mySalesHint'],
  ['/farm/shipping', 'nav.shipping', 'farm.shippingHint'],
  ['/farm/cooperatives', 'nav.cooperatives', 'farm.cooperativesHint'],
];

export default function FarmHome() {
  const { t } = useI18n();
  const { user } = useAuth();
  if (!user) return null;
  return (
    <div className="farm-home">
      <PageTitle>{t('farm.hello', { name: user.displayName })}</PageTitle>
      <p className="muted">
        <RegionName code={user.countyCode} />
        {user.village ? ` · ${user.village}` : ''}
      </p>
      <div className="tiles">
        {TILES.map(([to, title, hint], i) => (
          <Link key={to} className={`tile${i === 0 ? ' tile--primary' : ''}`} to={to}>
            <strong>{t(title)}</strong>
            <span>{t(hint)}</span>
          </Link>
        ))}
      </div>
      <LedgerCard />
      <PovertyCard />
    </div>
  );
}
