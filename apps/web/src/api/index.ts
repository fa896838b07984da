import { DEFAULT_MARKET } from '@farmlink/shared';
import { download, request } from './client';
import type {
  Address,
  AddressBody,
  AddressUpdate,
  AdminUser,
  AuditEntry,
  AuditQuery,
  AuthResult,
  Candidate,
  Checkout,
  CheckoutBody,
  CheckoutQuote,
  QuoteBody,
  ShippingRateBody,
  ShippingRates,
  Cooperative,
  CooperativeBody,
  CreateStaffBody,
  EnrolResult,
  Farm,
  Id,
  ImportResult,
  Ledger,
  Listing,
  ListingBody,
  ListingQuery,
  ListingUpdate,
  Market,
  Membership,
  Order,
  OrderQuery,
  Page,
  Payment,
  PaymentOutcome,
  Photo,
  Programme,
  StockChange,
  ProgrammeBody,
  ProgrammeDetail,
  ProgrammeUpdate,
  Region,
  RegionQuery,
  RegionWithParents,
  RegisterBody,
  SalesQuery,
  SalesReport,
  ShipBody,
  UpdateMeBody,
  User,
} from './types';

export * from './types';
export * from './poverty';
export { ApiError, onUnauthorized, setAccessToken } from './client';

export const auth = {
  register: (body: RegisterBody) => request<AuthResult>('POST', '/auth/register', { body }),
  login: (email: string, password: string) => request<AuthResult>('POST', '/auth/login', { body: { email, password } }),
  me: () => request<User>('GET', '/me'),
  requestPasswordReset: (email: string) => request<{ message: string }>('POST', '/auth/password-reset/request', { body: { email } }),
  confirmPasswordReset: (token: string, newPassword: string) => request<{ message: string }>('POST', '/auth/password-reset/confirm', { body: { token, newPassword } }),
  verifyEmail: (token: string) => request<User>('POST', '/auth/verify-email', { body: { token } }),
};

export const account = {
  update: (body: UpdateMeBody) => request<User>('PATCH', '/me', { body }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<AuthResult>('POST', '/me/password', { body: { currentPassword, newPassword }, keepSessionOn401: true }),
  resendVerification: () => request<{ message: string }>('POST', '/me/verification-email', { body: {} }),
  addresses: () => request<Address[]>('GET', '/me/addresses'),
  addAddress: (body: AddressBody) => request<Address>('POST', '/me/addresses', { body }),
  updateAddress: (id: Id, body: AddressUpdate) => request<Address>('PATCH', `/me/addresses/${id}`, { body }),
  deleteAddress: (id: Id) => request<void>('DELETE', `/me/addresses/${id}`),
};

export const admin = {
  createUser: (body: CreateStaffBody) => request<User>('POST', '/admin/users', { body }),
  users: (query: { q?: string; role?: string; page?: number; pageSize?: number } = {}) => request<Page<AdminUser>>('GET', '/admin/users', { query }),
  suspend: (id: Id, reason: string) => request<AdminUser>('POST', `/admin/users/${id}/suspend`, { body: { reason } }),
  reinstate: (id: Id) => request<AdminUser>('POST', `/admin/users/${id}/reinstate`, { body: {} }),
  takedown: (id: Id, reason: string) =>
    request<{ id: Id; status: 'removed'; removalReason: string; removedAt: string }>('POST', `/admin/listings/${id}/takedown`, { body: { reason } }),
  audit: (query: AuditQuery = {}) => request<Page<AuditEntry>>('GET', '/admin/audit', { query: { ...query } }),
};

const regionCache = new Map<string, Promise<unknown>>();
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = regionCache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    p.catch(() => regionCache.delete(key));
    regionCache.set(key, p);
  }
  return p;
}

export const markets = {
  list: () => request<Market[]>('GET', '/markets'),
};

