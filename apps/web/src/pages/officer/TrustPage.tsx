import { AUDIT_ACTIONS } from '@farmlink/shared';
import { useState, type FormEvent } from 'react';
import { admin, listings, type AdminUser, type AuditEntry, type AuditQuery, type Role } from '../../api';
import { routeKey } from '../../components/links';
import { Empty, ErrorNotice, Field, Loading, PageTitle, Pager } from '../../components/ui';
import { errorText, useAsync } from '../../components/util';
import { useI18n, type MessageKey } from '../../i18n/i18n';

const ROLES: Role[] = ['buyer', 'farmer', 'officer', 'admin'];
const UUID_IN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The slug in a readable listing link (…/listings/雷山银球茶-8f3a2c, encoded or not), or a bare slug. */
function slugIn(ref: string): string | undefined {
  const text = ref.trim();
  const inLink = /\/listings\/([^/?#\s]+)/.exec(text)?.[1];
  if (inLink) return routeKey(inLink);
  return text && !/[/\s]/.test(text) ? text : undefined;
}

/** One user in the list, with suspend (asks for a reason) or reinstate. */
function UserRow({ user, onChanged }: { user: AdminUser; onChanged(message: string): void }) {
  const { t, date } = useI18n();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError('');
    try {
      await work();
      setAsking(false);
      setReason('');
      onChanged(message);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const suspend = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('trust.reasonRequired'));
      return;
    }
    void act(() => admin.suspend(user.id, reason.trim()), t('trust.suspendedOk', { name: user.displayName }));
  };
  return (
    <li className="trust-user" data-user-id={user.id}>
      <div className="row-between">
        <span className="trust-user__who">
          <strong>{user.displayName}</strong>
          <span className="badge badge--muted">{t(`role.${user.role}` as MessageKey)}</span>
          {user.suspendedAt ? <span className="badge badge--warn">{t('trust.suspended')}</span> : null}
          <br />
          <span className="muted trust-break">{user.email}</span>
          <br />
          <span className="muted">{t('trust.joined', { date: date(user.createdAt) })}</span>
        </span>
        {user.suspendedAt ? (
          <button type="button" className="btn btn--ghost btn--small" disabled={busy} onClick={() => act(() => admin.reinstate(user.id), t('trust.reinstatedOk', { name: user.displayName }))}>
            {t('trust.reinstate')}
          </button>
        ) : (
          <button type="button" className="btn btn--ghost btn--small" aria-expanded={asking} onClick={() => setAsking(!asking)}>
            {t('trust.suspend')}
          </button>
        )}
      </div>
      {user.suspendedAt && (
        <p className="muted">
          {t('trust.suspendedSince', { date: date(user.suspendedAt, true), reason: user.suspensionReason ?? '' })}
        </p>
      )}
      {asking && !user.suspendedAt && (
        <form className="form" onSubmit={suspend} noValidate>
          <Field label={t('trust.suspendReason')} error={error} hint={t('trust.suspendHint')}>
            <textarea rows={2} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div className="button-row">
            <button type="submit" className="btn btn--primary btn--small" disabled={busy}>
              {t('trust.confirmSuspend')}
            </button>
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setAsking(false)}>
              {t('trust.cancel')}
            </button>
          </div>
        </form>
      )}
      {!asking && error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function Users({ onChanged }: { onChanged(): void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [query, setQuery] = useState({ q: '', role: '', page: 1 });
  const [done, setDone] = useState('');
  const list = useAsync(() => admin.users({ q: query.q || undefined, role: query.role || undefined, page: query.page, pageSize: 20 }), [query]);
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ q: q.trim(), role, page: 1 });
  };
  return (
    <section className="card" aria-labelledby="trust-users">
      <h2 id="trust-users">{t('trust.users')}</h2>
      <form className="form" role="search" onSubmit={search} noValidate>
        <div className="form-row">
          <Field label={t('trust.searchUsers')} optional>
            <input type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} />
          </Field>
          <Field label={t('admin.role')} optional>
            <select value={role} onChange={(e) => setRole(e.target.value)}>
              <option value="">{t('trust.allRoles')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <button type="submit" className="btn">
          {t('trust.search')}
        </button>
      </form>
      {done && (
        <p className="notice notice--ok" role="status">
          {done}
        </p>
      )}
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('trust.noUsers')}</Empty>
      ) : (
        <>
          <ul className="plain-list trust-list">
            {list.data.items.map((u) => (
              <UserRow
                key={u.id}
                user={u}
                onChanged={(message) => {
                  setDone(message);
                  list.reload();
                  onChanged();
                }}
              />
            ))}
          </ul>
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(page) => setQuery({ ...query, page })} />
        </>
      )}
    </section>
  );
}

