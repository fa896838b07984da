/**
 * The authorization matrix: every operation × every kind of caller, and the
 * status each must get. Read it as the access policy of the API; the test in
 * authorization.e2e-spec.ts runs every cell against the real app.
 *
 * Callers:
 *   anonymous     no token
 *   buyer         placed the order under test
 *   otherBuyer    a buyer with nothing to do with it
 *   farmer        sells the order's listing, owns the listing, manages the cooperative
 *   otherFarmer   a member (not manager) of that cooperative; sells nothing in the order
 *   officerScoped an officer whose jurisdiction is 520000 (Guizhou)
 *   officer       an officer with no jurisdiction
 *   admin
 * 404, not 403, for ids a caller may not see, so ids do not leak.
 */
export const CALLERS = ['anonymous', 'buyer', 'otherBuyer', 'farmer', 'otherFarmer', 'officerScoped', 'officer', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

export interface Fixture {
  listingId: string;
  coopListingId: string;
  cooperativeId: string;
  otherFarmerId: string;
  freeFarmerId: string;
  programmeId: string;
  orderId: string;
  paymentId: string;
  /** An order of `buyer` from a farmer in Henan (兰考), and a cooperative there: outside officerScoped's Guizhou. */
  outsideOrderId: string;
  outsideCooperativeId: string;
  /** A farmer in 520322 (inside officerScoped's Guizhou) whose poverty claim waits for a decision. */
  claimantId: string;
  /** A farmer in 410225 (Henan, outside officerScoped's jurisdiction) whose poverty claim waits. */
  outsideClaimantId: string;
}

export interface MatrixRow {
  operation: string;
  /** The order under test must be in this state first. */
  orderState?: 'pending_payment' | 'paid' | 'shipped';
  request: (f: Fixture) => { method: string; path: string; body?: unknown; headers?: Record<string, string> };
  expect: Record<Caller, number>;
}

const all = (status: number): Record<Caller, number> => Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
const signedIn = (status: number, overrides: Partial<Record<Caller, number>> = {}): Record<Caller, number> => ({ ...all(status), anonymous: 401, ...overrides });
const only = (allowed: Partial<Record<Caller, number>>, denied = 403): Record<Caller, number> => ({ ...all(denied), anonymous: 401, ...allowed });

const newListing = { title: '小米', category: 'grain', unit: 'bag', netWeightGrams: 5000, priceCents: 3000, stock: 10 };
const address = { name: '陈静', phone: '13800000000', countyCode: '110105', line1: '建国路 88 号' };

export const MATRIX: MatrixRow[] = [
  // identity
  { operation: 'GET /api/me', request: () => ({ method: 'GET', path: '/api/me' }), expect: signedIn(200) },
  {
    operation: 'POST /api/admin/users',
    request: () => ({ method: 'POST', path: '/api/admin/users', body: { email: `o${Math.random()}@farmlink.test`, password: 'officer-pass', displayName: 'x', role: 'officer' } }),
    expect: only({ admin: 201 }),
  },
  // poverty registration (v1.1 Trust): farmers claim, officers of the farmer's county and admins decide
  {
    operation: 'POST /api/me/poverty-claim',
    request: () => ({ method: 'POST', path: '/api/me/poverty-claim', body: { registrationNo: '5203220101000001' } }),
    expect: only({ farmer: 201, otherFarmer: 201 }),
  },
  {
    operation: 'GET /api/poverty-claims',
    request: () => ({ method: 'GET', path: '/api/poverty-claims?status=claimed' }),
    expect: only({ officerScoped: 200, officer: 200, admin: 200 }),
  },
  {
    operation: 'POST /api/farmers/:id/poverty-verification',
    request: (f) => ({ method: 'POST', path: `/api/farmers/${f.claimantId}/poverty-verification`, body: { decision: 'verified' } }),
    expect: only({ officerScoped: 200, officer: 200, admin: 200 }),
  },
  {
    operation: 'POST /api/farmers/:id/poverty-verification outside the jurisdiction',
    request: (f) => ({ method: 'POST', path: `/api/farmers/${f.outsideClaimantId}/poverty-verification`, body: { decision: 'rejected', note: 'x' } }),
    expect: only({ officerScoped: 404, officer: 200, admin: 200 }),
  },
  // regions and programmes
  { operation: 'GET /api/regions', request: () => ({ method: 'GET', path: '/api/regions?level=province' }), expect: all(200) },
  { operation: 'GET /api/regions/:code', request: () => ({ method: 'GET', path: '/api/regions/520322' }), expect: all(200) },
  { operation: 'POST /api/programmes', request: () => ({ method: 'POST', path: '/api/programmes', body: { name: 'p', startDate: '2026-01-01' } }), expect: only({ admin: 201 }) },
  { operation: 'GET /api/programmes', request: () => ({ method: 'GET', path: '/api/programmes' }), expect: only({ officerScoped: 200, officer: 200, admin: 200 }) },
  { operation: 'GET /api/programmes/:id', request: (f) => ({ method: 'GET', path: `/api/programmes/${f.programmeId}` }), expect: only({ officerScoped: 200, officer: 200, admin: 200 }) },
  { operation: 'PATCH /api/programmes/:id', request: (f) => ({ method: 'PATCH', path: `/api/programmes/${f.programmeId}`, body: { name: '改名' } }), expect: only({ admin: 200 }) },
  { operation: 'DELETE /api/programmes/:id', request: (f) => ({ method: 'DELETE', path: `/api/programmes/${f.programmeId}` }), expect: only({ admin: 204 }) },
  {
    operation: 'PUT /api/programmes/:id/counties',
    request: (f) => ({ method: 'PUT', path: `/api/programmes/${f.programmeId}/counties`, body: { countyCodes: ['520322'] } }),
    expect: only({ admin: 200 }),
  },
  // cooperatives
  { operation: 'POST /api/cooperatives', request: () => ({ method: 'POST', path: '/api/cooperatives', body: { name: '新合作社', countyCode: '520322' } }), expect: only({ farmer: 201, otherFarmer: 201 }) },
  { operation: 'GET /api/cooperatives', request: () => ({ method: 'GET', path: '/api/cooperatives' }), expect: all(200) },
  { operation: 'GET /api/cooperatives/mine', request: () => ({ method: 'GET', path: '/api/cooperatives/mine' }), expect: only({ farmer: 200, otherFarmer: 200 }) },
  { operation: 'GET /api/cooperatives/:id', request: (f) => ({ method: 'GET', path: `/api/cooperatives/${f.cooperativeId}` }), expect: all(200) },
  {
    operation: 'GET /api/cooperatives/:id/members',
    request: (f) => ({ method: 'GET', path: `/api/cooperatives/${f.cooperativeId}/members` }),
    expect: only({ farmer: 200, officerScoped: 200, officer: 200, admin: 200 }),
  },
  {
    operation: 'GET /api/cooperatives/:id/members outside the jurisdiction',
    request: (f) => ({ method: 'GET', path: `/api/cooperatives/${f.outsideCooperativeId}/members` }),
    expect: only({ officerScoped: 404, officer: 200, admin: 200 }),
  },
  {
    operation: 'POST /api/cooperatives/:id/members',
    request: (f) => ({ method: 'POST', path: `/api/cooperatives/${f.cooperativeId}/members`, body: { farmerId: f.freeFarmerId } }),
    expect: only({ farmer: 201 }),
  },
  {
    operation: 'DELETE /api/cooperatives/:id/members/:farmerId',
    request: (f) => ({ method: 'DELETE', path: `/api/cooperatives/${f.cooperativeId}/members/${f.otherFarmerId}` }),
    expect: only({ farmer: 204 }),
  },
  // listings
  { operation: 'POST /api/listings', request: () => ({ method: 'POST', path: '/api/listings', body: newListing }), expect: only({ farmer: 201, otherFarmer: 201 }) },
  { operation: 'GET /api/listings', request: () => ({ method: 'GET', path: '/api/listings' }), expect: all(200) },
  { operation: 'GET /api/listings/mine', request: () => ({ method: 'GET', path: '/api/listings/mine' }), expect: only({ farmer: 200, otherFarmer: 200 }) },
  { operation: 'GET /api/listings/:id', request: (f) => ({ method: 'GET', path: `/api/listings/${f.listingId}` }), expect: all(200) },
  { operation: 'PATCH /api/listings/:id', request: (f) => ({ method: 'PATCH', path: `/api/listings/${f.listingId}`, body: { stock: 7 } }), expect: only({ farmer: 200 }) },
  {
    operation: 'PATCH /api/listings/:id (cooperative listing)',
    request: (f) => ({ method: 'PATCH', path: `/api/listings/${f.coopListingId}`, body: { stock: 7 } }),
    expect: only({ farmer: 200, otherFarmer: 200 }),
  },
  { operation: 'DELETE /api/listings/:id', request: (f) => ({ method: 'DELETE', path: `/api/listings/${f.listingId}` }), expect: only({ farmer: 204 }) },
  // checkout and orders
  {
    operation: 'POST /api/checkouts',
    request: (f) => ({ method: 'POST', path: '/api/checkouts', headers: { 'Idempotency-Key': `${Math.random()}` }, body: { items: [{ listingId: f.listingId, quantity: 1 }], shippingAddress: address } }),
    expect: only({ buyer: 201, otherBuyer: 201 }),
  },
  { operation: 'GET /api/orders', request: () => ({ method: 'GET', path: '/api/orders' }), expect: signedIn(200) },
  {
    operation: 'GET /api/orders/:id',
    request: (f) => ({ method: 'GET', path: `/api/orders/${f.orderId}` }),
    expect: signedIn(200, { otherBuyer: 404, otherFarmer: 404 }),
  },
  {
    operation: 'GET /api/orders/:id outside the jurisdiction',
    request: (f) => ({ method: 'GET', path: `/api/orders/${f.outsideOrderId}` }),
    expect: signedIn(200, { otherBuyer: 404, farmer: 404, otherFarmer: 404, officerScoped: 404 }),
  },
  {
    operation: 'POST /api/orders/:id/cancel',
    request: (f) => ({ method: 'POST', path: `/api/orders/${f.orderId}/cancel`, body: {} }),
    expect: only({ buyer: 200, otherBuyer: 404, farmer: 200, otherFarmer: 404, admin: 200 }),
  },
  {
    operation: 'POST /api/orders/:id/ship',
    orderState: 'paid',
    request: (f) => ({ method: 'POST', path: `/api/orders/${f.orderId}/ship`, body: { carrier: 'EMS' } }),
    expect: only({ farmer: 200, otherFarmer: 404 }),
  },
  {
    operation: 'POST /api/orders/:id/deliver',
    orderState: 'shipped',
    request: (f) => ({ method: 'POST', path: `/api/orders/${f.orderId}/deliver` }),
    expect: only({ buyer: 200, otherBuyer: 404 }),
  },
  {
    operation: 'POST /api/orders/:id/refunds',
    orderState: 'paid',
    request: (f) => ({ method: 'POST', path: `/api/orders/${f.orderId}/refunds`, body: { amountCents: 1, reason: 'bruised' } }),
    expect: only({ farmer: 201, otherFarmer: 404, admin: 201 }),
  },
  // payments, the seller ledger and reconciliation
  // shipping rates (#15 item 4): a farmer's own, or a cooperative's by its manager only; quotes for buyers
  { operation: 'GET /api/sellers/me/shipping-rates', request: () => ({ method: 'GET', path: '/api/sellers/me/shipping-rates' }), expect: only({ farmer: 200, otherFarmer: 200 }) },
  {
    operation: 'PUT /api/sellers/me/shipping-rates?cooperativeId=',
    request: (f) => ({ method: 'PUT', path: `/api/sellers/me/shipping-rates?cooperativeId=${f.cooperativeId}`, body: { rates: [{ provinceCode: '*', baseCents: 0, perKgCents: 0 }] } }),
    expect: only({ farmer: 200 }),
  },
  {
    operation: 'POST /api/checkouts/quote',
    request: (f) => ({ method: 'POST', path: '/api/checkouts/quote', body: { items: [{ listingId: f.listingId, quantity: 1 }], shippingAddress: { countyCode: '110105' } } }),
    expect: only({ buyer: 200, otherBuyer: 200 }),
  },
  { operation: 'GET /api/sellers/me/ledger', request: () => ({ method: 'GET', path: '/api/sellers/me/ledger' }), expect: only({ farmer: 200, otherFarmer: 200 }) },
  { operation: 'GET /api/sellers/me/balance', request: () => ({ method: 'GET', path: '/api/sellers/me/balance' }), expect: only({ farmer: 200, otherFarmer: 200 }) },
  {
    operation: 'GET /api/admin/reconciliation',
    request: () => ({ method: 'GET', path: '/api/admin/reconciliation?from=2026-01-01&to=2026-12-31' }),
    expect: only({ admin: 200 }),
  },
  // trust: moderation and the audit trail (admins only)
  { operation: 'GET /api/admin/users', request: () => ({ method: 'GET', path: '/api/admin/users?q=farmlink' }), expect: only({ admin: 200 }) },
  {
    operation: 'POST /api/admin/users/:id/suspend',
    request: (f) => ({ method: 'POST', path: `/api/admin/users/${f.freeFarmerId}/suspend`, body: { reason: 'matrix' } }),
    expect: only({ admin: 200 }),
  },
  {
    operation: 'POST /api/admin/users/:id/reinstate (not suspended)',
    request: (f) => ({ method: 'POST', path: `/api/admin/users/${f.freeFarmerId}/reinstate`, body: {} }),
    expect: only({ admin: 409 }),
  },
  {
    operation: 'POST /api/admin/listings/:id/takedown',
    request: (f) => ({ method: 'POST', path: `/api/admin/listings/${f.listingId}/takedown`, body: { reason: 'matrix' } }),
    expect: only({ admin: 200 }),
  },
  { operation: 'GET /api/admin/audit', request: () => ({ method: 'GET', path: '/api/admin/audit?pageSize=5' }), expect: only({ admin: 200 }) },
  {
    operation: 'POST /api/payments/stripe/webhook (Stripe not configured)',
    request: () => ({ method: 'POST', path: '/api/payments/stripe/webhook', body: { id: 'evt_1', type: 'payment_intent.succeeded' } }),
    expect: all(404),
  },
  // reports
  {
    operation: 'GET /api/reports/sales',
    request: () => ({ method: 'GET', path: '/api/reports/sales?from=2026-01-01&to=2026-12-31&groupBy=county' }),
    expect: only({ officerScoped: 200, officer: 200, admin: 200 }),
  },
  {
    operation: 'GET /api/reports/sales outside the jurisdiction',
    request: () => ({ method: 'GET', path: '/api/reports/sales?from=2026-01-01&to=2026-12-31&groupBy=county&regionCode=410000' }),
    expect: only({ officer: 200, admin: 200 }),
  },
  {
    operation: 'GET /api/reports/programmes/:id/summary',
    request: (f) => ({ method: 'GET', path: `/api/reports/programmes/${f.programmeId}/summary?year=2026` }),
    expect: only({ officerScoped: 200, officer: 200, admin: 200 }),
  },
  { operation: 'GET /api/payments/:id', request: (f) => ({ method: 'GET', path: `/api/payments/${f.paymentId}` }), expect: only({ buyer: 200, otherBuyer: 404 }) },
  {
    operation: 'POST /api/payments/:id/simulate',
    request: (f) => ({ method: 'POST', path: `/api/payments/${f.paymentId}/simulate`, body: { outcome: 'succeeded' } }),
    expect: only({ buyer: 200, otherBuyer: 404 }),
  },
];
