import { DEFAULT_MARKET, isAddressPhone } from '@farmlink/shared';
import { useEffect, useState } from 'react';
import { account, ApiError, regions, type Address } from '../../api';
import { RegionPicker } from '../../components/RegionPicker';
import { Field, FormNotice, Loaded, PageTitle } from '../../components/ui';
import { errorText, useAsync, useFormSubmit } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';
import { useMarket } from '../../state/market';


/** "My account": email confirmation, profile (name, phone, mail language), password, and a buyer's saved addresses. */
export default function AccountPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  if (!user) return null;
  return (
    <div className="narrow account">
      <PageTitle>{t('account.title')}</PageTitle>
      <EmailCard />
      <ProfileForm />
      <PasswordForm />
      {user.role === 'buyer' && <AddressBook />}
    </div>
  );
}

function EmailCard() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string>();
  if (!user) return null;
  return (
    <section className="card form" aria-labelledby="account-email">
      <h2 id="account-email">{t('account.email')}</h2>
      <p>
        <strong>{user.email}</strong> · <span className={user.emailVerified ? 'badge badge--ok' : 'badge'}>{user.emailVerified ? t('account.emailVerified') : t('account.emailUnverified')}</span>
      </p>
      {!user.emailVerified && (
        <>
          <button type="button" className="btn btn--small" disabled={sent} onClick={() => account.resendVerification().then(() => setSent(true), (err) => setError(errorText(err, t)))}>
            {t('verify.resend')}
          </button>
          <FormNotice ok text={sent ? t('verify.resent') : undefined} />
          <FormNotice text={error} />
        </>
      )}
    </section>
  );
}

function ProfileForm() {
  const { t } = useI18n();
  const { user, updateUser } = useAuth();
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [phone, setPhone] = useState(user?.phone ?? '');
  const [locale, setLocale] = useState<'zh-CN' | 'en'>(user?.locale ?? 'zh-CN');
  const [saved, setSaved] = useState(false);
  const { errors, busy, onSubmit } = useFormSubmit<'displayName' | 'phone'>(
    t,
    () => ({
      displayName: displayName.trim() ? undefined : t('validation.required'),
      phone: !phone.trim() || /^\+?[0-9 ()-]{5,20}$/.test(phone.trim()) ? undefined : t('validation.phone'),
    }),
    async () => {
      setSaved(false);
      updateUser(await account.update({ displayName: displayName.trim(), phone: phone.trim() || null, locale }));
      setSaved(true);
    },
  );
  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="account-profile">
      <h2 id="account-profile">{t('account.profile')}</h2>
      <Field label={t('account.displayName')} error={errors.displayName}>
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="name" maxLength={100} />
      </Field>
      <Field label={t('account.phone')} error={errors.phone} optional>
        <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="tel" inputMode="tel" />
      </Field>
      <Field label={t('account.mailLanguage')}>
        <select value={locale} onChange={(e) => setLocale(e.target.value as 'zh-CN' | 'en')}>
          <option value="zh-CN" lang="zh-CN">中文</option>
          <option value="en" lang="en">English</option>
        </select>
      </Field>
      <FormNotice text={errors.form} />
      <FormNotice ok text={saved ? t('account.saved') : undefined} />
      <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
        {busy ? t('common.working') : t('common.save')}
      </button>
    </form>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const { errors, busy, onSubmit } = useFormSubmit<'current' | 'next'>(
    t,
    () => ({ current: current ? undefined : t('validation.required'), next: next.length >= 8 ? undefined : t('validation.passwordLength') }),
    async () => {
      setDone(false);
      // Every older token ends; the answer carries this session's new one.
      signIn(await account.changePassword(current, next));
      setCurrent('');
      setNext('');
      setDone(true);
    },
    (err) => (err instanceof ApiError && err.status === 401 ? { current: t('account.wrongPassword') } : { form: errorText(err, t) }),
  );
  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="account-password">
      <h2 id="account-password">{t('account.changePassword')}</h2>
      <Field label={t('account.currentPassword')} error={errors.current}>
        <input type="password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" />
      </Field>
      <Field label={t('reset.newPassword')} error={errors.next} hint={t('register.passwordHint')}>
        <input type="password" value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" />
      </Field>
      <FormNotice text={errors.form} />
      <FormNotice ok text={done ? t('account.passwordChanged') : undefined} />
      <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
        {busy ? t('common.working') : t('account.changePassword')}
      </button>
    </form>
  );
}

