import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { admin, ApiError, programmes } from '../../api';
import { RegionPicker } from '../../components/RegionPicker';
import { Field, FormNotice, Loaded, PageTitle } from '../../components/ui';
import { errorText, useAsync, useFormSubmit } from '../../components/util';
import { useI18n } from '../../i18n/i18n';

function ProgrammeCreate({ onCreated }: { onCreated(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const { errors, onSubmit } = useFormSubmit<'name' | 'startDate' | 'endDate'>(
    t,
    () => ({
      name: name.trim() ? undefined : t('validation.required'),
      startDate: startDate ? undefined : t('validation.required'),
      endDate: endDate && startDate && endDate < startDate ? t('validation.dateRange') : undefined,
    }),
    async () => {
      await programmes.create({ name: name.trim(), startDate, ...(endDate ? { endDate } : {}) });
      setName('');
      setStartDate('');
      setEndDate('');
      onCreated();
    },
  );
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="prog-create">
      <h3 id="prog-create">{t('admin.newProgramme')}</h3>
      <Field label={t('admin.programmeName')} error={errors.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </Field>
      <div className="form-row">
        <Field label={t('admin.startDate')} error={errors.startDate}>
          <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
        </Field>
        <Field label={t('admin.endDate')} error={errors.endDate} optional>
          <input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
        </Field>
      </div>
      <FormNotice text={errors.form} />
      <button type="submit" className="btn">
        {t('admin.createProgramme')}
      </button>
    </form>
  );
}

function Enrolment({ programmeId, onDone }: { programmeId: string; onDone(): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [enrolledOn, setEnrolledOn] = useState('');
  const [result, setResult] = useState<{ ok?: string; error?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setResult({ error: t('admin.codesRequired') });
      return;
    }
    setBusy(true);
    try {
      const r = await programmes.enrol(programmeId, text, enrolledOn || undefined);
      setResult({ ok: t('admin.enrolled', { n: r.enrolled }) });
      onDone();
    } catch (err) {
      const unknown = err instanceof ApiError ? (err.body?.unknownCodes as string[] | undefined) : undefined;
      setResult({ error: unknown?.length ? t('admin.unknownCodes', { codes: unknown.slice(0, 20).join(', ') }) : errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <Field label={t('admin.countyCodes')} hint={t('admin.countyCodesHint')} error={result.error}>
        <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} placeholder={'520322\n520324\n522634'} />
      </Field>
      <Field label={t('admin.uploadCsv')} optional>
        <input type="file" accept=".csv,.txt,text/csv,text/plain" onChange={async (e) => setText((await e.target.files?.[0]?.text()) ?? text)} />
      </Field>
      <Field label={t('admin.enrolledOn')} optional>
        <input type="date" value={enrolledOn} onChange={(e) => setEnrolledOn(e.target.value)} />
      </Field>
      <FormNotice ok text={result.ok} />
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {t('admin.saveEnrolment')}
      </button>
    </form>
  );
}

function StaffForm() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<'officer' | 'admin'>('officer');
  const [jurisdictionCode, setJurisdictionCode] = useState('');
  const [done, setDone] = useState('');
  const { errors, onSubmit } = useFormSubmit<'email' | 'displayName' | 'password'>(
    t,
    () => {
      setDone('');
      return {
        email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? undefined : t('validation.email'),
        displayName: displayName.trim() ? undefined : t('validation.required'),
        password: password.length < 8 ? t('validation.passwordLength') : undefined,
      };
    },
    async () => {
      const u = await admin.createUser({ email: email.trim(), displayName: displayName.trim(), password, role, ...(jurisdictionCode ? { jurisdictionCode } : {}) });
      setDone(t('admin.userCreated', { email: u.email }));
      setEmail('');
      setDisplayName('');
      setPassword('');
    },
    (err) => (err instanceof ApiError && err.status === 409 ? { email: t('register.emailTaken') } : { form: errorText(err, t) }),
  );
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <Field label={t('account.displayName')} error={errors.displayName}>
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </Field>
      <Field label={t('account.email')} error={errors.email}>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
      </Field>
      <Field label={t('admin.initialPassword')} error={errors.password} hint={t('register.passwordHint')}>
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
      </Field>
      <Field label={t('admin.role')}>
        <select value={role} onChange={(e) => setRole(e.target.value as 'officer' | 'admin')}>
          <option value="officer">{t('role.officer')}</option>
          <option value="admin">{t('role.admin')}</option>
        </select>
      </Field>
      {role === 'officer' && <RegionPicker legend={t('admin.jurisdiction')} value={jurisdictionCode} onChange={setJurisdictionCode} mode="any" optional />}
      <FormNotice text={errors.form} />
      <FormNotice ok text={done} />
      <button type="submit" className="btn btn--primary">
        {t('admin.createUser')}
      </button>
    </form>
  );
}

export default function AdminPage() {
  const { t, date } = useI18n();
  const list = useAsync(() => programmes.list(), []);
  const [selected, setSelected] = useState('');
  return (
    <div>
      <PageTitle>{t('nav.admin')}</PageTitle>
      <p>
        <Link className="btn btn--ghost" to="/admin/trust">
          {t('admin.trustLink')}
        </Link>
      </p>
      <div className="two-col">
        <section className="card" aria-labelledby="prog-title">
          <h2 id="prog-title">{t('admin.programmes')}</h2>
          <Loaded state={list}>
            {(items) => (
              <ul className="plain-list">
                {items.map((p) => (
                  <li key={p.id} className={`programme${selected === p.id ? ' is-current' : ''}`}>
                    <div className="row-between">
                      <span>
                        <strong>{p.name}</strong>
                        <br />
                        <span className="muted">
                          {date(p.startDate)} – {p.endDate ? date(p.endDate) : t('admin.ongoing')} · {t('admin.counties', { n: p.countyCount ?? 0 })}
                        </span>
                      </span>
                      <button type="button" className="btn btn--ghost btn--small" aria-expanded={selected === p.id} onClick={() => setSelected(selected === p.id ? '' : p.id)}>
                        {t('admin.enrol')}
                      </button>
                    </div>
                    {selected === p.id && <Enrolment programmeId={p.id} onDone={list.reload} />}
                  </li>
                ))}
              </ul>
            )}
          </Loaded>
          <ProgrammeCreate onCreated={list.reload} />
        </section>
        <section className="card" aria-labelledby="staff-title">
          <h2 id="staff-title">{t('admin.staff')}</h2>
          <StaffForm />
        </section>
      </div>
    </div>
  );
}