export const regions = {
  list: (query: RegionQuery) =>
    cached(`list:${query.market ?? ''}:${query.level ?? ''}:${query.parentCode ?? ''}:${query.q ?? ''}`, () => request<Region[]>('GET', '/regions', { query })),
  get: (code: string) => cached(`get:${code}`, () => request<RegionWithParents>('GET', `/regions/${encodeURIComponent(code)}`)),
  /** Whether `code` is a region of `market` (cn's GB/T 2260 codes are six digits; another market's are asked for). */
  inMarket: (code: string, market: string): Promise<boolean> =>
    market === DEFAULT_MARKET
      ? Promise.resolve(/^\d{6}$/.test(code))
      : regions.list({ market, q: code }).then((list) => list.some((r) => r.code === code), () => false),
};

export const programmes = {
  list: () => request<Programme[]>('GET', '/programmes'),
  /** One programme with its enrolled counties (names, parents, enrolment dates). */
  get: (id: Id) => request<ProgrammeDetail>('GET', `/programmes/${id}`),
  update: (id: Id, body: ProgrammeUpdate) => request<Programme>('PATCH', `/programmes/${id}`, { body }),
  remove: (id: Id) => request<void>('DELETE', `/programmes/${id}`),
  create: (body: ProgrammeBody) => request<Programme>('POST', '/programmes', { body }),
  /** JSON codes, or the pasted / uploaded CSV text as it is. */
  enrol: (id: Id, codes: string[] | string, enrolledOn?: string) =>
    typeof codes === 'string'
      ? request<EnrolResult>('PUT', `/programmes/${id}/counties`, {
          body: codes,
          headers: { 'Content-Type': 'text/csv' },
          query: { enrolledOn },
        })
      : request<EnrolResult>('PUT', `/programmes/${id}/counties`, { body: { countyCodes: codes, ...(enrolledOn ? { enrolledOn } : {}) } }),
};

export const cooperatives = {
  create: (body: CooperativeBody) => request<Cooperative>('POST', '/cooperatives', { body }),
  list: (query: { countyCode?: string; q?: string } = {}) =>
    request<Page<Cooperative>>('GET', '/cooperatives', { query }).then((r) => r.items),
  /** By id or by slug (the readable link: percent-encoded here, decoded by the API). */
  get: (idOrSlug: string) => request<Cooperative>('GET', `/cooperatives/${encodeURIComponent(idOrSlug)}`),
  /** The signed-in farmer's cooperatives (managed or member of). */
  mine: () => request<Cooperative[]>('GET', '/cooperatives/mine'),
  members: (id: Id) => request<Membership[]>('GET', `/cooperatives/${id}/members`),
  /** The manager's search for farmers of the cooperative's county to add (phones masked). */
  candidates: (id: Id, q: string) => request<Candidate[]>('GET', `/cooperatives/${id}/candidates`, { query: { q } }),
  addMember: (id: Id, farmerId: Id) => request<Membership>('POST', `/cooperatives/${id}/members`, { body: { farmerId } }),
  removeMember: (id: Id, farmerId: Id) => request<void>('DELETE', `/cooperatives/${id}/members/${farmerId}`),
};

/** A farm: a farmer's public shop page. */
export const farms = {
  get: (idOrSlug: string) => request<Farm>('GET', `/farms/${encodeURIComponent(idOrSlug)}`),
};