function Takedown({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [ref, setRef] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ ref?: string; reason?: string; form?: string }>({});
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // An id, a link with one, or a readable link (/listings/<slug>): the slug is looked up.
    let id = UUID_IN.exec(ref)?.[0];
    const slug = id ? undefined : slugIn(ref);
    if (slug) id = await listings.get(slug).then((l) => l.id, () => undefined);
    const errs: typeof errors = {};
    if (!id) errs.ref = t('trust.listingRefInvalid');
    if (!reason.trim()) errs.reason = t('trust.reasonRequired');
    setErrors(errs);
    setDone('');
    if (!id || Object.keys(errs).length) return;
    setBusy(true);
    try {
      await admin.takedown(id, reason.trim());
      setDone(t('trust.takenDown'));
      setRef('');
      setReason('');
      onDone();
    } catch (err) {
      setErrors({ form: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="trust-takedown">
      <h2 id="trust-takedown">{t('trust.takedown')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('trust.listingRef')} hint={t('trust.listingRefHint')} error={errors.ref}>
          <input value={ref} onChange={(e) => setRef(e.target.value)} spellCheck={false} autoComplete="off" />
        </Field>
        <Field label={t('trust.takedownReason')} hint={t('trust.takedownHint')} error={errors.reason}>
          <textarea rows={2} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </Field>
        {errors.form && (
          <p className="notice notice--error" role="alert">
            {errors.form}
          </p>
        )}
        {done && (
          <p className="notice notice--ok" role="status">
            {done}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('trust.takedownSubmit')}
        </button>
      </form>
    </section>
  );
}

/** What an entry says in a line: the reason, or the other details as key: value. */
function detailsText(details: Record<string, unknown>): string {
  // The reason first: it is what an admin reads the trail for.
  return Object.entries(details)
    .sort(([a], [b]) => (a === 'reason' ? -1 : b === 'reason' ? 1 : 0))
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t, date } = useI18n();
  const known = (AUDIT_ACTIONS as readonly string[]).includes(entry.action);
  return (
    <li className="audit-entry" data-action={entry.action}>
      <div className="row-between">
        <strong>{known ? t(`audit.${entry.action}` as MessageKey) : entry.action}</strong>
        <time className="muted" dateTime={entry.at}>
          {date(entry.at, true)}
        </time>
      </div>
      <div className="muted trust-break">
        {t('trust.actor', { role: entry.actorRole ? t(`role.${entry.actorRole}` as MessageKey) : t('trust.system'), id: entry.actorId?.slice(0, 8) ?? '—' })} ·{' '}
        {entry.targetType} <code>{entry.targetId ?? '—'}</code>
      </div>
      {Object.keys(entry.details).length > 0 && <div className="audit-entry__details trust-break">{detailsText(entry.details)}</div>}
    </li>
  );
}

function Audit({ version }: { version: number }) {
  const { t } = useI18n();
  const blank = { action: '', actorId: '', targetId: '', from: '', to: '' };
  const [form, setForm] = useState(blank);
  const [query, setQuery] = useState<AuditQuery>({ page: 1 });
  const [error, setError] = useState('');
  const list = useAsync(() => admin.audit({ ...query, pageSize: 20 }), [query, version]);
  const set = (k: keyof typeof blank) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.actorId.trim() && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(form.actorId.trim())) {
      setError(t('trust.actorIdInvalid'));
      return;
    }
    if (form.from && form.to && form.to < form.from) {
      setError(t('validation.dateRange'));
      return;
    }
    setError('');
    const clean = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v.trim() || undefined]));
    setQuery({ ...clean, page: 1 });
  };
  return (
    <section className="card" aria-labelledby="trust-audit">
      <h2 id="trust-audit">{t('trust.audit')}</h2>
      <form className="form" onSubmit={submit} noValidate aria-label={t('trust.auditFilters')}>
        <div className="form-row">
          <Field label={t('trust.action')} optional>
            <select value={form.action} onChange={set('action')}>
              <option value="">{t('trust.allActions')}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`audit.${a}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('trust.actorId')} optional>
            <input value={form.actorId} onChange={set('actorId')} spellCheck={false} autoComplete="off" />
          </Field>
          <Field label={t('trust.targetId')} optional>
            <input value={form.targetId} onChange={set('targetId')} spellCheck={false} autoComplete="off" />
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('trust.from')} optional>
            <input type="date" value={form.from} onChange={set('from')} />
          </Field>
          <Field label={t('trust.to')} optional>
            <input type="date" value={form.to} onChange={set('to')} />
          </Field>
        </div>
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="btn">
            {t('trust.filter')}
          </button>
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => {
              setForm(blank);
              setError('');
              setQuery({ page: 1 });
            }}
          >
            {t('trust.clear')}
          </button>
        </div>
      </form>
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('trust.noEntries')}</Empty>
      ) : (
        <>
          <ol className="plain-list audit-list" aria-label={t('trust.audit')}>
            {list.data.items.map((e) => (
              <AuditRow key={e.id} entry={e} />
            ))}
          </ol>
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(page) => setQuery({ ...query, page })} />
        </>
      )}
    </section>
  );
}

/** The admin's trust area: users (search, suspend, reinstate), takedowns, and the audit trail. */
export default function TrustPage() {
  const { t } = useI18n();
  // Bumped after every action, so the audit list shows it at once.
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);
  return (
    <div>
      <PageTitle back={{ to: '/admin', label: t('nav.admin') }}>{t('trust.title')}</PageTitle>
      <div className="two-col">
        <Users onChanged={bump} />
        <Takedown onDone={bump} />
      </div>
      <Audit version={version} />
    </div>
  );
}
