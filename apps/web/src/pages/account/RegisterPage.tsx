import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, auth, type RegisterWithPovertyBody } from '../../api';
import { RegionPicker } from '../../components/RegionPicker';
import { Field, PageTitle } from '../../components/ui';
import { errorText } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';
import { homeFor } from './LoginPage';

type Errors = Partial<Record<'email' | 'password' | 'displayName' | 'phone' | 'countyCode' | 'village' | 'povertyRegistrationNo' | 'form', string>>;

export default function RegisterPage() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [role, setRole] = useState<'buyer' | 'farmer'>(params.get('role') === 'farmer' ? 'farmer' : 'buyer');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');
  const [countyCode, setCountyCode] = useState('');
  const [village, setVillage] = useState('');
  const [poverty, setPoverty] = useState(false);
  const [povertyNo, setPovertyNo] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

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

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    try {
      const body: RegisterWithPovertyBody = {
        email: email.trim(),
        password,
        displayName: displayName.trim(),
        role,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(role === 'farmer' ? { countyCode, povertyRegistered: poverty, ...(village.trim() ? { village: village.trim() } : {}) } : {}),
        ...(role === 'farmer' && poverty && povertyNo.trim() ? { povertyRegistrationNo: povertyNo.trim() } : {}),
      };
      const result = await auth.register(body);
      signIn(result);
      navigate(homeFor(result.user, params.get('next')), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setErrors({ email: t('register.emailTaken') });
      else if (err instanceof ApiError && err.status === 400) setErrors({ ...err.fieldMessages(), form: errorText(err, t) });
      else setErrors({ form: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageTitle>{t('register.title')}</PageTitle>
      <form className="card form" onSubmit={submit} noValidate>
        <fieldset className="role-choice">
          <legend>{t('register.iAm')}</legend>
          <label className={`choice${role === 'buyer' ? ' is-checked' : ''}`}>
            <input type="radio" name="role" value="buyer" checked={role === 'buyer'} onChange={() => setRole('buyer')} />
            <span>
              <strong>{t('register.buyer')}</strong>
              <small>{t('register.buyerHint')}</small>
            </span>
          </label>
          <label className={`choice${role === 'farmer' ? ' is-checked' : ''}`}>
            <input type="radio" name="role" value="farmer" checked={role === 'farmer'} onChange={() => setRole('farmer')} />
            <span>
              <strong>{t('register.farmer')}</strong>
              <small>{t('register.farmerHint')}</small>
            </span>
          </label>
        </fieldset>
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
            <RegionPicker legend={t('register.county')} value={countyCode} onChange={setCountyCode} error={errors.countyCode} />
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
        {errors.form && (
          <p className="notice notice--error" role="alert">
            {errors.form}
          </p>
        )}
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