export const listings = {
  search: (query: ListingQuery, signal?: AbortSignal) => request<Page<Listing>>('GET', '/listings', { query: { ...query }, signal }),
  /** The signed-in farmer's own listings, paused ones included. */
  mine: () => request<Listing[]>('GET', '/listings/mine'),
  /** By id or by slug (the readable link: percent-encoded here, decoded by the API; an old slug finds it too). */
  get: (idOrSlug: string) => request<Listing>('GET', `/listings/${encodeURIComponent(idOrSlug)}`),
  /** For editing: never the browser's copy of the public answer (cached for a second), which may predate the farmer's last save. */
  getFresh: (id: Id) => request<Listing>('GET', `/listings/${encodeURIComponent(id)}`, { fresh: true }),
  create: (body: ListingBody) => request<Listing>('POST', '/listings', { body }),
  update: (id: Id, body: ListingUpdate) => request<Listing>('PATCH', `/listings/${id}`, { body }),
  archive: (id: Id) => request<void>('DELETE', `/listings/${id}`),
  uploadPhoto: (id: Id, file: Blob, name = 'photo.jpg') => {
    const form = new FormData();
    form.append('file', file, name);
    return request<Photo>('POST', `/listings/${id}/photos`, { body: form });
  },
  /** Every change of the listing's stock, newest first (its farmer or cooperative manager). */
  stockHistory: (id: Id, page = 1, pageSize = 10) => request<Page<StockChange>>('GET', `/listings/${id}/stock-history`, { query: { page, pageSize } }),
  /** Bulk import from a CSV or XLSX file: a dry run previews, otherwise the valid rows are created. */
  importFile: (file: Blob, name: string, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file, name);
    return request<ImportResult>('POST', '/listings/import', { body: form, query: { dryRun } });
  },
};

export const checkouts = {
  create: (body: CheckoutBody, idempotencyKey: string) =>
    request<Checkout>('POST', '/checkouts', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** Per seller: goods, shipping and total for this cart and county (the checkout charges the same computation). */
  quote: (body: QuoteBody) => request<CheckoutQuote>('POST', '/checkouts/quote', { body }),
};

export const orders = {
  list: (query: OrderQuery = {}) => request<Page<Order>>('GET', '/orders', { query }),
  get: (id: Id) => request<Order>('GET', `/orders/${id}`),
  cancel: (id: Id) => request<Order>('POST', `/orders/${id}/cancel`),
  ship: (id: Id, body: ShipBody) => request<Order>('POST', `/orders/${id}/ship`, { body }),
  deliver: (id: Id) => request<Order>('POST', `/orders/${id}/deliver`),
  /** The seller's own orders under the list's filters, as a CSV or XLSX file with headers in `lang`. */
  download: (query: Omit<OrderQuery, 'page' | 'pageSize' | 'checkoutId'>, format: 'csv' | 'xlsx', lang: 'zh-CN' | 'en') =>
    download('/orders/export', { ...query, format, lang }, `farmlink-orders.${format}`),
};

export const payments = {
  get: (id: Id) => request<Payment>('GET', `/payments/${id}`),
  simulate: (id: Id, outcome: PaymentOutcome) => request<Payment>('POST', `/payments/${id}/simulate`, { body: { outcome } }),
};

export const sellers = {
  /** Newest first (by date); the farm home shows the first 5, the ledger page every page. */
  myLedger: (page = 1, pageSize = 5) => request<Ledger>('GET', '/sellers/me/ledger', { query: { page, pageSize } }),
  /** The caller's shipping rates, or those of a cooperative they manage. */
  shippingRates: (cooperativeId?: string) => request<ShippingRates>('GET', '/sellers/me/shipping-rates', { query: cooperativeId ? { cooperativeId } : {} }),
  setShippingRates: (rates: ShippingRateBody[], cooperativeId?: string) =>
    request<ShippingRates>('PUT', '/sellers/me/shipping-rates', { body: { rates }, query: cooperativeId ? { cooperativeId } : {} }),
};

export const reports = {
  sales: (query: SalesQuery) => request<SalesReport>('GET', '/reports/sales', { query: { ...query, format: 'json' } }),
  /** The export for people (headers in `lang`, money in yuan; the API's machine form is format=csv without lang, or raw=1). */
  downloadSales: (query: SalesQuery, format: 'csv' | 'xlsx', lang: 'zh-CN' | 'en') =>
    download('/reports/sales', { ...query, format, lang }, `farmlink-sales-${query.from}-${query.to}.${format}`),
};
