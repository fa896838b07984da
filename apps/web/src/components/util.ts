import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { DEFAULT_CURRENCY, formatMoney, minorToMajorString, parseMajorToMinor } from '@farmlink/shared';
import { en } from '../i18n/en';
import type { MessageKey, Translate } from '../i18n/i18n';

/**
 * An amount typed in a currency's major units → its minor units, by the currency's exponent and
 * string arithmetic (a comma may be the decimal mark): "12.5" CNY → 1250, "1500" UGX → 1500; null
 * when it is not an amount ≥ 0 with at most the currency's decimals ("12.345" CNY, "12.5" UGX).
 */
export function parseAmount(input: string, currency: string = DEFAULT_CURRENCY): number | null {
  const text = input.trim().replace(',', '.');
  if (text.length > 16) return null;
  const minor = parseMajorToMinor(text, currency);
  return minor === null || minor < 0 ? null : minor;
}

/** Minor units → an input's text in the currency's major units: 1250 CNY → "12.50", 1500 UGX → "1500". */
export function minorToInput(minor: number, currency: string = DEFAULT_CURRENCY): string {
  return minorToMajorString(minor, currency);
}

/** "2.5" kg → 2500 g, exactly. null when not a valid weight. */
export function parseKg(input: string): number | null {
  const m = /^\s*(\d{1,6})(?:[.,](\d{0,3}))?\s*$/.exec(input);
  if (!m) return null;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0') || '0');
}

export function gramsToKgInput(grams: number): string {
  const kg = Math.floor(grams / 1000);
  const rest = String(grams % 1000).padStart(3, '0').replace(/0+$/, '');
  return rest ? `${kg}.${rest}` : String(kg);
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The web app's message for an API error code (`code.LISTING_NOT_FOUND`…), if it has one. */
export function codeKey(code: unknown): MessageKey | null {
  if (typeof code !== 'string' || !/^[A-Z0-9_]+$/.test(code)) return null;
  const key = `code.${code}`;
  return key in en ? (key as MessageKey) : null;
}

/** Numbers and names the API puts beside `code` (maxPhotos, roles, status…), ready for a message. */
function codeParams(body: NonNullable<ApiError['body']>, t: Translate): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  if (Array.isArray(body.roles)) out.roles = body.roles.map((r) => (`role.${r}` in en ? t(`role.${r}` as MessageKey) : String(r))).join(' / ');
  if (typeof body.maxBytes === 'number') out.maxMb = Math.round(body.maxBytes / (1024 * 1024));
  if (typeof body.maxTotalCents === 'number') out.maxTotal = formatMoney(body.maxTotalCents);
  if (typeof body.status === 'string' && `status.${body.status}` in en) out.status = t(`status.${body.status}` as MessageKey);
  return out;
}

/**
 * A readable sentence for an API error, in the user's language: the message for the
 * error's `code` when the app has one (every error a user can cause does), else one by
 * HTTP status. The server's English `message` is for developers and never shown.
 */
export function errorText(err: unknown, t: Translate): string {
  if (err instanceof ApiError) {
    const key = codeKey(err.body?.code);
    if (key && err.body) return t(key, codeParams(err.body, t));
    const byStatus: Partial<Record<number, MessageKey>> = {
      0: 'error.network',
      401: 'error.401',
      403: 'error.403',
      404: 'error.404',
      409: 'error.409',
      413: 'error.413',
      422: 'error.422',
      429: 'error.429',
      503: 'error.503',
    };
    return t(byStatus[err.status] ?? (err.status >= 500 ? 'error.500' : 'error.400'));
  }
  return t('error.500');
}

export type FormErrors<K extends string> = Partial<Record<K | 'form', string>>;

/** A 400's messages under their fields and as a sentence; any other error as the sentence alone. */
export function fieldErrors(err: unknown, t: Translate): Record<string, string> {
  return err instanceof ApiError && err.status === 400 ? { ...fieldFlags(err, t), form: errorText(err, t) } : { form: errorText(err, t) };
}

/** The fields a 400 names, each with "check this field" in the user's language (the server's own words are English). */
export function fieldFlags(err: ApiError, t: Translate): Record<string, string> {
  return Object.fromEntries(Object.keys(err.fieldMessages()).map((k) => [k, t('error.fieldInvalid')]));
}

/**
 * A form's submit: `validate()` first (its messages show under the fields, and nothing is sent
 * while there are any), then `action`, with `busy` set while it runs. A failure shows what
 * `onError` makes of it, by default the error as a sentence above the submit button.
 */
export function useFormSubmit<K extends string>(
  t: Translate,
  validate: () => FormErrors<K>,
  action: () => Promise<void>,
  onError: (err: unknown) => FormErrors<K> = (err) => ({ form: errorText(err, t) }) as FormErrors<K>,
) {
  const [errors, setErrors] = useState<FormErrors<K>>({});
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const errs = validate();
    setErrors(errs);
    if (Object.values(errs).some(Boolean)) return;
    setBusy(true);
    try {
      await action();
    } catch (err) {
      setErrors(onError(err));
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, onSubmit };
}

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  setData(data: T): void;
}

/** Runs `load` when `deps` change; the latest answer wins. With `initial` (data already in the page) the first load is skipped. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[], initial?: T): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(initial);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(initial === undefined);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const skipFirst = useRef(initial !== undefined);
  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    load().then(
      (d) => {
        if (mine !== seq.current) return;
        setData(d);
        setLoading(false);
      },
      (e) => {
        if (mine !== seq.current) return;
        setError(e);
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}

/**
 * Today for reports: report dates are calendar dates in the reporting zone (Asia/Shanghai by
 * default), which can already be tomorrow where the browser is; take the later of the two.
 */
export function reportTodayIso(): string {
  const local = todayIso();
  try {
    const china = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    return /^\d{4}-\d{2}-\d{2}$/.test(china) && china > local ? china : local;
  } catch {
    return local;
  }
}

export function todayIso(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