/** The county's full name ("贵州省 遵义市 桐梓县"), or its code while loading. */
export function CountyName({ code }: { code: string }) {
  const [name, setName] = useState(code);
  useEffect(() => {
    let live = true;
    regions
      .get(code)
      .then((r) => live && setName([...(r.parents ?? []).map((p) => p.name), r.name].join(' ')))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [code]);
  return <>{name}</>;
}

function AddressBook() {
  const { t } = useI18n();
  const list = useAsync(() => account.addresses(), []);
  const [error, setError] = useState<string>();
  const act = (work: Promise<unknown>) =>
    work.then(
      () => {
        setError(undefined);
        list.reload();
      },
      (err) => setError(errorText(err, t)),
    );
  return (
    <section className="card form" aria-labelledby="account-addresses">
      <h2 id="account-addresses">{t('account.addresses')}</h2>
      <Loaded state={list} isEmpty={(a) => a.length === 0} empty={<p className="muted">{t('account.noAddresses')}</p>}>
        {(addresses) => (
          <ul className="address-list">
            {addresses.map((a: Address) => (
              <li key={a.id} className="address-list__item">
                <p>
                  <strong>{a.name}</strong> {a.phone} {a.isDefault && <span className="badge badge--ok">{t('account.default')}</span>}
                </p>
                <p className="muted">
                  <CountyName code={a.countyCode} /> {a.line1}
                </p>
                <p className="row-gap">
                  {!a.isDefault && (
                    <button type="button" className="btn btn--small" onClick={() => act(account.updateAddress(a.id, { isDefault: true }))}>
                      {t('account.makeDefault')}
                    </button>
                  )}
                  <button type="button" className="btn btn--small btn--ghost" onClick={() => window.confirm(t('account.confirmDelete')) && act(account.deleteAddress(a.id))}>
                    {t('account.delete')}
                  </button>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      <FormNotice text={error} />
      <AddressForm onSaved={list.reload} />
    </section>
  );
}

function AddressForm({ onSaved }: { onSaved(): void }) {
  const { t } = useI18n();
  const { current: market } = useMarket(); // the address picker's market (the user's, or the shop's choice)
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [countyCode, setCountyCode] = useState('');
  const [line1, setLine1] = useState('');
  const [isDefault, setIsDefault] = useState(false);
  const { errors, busy, onSubmit } = useFormSubmit<'name' | 'phone' | 'countyCode' | 'line1'>(
    t,
    () => ({
      name: name.trim() ? undefined : t('validation.required'),
      phone: isAddressPhone(phone.trim(), market.code) ? undefined : t(market.code === DEFAULT_MARKET ? 'validation.mobile' : 'validation.phone'),
      countyCode: countyCode ? undefined : t('validation.county'),
      line1: line1.trim() ? undefined : t('validation.required'),
    }),
    async () => {
      await account.addAddress({ name: name.trim(), phone: phone.trim(), countyCode, line1: line1.trim(), isDefault });
      setName('');
      setPhone('');
      setLine1('');
      setIsDefault(false);
      onSaved();
    },
  );
  return (
    <form className="form address-form" onSubmit={onSubmit} noValidate aria-labelledby="account-add-address">
      <h3 id="account-add-address">{t('account.addAddress')}</h3>
      <Field label={t('checkout.recipient')} error={errors.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" maxLength={100} />
      </Field>
      <Field label={t('checkout.phone')} error={errors.phone}>
        <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="tel" inputMode="numeric" maxLength={11} />
      </Field>
      <RegionPicker legend={t('checkout.county')} value={countyCode} onChange={setCountyCode} error={errors.countyCode} />
      <Field label={t('checkout.line1')} error={errors.line1}>
        <input value={line1} onChange={(e) => setLine1(e.target.value)} autoComplete="street-address" maxLength={300} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} /> {t('account.makeDefault')}
      </label>
      <FormNotice text={errors.form} />
      <button type="submit" className="btn btn--block" disabled={busy}>
        {busy ? t('common.working') : t('account.addAddress')}
      </button>
    </form>
  );
}
