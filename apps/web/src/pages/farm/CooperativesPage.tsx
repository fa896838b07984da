import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { cooperatives } from '../../api';
import { RegionName, RegionPicker } from '../../components/RegionPicker';
import { Empty, ErrorNotice, Field, FormNotice, Loading, PageTitle } from '../../components/ui';
import { fieldErrors, useAsync, useFormSubmit } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';

export default function CooperativesPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const nearby = useAsync(() => cooperatives.list(user?.countyCode ? { countyCode: user.countyCode } : {}), [user?.countyCode]);
  const [name, setName] = useState('');
  const [countyCode, setCountyCode] = useState(user?.countyCode ?? '');
  const [registrationNo, setRegistrationNo] = useState('');
  const { errors, busy, onSubmit } = useFormSubmit<'name' | 'countyCode' | 'registrationNo'>(
    t,
    () => ({ name: name.trim() ? undefined : t('validation.required'), countyCode: countyCode ? undefined : t('validation.county') }),
    async () => {
      const coop = await cooperatives.create({ name: name.trim(), countyCode, ...(registrationNo.trim() ? { registrationNo: registrationNo.trim() } : {}) });
      navigate(`/farm/cooperatives/${coop.id}`);
    },
    (err) => fieldErrors(err, t),
  );

  const mine = nearby.data?.filter((c) => c.managerId === user?.id) ?? [];
  const others = nearby.data?.filter((c) => c.managerId !== user?.id) ?? [];
  return (
    <div>
      <PageTitle>{t('nav.cooperatives')}</PageTitle>
      <p className="muted">{t('coop.intro')}</p>
      {nearby.error ? (
        <ErrorNotice error={nearby.error} onRetry={nearby.reload} />
      ) : !nearby.data ? (
        <Loading />
      ) : (
        <div className="two-col">
          <section>
            <h2>{t('coop.mine')}</h2>
            {mine.length === 0 ? (
              <Empty>{t('coop.noneMine')}</Empty>
            ) : (
              <ul className="plain-list">
                {mine.map((c) => (
                  <li key={c.id} className="card">
                    <Link to={`/farm/cooperatives/${c.id}`}>
                      <strong>{c.name}</strong>
                    </Link>
                    <p className="muted">
                      <RegionName code={c.countyCode} /> · {t('coop.members', { n: c.memberCount ?? 1 })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {others.length > 0 && (
              <>
                <h2>{t('coop.nearby')}</h2>
                <ul className="plain-list">
                  {others.map((c) => (
                    <li key={c.id} className="card">
                      <Link to={`/farm/cooperatives/${c.id}`}>{c.name}</Link>
                      <p className="muted">{t('coop.members', { n: c.memberCount ?? 1 })}</p>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="coop-create">
            <h2 id="coop-create">{t('coop.create')}</h2>
            <Field label={t('coop.name')} error={errors.name}>
              <input name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
            </Field>
            <RegionPicker legend={t('coop.county')} value={countyCode} market={user?.marketCode} onChange={setCountyCode} error={errors.countyCode} />
            <Field label={t('coop.registrationNo')} error={errors.registrationNo} optional hint={t('coop.registrationNoHint')}>
              <input name="registrationNo" value={registrationNo} onChange={(e) => setRegistrationNo(e.target.value)} maxLength={50} />
            </Field>
            <FormNotice text={errors.form} />
            <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
              {t('coop.createSubmit')}
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
