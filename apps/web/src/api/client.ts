/**
 * The one place where the web app talks HTTP. Components call the typed
 * functions in ./index.ts; nothing else uses fetch for the API.
 */

/** An error answer in the contract's shape `{ statusCode, error, message }`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { statusCode?: number; error?: string; message?: string | string[]; [k: string]: unknown } | null,
  ) {
    super(ApiError.text(body) || (status === 0 ? 'network' : `HTTP ${status}`));
    this.name = 'ApiError';
  }

  static text(body: ApiError['body']): string {
    const m = body?.message;
    return Array.isArray(m) ? m.join('; ') : (m ?? '');
  }

  /** The server's field messages (class-validator style "field must …"), by field name. */
  fieldMessages(): Record<string, string> {
    const m = this.body?.message;
    const list = Array.isArray(m) ? m : typeof m === 'string' ? [m] : [];
    const out: Record<string, string> = {};
    for (const msg of list) {
      const field = /^([A-Za-z][\w.]*)\s/.exec(msg)?.[1]?.split('.').pop();
      if (field && !out[field]) out[field] = msg;
    }
    return out;
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  /** A JSON body (objects) or a raw body (FormData, Blob, string). */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** A 401 here means a wrong answer (e.g. the current password), not an ended session: stay signed in. */
  keepSessionOn401?: boolean;
  /** Ask the server again even within a public answer's max-age (e.g. a form editing what was just saved). */
  fresh?: boolean;
}

let accessToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** Called when a signed-in request answers 401 (the session has expired). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData || options.body instanceof Blob || typeof options.body === 'string') {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), { method, headers, body, signal: options.signal, cache: options.fresh ? 'no-cache' : 'default' });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, null);
  }
  if (!res.ok) {
    let errBody: ApiError['body'] = null;
    try {
      errBody = await res.json();
    } catch {
      errBody = null;
    }
    if (res.status === 401 && accessToken && !options.keepSessionOn401) unauthorizedListeners.forEach((l) => l());
    throw new ApiError(res.status, errBody);
  }
  return res;
}

export async function request<T>(method: string, path: string, options?: RequestOptions): Promise<T> {
  const res = await send(method, path, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file answer (CSV, XLSX) fetched with the bearer token, as a Blob and its suggested name. */
export async function download(path: string, query: Query, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  const res = await send('GET', path, { query, headers: { Accept: '*/*' } });
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const filename = match ? decodeURIComponent(match[1]) : fallbackName;
  return { blob: await res.blob(), filename };
}
