import { Children, cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { OrderStatus, Page, Photo } from '../api';
import { useI18n } from '../i18n/i18n';
import { errorText, type AsyncState } from './util';

/** A labelled field; the message sits right under it and is announced with the input. */
export function Field(props: { label: string; error?: string; hint?: string; children: ReactElement; optional?: boolean }) {
  const id = useId();
  const { t } = useI18n();
  const child = Children.only(props.children) as ReactElement<Record<string, unknown>>;
  const describedBy = [props.error ? `${id}-err` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const input = isValidElement(child)
    ? cloneElement(child, { id: (child.props.id as string) ?? id, 'aria-invalid': props.error ? true : undefined, 'aria-describedby': describedBy })
    : child;
  return (
    <div className={`field${props.error ? ' field--error' : ''}`}>
      <label htmlFor={(child.props.id as string) ?? id}>
        {props.label}
        {props.optional && <span className="field__optional"> ({t('common.optional')})</span>}
      </label>
      {input}
      {props.hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="field__error" id={`${id}-err`} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <p>{errorText(error, t)}</p>
      {onRetry && (
        <button type="button" className="btn btn--small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** A message under a form: an error (announced at once) or a confirmation. Nothing when there is no text. */
export function FormNotice({ text, ok, id }: { text?: string; ok?: boolean; id?: string }) {
  if (!text) return null;
  return (
    <p className={`notice ${ok ? 'notice--ok' : 'notice--error'}`} id={id} role={ok ? 'status' : 'alert'}>
      {text}
    </p>
  );
}

/** What an async load shows: its error with a retry, a spinner, `empty` when `isEmpty`, else `children(data)`. */
export function Loaded<T>({ state, empty, isEmpty, children }: { state: AsyncState<T>; empty?: ReactNode; isEmpty?(data: T): boolean; children(data: T): ReactNode }) {
  if (state.error) return <ErrorNotice error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading />;
  if (empty !== undefined && isEmpty?.(state.data)) return <Empty>{empty}</Empty>;
  return <>{children(state.data)}</>;
}

/** A page of items from the API: error, spinner, `empty`, or the items and a pager. */
export function PagedList<T>({ state, empty, onPage, children }: { state: AsyncState<Page<T>>; empty: ReactNode; onPage(p: number): void; children(items: T[]): ReactNode }) {
  return (
    <Loaded state={state} empty={empty} isEmpty={(d) => d.items.length === 0}>
      {(d) => (
        <>
          {children(d.items)}
          <Pager page={d.page} pageSize={d.pageSize} total={d.total} onPage={onPage} />
        </>
      )}
    </Loaded>
  );
}

/** A select's choices: an empty first one (a placeholder, or "all") and then the options. */
export function Options({ empty, options }: { empty: string; options: { value: string; label: string }[] }) {
  return (
    <>
      <option value="">{empty}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

/** Lines of a cart or an order: "title × quantity" and the line's total. */
export function LineItems({ lines, className, currency }: { lines: { key: string; title: string; quantity: number; totalCents: number }[]; className?: string; currency?: string }) {
  const { money } = useI18n();
  return (
    <ul className={`plain-list${className ? ` ${className}` : ''}`}>
      {lines.map((l) => (
        <li key={l.key} className="row-between">
          <span>
            {l.title} × {l.quantity}
          </span>
          <span>{money(l.totalCents, currency)}</span>
        </li>
      ))}
    </ul>
  );
}

const STATUS_CLASS: Record<OrderStatus, string> = {
  pending_payment: 'badge--warn',
  paid: 'badge--info',
  shipped: 'badge--info',
  delivered: 'badge--ok',
  cancelled: 'badge--muted',
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${STATUS_CLASS[status] ?? ''}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

/** A lazy-loaded photo in the right size: srcset when the API offers resized copies. */
/** A listing photo, or any image with a URL (e.g. a cart line's thumbnail). */
type ImageSource = Pick<Photo, 'url'> & Partial<Pick<Photo, 'sizes' | 'width' | 'height'>>;

export function ProduceImage({ photo, alt, sizes, className, eager }: { photo?: ImageSource; alt: string; sizes: string; className?: string; eager?: boolean }) {
  if (!photo) {
    return (
      <div className={`img-placeholder ${className ?? ''}`} role="img" aria-label={alt}>
        <svg viewBox="0 0 48 48" aria-hidden="true" width="48" height="48">
          <path d="M24 8c-7 6-10 13-8 22 7 0 13-5 15-12-4 1-7 4-8 9 0-7 1-13 1-19z" fill="currentColor" />
        </svg>
      </div>
    );
  }
  const srcSet = photo.sizes?.length ? photo.sizes.map((v) => `${v.url} ${v.width}w`).join(', ') : undefined;
  return (
    <img
      className={className}
      src={photo.sizes?.[0]?.url ?? photo.url}
      srcSet={srcSet}
      sizes={srcSet ? sizes : undefined}
      width={photo.width ?? 400}
      height={photo.height ?? 300}
      alt={alt}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}

export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(p: number): void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('common.pages')}>
      <button type="button" className="btn btn--ghost" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ‹ {t('common.previous')}
      </button>
      <span>{t('common.pageOf', { page, pages })}</span>
      <button type="button" className="btn btn--ghost" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')} ›
      </button>
    </nav>
  );
}

export function PageTitle({ children, back }: { children: ReactNode; back?: { to: string; label: string } }) {
  return (
    <div className="page-title">
      {back && (
        <Link className="back-link" to={back.to}>
          ‹ {back.label}
        </Link>
      )}
      <h1>{children}</h1>
    </div>
  );
}
