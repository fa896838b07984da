import { Suspense, type ReactNode } from 'react';
import { Link, NavLink, Navigate, Outlet, useLocation } from 'react-router-dom';
import type { Role } from '../api';
import { translate, useI18n } from '../i18n/i18n';
import { useAuth } from '../state/auth';
import { useCart } from '../state/cart';
import { Loading } from './ui';

/** The current market's languages: a button to the other one when it has two, a select when more, nothing when one. */
function LanguageSwitch() {
  const { lang, langs, setLang, t } = useI18n();
  const others = langs.filter((l) => l !== lang);
  if (others.length === 0) return null;
  if (others.length > 1) {
    return (
      <select className="lang-switch" value={lang} onChange={(e) => setLang(e.target.value)} aria-label={t('nav.language')}>
        {langs.map((l) => (
          <option key={l} value={l} lang={translate(l, 'language.tag')}>
            {translate(l, 'language.name')}
          </option>
        ))}
      </select>
    );
  }
  const next = others[0];
  return (
    <button type="button" className="lang-switch" onClick={() => setLang(next)} aria-label={t('nav.language')} lang={translate(next, 'language.tag')} title={translate(next, 'language.name')}>
      {translate(next, 'language.short')}
    </button>
  );
}

/** Until the email is confirmed: a reminder with a link to the account page (it gates nothing yet). */
function VerifyBanner({ email }: { email: string }) {
  const { t } = useI18n();
  const location = useLocation();
  if (location.pathname === '/account' || location.pathname === '/verify-email') return null;
  return (
    <p className="verify-banner" role="note">
      {t('verify.banner', { email })} <Link to="/account">{t('nav.account')}</Link>
    </p>
  );
}

export function Layout() {
  const { t } = useI18n();
  const { user, signOut } = useAuth();
  const cart = useCart();
  const role = user?.role;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to="/" className="brand" aria-label={t('app.name')}>
            <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
              <rect width="32" height="32" rx="7" fill="#2f6b3a" />
              <path d="M16 6c-5 4-7 9-6 15 5 0 9-3 11-8-3 1-5 3-6 6 0-5 1-9 1-13z" fill="#f4d35e" />
            </svg>
            <span>{t('app.name')}</span>
          </Link>
          <div className="topbar__actions">
            <LanguageSwitch />
            {(!role || role === 'buyer') && (
              <Link to="/cart" className="cart-link" aria-label={t('nav.cartCount', { count: cart.count })}>
                <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                  <path d="M3 4h2l2.4 10.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 1.9-1.4L21 8H6.2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
                  <circle cx="10" cy="20" r="1.5" fill="currentColor" />
                  <circle cx="17" cy="20" r="1.5" fill="currentColor" />
                </svg>
                {cart.count > 0 && <span className="cart-link__count">{cart.count}</span>}
              </Link>
            )}
            {user ? (
              <button type="button" className="btn btn--ghost btn--small" onClick={signOut}>
                {t('nav.signOut')}
              </button>
            ) : (
              <Link className="btn btn--small" to="/login">
                {t('nav.signIn')}
              </Link>
            )}
          </div>
        </div>
        <nav className="mainnav" aria-label={t('nav.main')}>
          <NavLink to="/" end>
            {t('nav.shop')}
          </NavLink>
          {(!role || role === 'buyer') && <NavLink to="/orders">{t('nav.myOrders')}</NavLink>}
          {role === 'farmer' && (
            <>
              <NavLink to="/farm" end>
                {t('nav.farm')}
              </NavLink>
              <NavLink to="/farm/listings">{t('nav.myListings')}</NavLink>
              <NavLink to="/farm/sales">{t('nav.mySales')}</NavLink>
              <NavLink to="/farm/shipping">{t('nav.shipping')}</NavLink>
              <NavLink to="/farm/cooperatives">{t('nav.cooperatives')}</NavLink>
            </>
          )}
          {(role === 'officer' || role === 'admin') && (
            <>
              <NavLink to="/officer" end>
                {t('nav.reports')}
              </NavLink>
              <NavLink to="/officer/poverty">{t('nav.povertyClaims')}</NavLink>
            </>
          )}
          {role === 'admin' && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
          {user && <NavLink to="/account">{t('nav.account')}</NavLink>}
          {!user && <NavLink to="/register">{t('nav.register')}</NavLink>}
        </nav>
      </header>
      {user && !user.emailVerified && <VerifyBanner email={user.email} />}
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="footer">
        <p>{t('app.footer')}</p>
        {user && <p className="footer__user">{t('nav.signedInAs', { name: user.displayName, role: t(`role.${user.role}`) })}</p>}
      </footer>
    </div>
  );
}

/** Pages for one role: others are sent to sign in, or told this page is not theirs. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(user.role)) {
    return (
      <div className="notice">
        <p>{t('error.wrongRole', { roles: roles.map((r) => t(`role.${r}`)).join(' / ') })}</p>
        <Link to="/">{t('nav.backToShop')}</Link>
      </div>
    );
  }
  return <>{children}</>;
}
