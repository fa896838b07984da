import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, auth, type RegisterWithPovertyBody } from '../../api';
import { MarketSelect } from '../../components/MarketSelect';
import { RegionPicker } from '../../components/RegionPicker';
import { Field, FormNotice, PageTitle } from '../../components/ui';
import { fieldErrors, useFormSubmit, type FormErrors } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';
import { useMarket } from '../../state/market';
import { homeFor } from './LoginPage';

type Errors = FormErrors<'email' | 'password' | 'displayName' | 'phone' | 'countyCode' | 'village' | 'povertyRegistrationNo'>;

export default function RegisterPage() {
  const { t, lang } = useI18n();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [role, setRole] = useState<'buyer' | 'farmer'>(params.get('role') === 'farmer' ? 'farmer' : 'buyer');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');
  // Several markets: the visitor says which one they are in (the shop's, to start with); one: it is cn.
  const markets = useMarket();
  const [pickedMarket, setMarketCode] = useState<string>();
  const marketCode = pickedMarket ?? markets.current.code;
  const [countyCode, setCountyCode] = useState('');
  const [village, setVillage] = useState('');
  const [poverty, setPoverty] = useState(false);
  const [povertyNo, setPovertyNo] = useState('');

  const validate = (): Errors => {
    const e: Errors = {};
    if (!displayName.trim()) e.displayName = t('validation.required');
    else if (displayName.trim().length > 100) e.displayName = t('validation.maxLength', { n: 100 });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) e.email = t('validation.email');
    if (password.length < 8) e.password = t('validation.passwordLength');
    if (phone.trim() && !/^\+?[0-9 ()-]{5,20}$/.test(phone.trim())) e.phone = t('validation.phone');
    if (role === 'farmer' && !countyCode) e.countyCode = t('validation.county');
    return e;
  };

  const { errors, busy, onSubmit } = useFormSubmit(
    t,
    validate,
    async () => {
      const body: RegisterWithPovertyBody = {
        email: email.trim(),
        password,
        displayName: displayName.trim(),
        role,
        locale: lang === 'zh' ? 'zh-CN' : 'en',
        ...(markets.several ? { marketCode } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(role === 'farmer' ? { countyCode, povertyRegistered: poverty, ...(village.trim() ? { village: village.trim() } : {}) } : {}),
        ...(role === 'farmer' && poverty && povertyNo.trim() ? { povertyRegistrationNo: povertyNo.trim() } : {}),
      };
      const result = await auth.register(body);
      signIn(result);
      navigate(homeFor(result.user, params.get('next')), { replace: true });
    },
    (err): Errors => (err instanceof ApiError && err.status === 409 ? { email: t('register.emailTaken') } : fieldErrors(err, t)),
  );

  return (
    <div className="narrow">
      <PageTitle>{t('register.title')}</PageTitle>
      <form className="card form" onSubmit={onSubmit} noValidate>
        <fieldset className="role-choice">
          <legend>{t('register.iAm')}</legend>
          {(['buyer', 'farmer'] as const).map((r) => (
            <label key={r} className={`choice${role === r ? ' is-checked' : ''}`}>
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              <span>
                <strong>{t(`register.${r}`)}</strong>
                <small>{t(`register.${r}Hint`)}</small>
              </span>
            </label>
          ))}
        </fieldset>
        {markets.several && (
          <Field label={t('market.label')} hint={t('market.hint')}>
            <MarketSelect
              id="register-market"
              value={marketCode}
              onChange={(code) => {
                setMarketCode(code);
                setCountyCode(''); // another market's regions
              }}
            />
          </Field>
        )}
        <Field label={t('account.displayName')} error={errors.displayName}>
          <input name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="name" />
        </Field>
        <Field label={t('account.email')} error={errors.email}>
          <input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" inputMode="email" />
        </Field>
        <Field label={t('account.password')} error={errors.password} hint={t('register.passwordHint')}>
          <input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </Field>
        <Field label={t('account.phone')} error={errors.phone} optional>
          <input name="phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="tel" inputMode="tel" />
        </Field>
        {role === 'farmer' && (
          <>
            <RegionPicker legend={t('register.county')} value={countyCode} market={marketCode} onChange={setCountyCode} error={errors.countyCode} />
            <Field label={t('register.village')} error={errors.village} optional>
              <input name="village" value={village} onChange={(e) => setVillage(e.target.value)} maxLength={100} />
            </Field>
            <label className="checkbox">
              <input type="checkbox" checked={poverty} onChange={(e) => setPoverty(e.target.checked)} />
              {t('register.poverty')}
            </label>
            {poverty && (
              <Field label={t('poverty.registrationNo')} hint={t('register.povertyHint')} error={errors.povertyRegistrationNo} optional>
                <input name="povertyRegistrationNo" value={povertyNo} onChange={(e) => setPovertyNo(e.target.value)} maxLength={50} />
              </Field>
            )}
          </>
        )}
        <FormNotice text={errors.form} />
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? t('common.working') : t('register.submit')}
        </button>
        <p className="muted center">
          {t('register.haveAccount')} <Link to="/login">{t('nav.signIn')}</Link>
        </p>
      </form>
    </div>
  );
}
