import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { admin, ApiError, programmes, regions, type Programme } from '../../api';
import { RegionName, RegionPicker } from '../../components/RegionPicker';
import { ErrorNotice, Field, FormNotice, Loaded, Loading, PagedList, PageTitle } from '../../components/ui';
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

interface WorkingCounty {
  code: string;
  name: string;
  where: string;
  enrolledOn?: string;
}

/** County codes in pasted or uploaded text: every six-digit number (a CSV's header and names are skipped). */
export function codesIn(text: string): string[] {
  return [...new Set(text.match(/\b\d{6}\b/g) ?? [])];
}

/**
 * A programme's enrolled counties, as they are: names and codes, each removable; counties are
 * added one by one (region picker) or in bulk (pasted codes, a CSV file). Saving shows what will be
 * added and removed and asks to confirm; only then is the whole list sent (PUT replaces it).
 */
function Enrolment({ programmeId, onDone }: { programmeId: string; onDone(): void }) {
  const { t } = useI18n();
  const detail = useAsync(() => programmes.get(programmeId), [programmeId]);
  const [working, setWorking] = useState<WorkingCounty[] | null>(null);
  const [pick, setPick] = useState('');
  const [text, setText] = useState('');
  const [enrolledOn, setEnrolledOn] = useState('');
  const [result, setResult] = useState<{ ok?: string; error?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const enrolled: WorkingCounty[] = useMemo(
    () => (detail.data?.counties ?? []).map((c) => ({ code: c.code, name: c.name, where: c.parents.map((p) => p.name).join(' › '), enrolledOn: c.enrolledOn })),
    [detail.data],
  );
  const list = working ?? enrolled;
  const before = new Set(enrolled.map((c) => c.code));
  const after = new Set(list.map((c) => c.code));
  const added = list.filter((c) => !before.has(c.code));
  const removed = enrolled.filter((c) => !after.has(c.code));

  const edit = (next: WorkingCounty[]) => {
    setWorking([...next].sort((a, b) => a.code.localeCompare(b.code)));
    setConfirming(false);
    setResult({});
  };
  const addCodes = async (codes: string[]) => {
    const fresh = codes.filter((c) => !after.has(c));
    const found: WorkingCounty[] = [];
    const unknown: string[] = [];
    await Promise.all(
      fresh.map(async (code) => {
        const r = await regions.get(code).catch(() => null);
        if (r && r.level === 'county') found.push({ code, name: r.name, where: (r.parents ?? []).map((p) => p.name).join(' › ') });
        else unknown.push(code);
      }),
    );
    edit([...list, ...found]);
    if (unknown.length) setResult({ error: t('admin.unknownCodesKept', { codes: unknown.sort().slice(0, 20).join(', ') }) });
    return unknown.length === 0;
  };
  const addPasted = async () => {
    const codes = codesIn(text);
    if (codes.length === 0) {
      setResult({ error: t('admin.codesRequired') });
      return;
    }
    if (await addCodes(codes)) setText('');
  };

  const save = async () => {
    setBusy(true);
    try {
      const r = await programmes.enrol(programmeId, list.map((c) => c.code), enrolledOn || undefined);
      setResult({ ok: t('admin.enrolled', { n: r.enrolled }) });
      setWorking(null);
      setConfirming(false);
      detail.reload();
      onDone();
    } catch (err) {
      const unknown = err instanceof ApiError ? (err.body?.unknownCodes as string[] | undefined) : undefined;
      setResult({ error: unknown?.length ? t('admin.unknownCodes', { codes: unknown.slice(0, 20).join(', ') }) : errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };

  if (detail.error) return <ErrorNotice error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const names = (cs: WorkingCounty[]) => cs.map((c) => `${c.name} ${c.code}`).join('、');
  return (
    <div className="form enrolment">
      <h4>{t('admin.enrolledCounties', { n: list.length })}</h4>
      {list.length === 0 ? (
        <p className="muted">{t('admin.noCounties')}</p>
      ) : (
        <ul className="plain-list county-chips" aria-label={t('admin.enrolledCounties', { n: list.length })}>
          {list.map((c) => (
            <li key={c.code} data-code={c.code} className={before.has(c.code) ? undefined : 'is-new'}>
              <span>
                <strong>{c.name}</strong> <code>{c.code}</code>
                <br />
                <small className="muted">
                  {c.where}
                  {c.enrolledOn ? ` · ${t('admin.enrolledSince', { date: c.enrolledOn })}` : ` · ${t('admin.toAdd')}`}
                </small>
              </span>
              <button type="button" className="btn btn--ghost btn--small" aria-label={t('admin.removeCounty', { name: c.name })} onClick={() => edit(list.filter((x) => x.code !== c.code))}>
                {t('admin.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <RegionPicker legend={t('admin.addCounty')} value={pick} onChange={setPick} compact />
      <button type="button" className="btn btn--ghost" disabled={!pick || after.has(pick)} onClick={() => addCodes([pick]).then(() => setPick(''))}>
        {t('admin.addThisCounty')}
      </button>
      <Field label={t('admin.countyCodes')} hint={t('admin.countyCodesHint')}>
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} placeholder={'520322\n520324\n522634'} />
      </Field>
      <Field label={t('admin.uploadCsv')} optional>
        <input type="file" accept=".csv,.txt,text/csv,text/plain" onChange={async (e) => setText((await e.target.files?.[0]?.text()) ?? text)} />
      </Field>
      <button type="button" className="btn btn--ghost" onClick={addPasted}>
        {t('admin.addCodes')}
      </button>
      <Field label={t('admin.enrolledOn')} hint={t('admin.enrolledOnHint')} optional>
        <input type="date" value={enrolledOn} onChange={(e) => setEnrolledOn(e.target.value)} />
      </Field>
      <FormNotice text={result.error} />
      <FormNotice ok text={result.ok} />
      {confirming ? (
        <div className="confirm-box" role="group" aria-label={t('admin.confirmTitle')}>
          <p>
            <strong>{t('admin.confirmTitle')}</strong>
          </p>
          {added.length > 0 && <p data-testid="confirm-added">{t('admin.willAdd', { n: added.length, names: names(added) })}</p>}
          {removed.length > 0 && (
            <p data-testid="confirm-removed" className="warn">
              {t('admin.willRemove', { n: removed.length, names: names(removed) })}
            </p>
          )}
          <p>{t('admin.willHave', { n: list.length })}</p>
          <div className="button-row">
            <button type="button" className="btn btn--primary" disabled={busy} onClick={save}>
              {t('admin.confirmSave')}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setConfirming(false)}>
              {t('admin.backToEdit')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="btn btn--primary"
            disabled={busy}
            onClick={() => (added.length || removed.length ? setConfirming(true) : setResult({ error: t('admin.noChanges') }))}
          >
            {t('admin.saveEnrolment')}
          </button>
          {working && (
            <button type="button" className="btn btn--ghost" onClick={() => { setWorking(null); setResult({}); setConfirming(false); }}>
              {t('admin.discard')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** Rename a programme or change its dates. */
function ProgrammeEdit({ programme, onDone }: { programme: Programme; onDone(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(programme.name);
  const [startDate, setStartDate] = useState(programme.startDate);
  const [endDate, setEndDate] = useState(programme.endDate ?? '');
  const { errors, onSubmit } = useFormSubmit<'name' | 'startDate' | 'endDate'>(
    t,
    () => ({
      name: name.trim() ? undefined : t('validation.required'),
      startDate: startDate ? undefined : t('validation.required'),
      endDate: endDate && startDate && endDate < startDate ? t('validation.dateRange') : undefined,
    }),
    async () => {
      await programmes.update(programme.id, { name: name.trim(), startDate, endDate: endDate || null });
      onDone();
    },
  );
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('admin.editProgramme')}>
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
      <button type="submit" className="btn btn--primary">
        {t('admin.saveProgramme')}
      </button>
    </form>
  );
}

/** Asks before deleting; a programme whose counties have sales is kept (the API answers 409) and the page says why. */
function ProgrammeDelete({ programme, onDone, onCancel }: { programme: Programme; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    setError('');
    try {
      await programmes.remove(programme.id);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? t('admin.deleteRefused') : errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="confirm-box" role="group" aria-label={t('admin.deleteProgramme')}>
      <p>{t('admin.confirmDelete', { name: programme.name, n: programme.countyCount ?? 0 })}</p>
      <FormNotice text={error} />
      <div className="button-row">
        <button type="button" className="btn btn--danger" disabled={busy || !!error} onClick={remove}>
          {t('admin.confirmDeleteButton')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The officer accounts, newest first, with their jurisdiction. */
function OfficerList({ version }: { version: number }) {
  const { t, date } = useI18n();
  const [page, setPage] = useState(1);
  const list = useAsync(() => admin.users({ role: 'officer', page, pageSize: 20 }), [page, version]);
  return (
    <PagedList state={list} empty={t('admin.noOfficers')} onPage={setPage}>
      {(items) => (
        <ul className="plain-list officer-list" aria-label={t('admin.officerList')}>
          {items.map((u) => (
            <li key={u.id} data-user-id={u.id}>
              <strong>{u.displayName}</strong> <span className="muted">{u.email}</span>
              <br />
              <small>
                {u.jurisdictionCode ? <RegionName code={u.jurisdictionCode} /> : t('admin.nationwide')} · {t('admin.since', { date: date(u.createdAt) })}
                {u.suspendedAt ? ` · ${t('admin.suspended')}` : ''}
              </small>
            </li>
          ))}
        </ul>
      )}
    </PagedList>
  );
}

function StaffForm({ onCreated }: { onCreated(): void }) {
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
      onCreated();
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
  const [open, setOpen] = useState<{ id: string; panel: 'counties' | 'edit' | 'delete' } | null>(null);
  const [officers, setOfficers] = useState(0);
  const toggle = (id: string, panel: 'counties' | 'edit' | 'delete') => setOpen(open?.id === id && open.panel === panel ? null : { id, panel });
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
                  <li key={p.id} className={`programme${open?.id === p.id ? ' is-current' : ''}`} data-programme-id={p.id}>
                    <div className="programme__head">
                      <span>
                        <strong>{p.name}</strong>
                        <br />
                        <span className="muted">
                          {date(p.startDate)} – {p.endDate ? date(p.endDate) : t('admin.ongoing')} · {t('admin.counties', { n: p.countyCount ?? 0 })}
                        </span>
                      </span>
                      <span className="button-row">
                        <button type="button" className="btn btn--ghost btn--small" aria-expanded={open?.id === p.id && open.panel === 'counties'} onClick={() => toggle(p.id, 'counties')}>
                          {t('admin.enrol')}
                        </button>
                        <button type="button" className="btn btn--ghost btn--small" aria-expanded={open?.id === p.id && open.panel === 'edit'} onClick={() => toggle(p.id, 'edit')}>
                          {t('admin.edit')}
                        </button>
                        <button type="button" className="btn btn--ghost btn--small" aria-expanded={open?.id === p.id && open.panel === 'delete'} onClick={() => toggle(p.id, 'delete')}>
                          {t('admin.delete')}
                        </button>
                      </span>
                    </div>
                    {open?.id === p.id && open.panel === 'counties' && <Enrolment programmeId={p.id} onDone={list.reload} />}
                    {open?.id === p.id && open.panel === 'edit' && (
                      <ProgrammeEdit
                        programme={p}
                        onDone={() => {
                          setOpen(null);
                          list.reload();
                        }}
                      />
                    )}
                    {open?.id === p.id && open.panel === 'delete' && (
                      <ProgrammeDelete
                        programme={p}
                        onCancel={() => setOpen(null)}
                        onDone={() => {
                          setOpen(null);
                          list.reload();
                        }}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Loaded>
          <ProgrammeCreate onCreated={list.reload} />
        </section>
        <section className="card" aria-labelledby="staff-title">
          <h2 id="staff-title">{t('admin.staff')}</h2>
          <OfficerList version={officers} />
          <h3 className="staff-new">{t('admin.newAccount')}</h3>
          <StaffForm onCreated={() => setOfficers((n) => n + 1)} />
        </section>
      </div>
    </div>
  );
}
