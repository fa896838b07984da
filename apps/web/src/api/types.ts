/**
 * The HTTP contract (../shared/api-contract.md, live at /api/docs-json) as
 * TypeScript types. Money is integer minor units (fen) in fields ending Cents.
 */
import type { Category, Role } from '@farmlink/shared';

export type { Category, Role };
export type Id = string;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface User {
  id: Id;
  email: string;
  displayName: string;
  role: Role;
  phone?: string | null;
  countyCode?: string | null;
  village?: string | null;
  povertyRegistered?: boolean;
  jurisdictionCode?: string | null;
  createdAt?: string;
}

export interface AuthResult {
  user: User;
  accessToken: string;
}

export interface RegisterBody {
  email: string;
  password: string;
  displayName: string;
  role: 'buyer' | 'farmer';
  phone?: string;
  countyCode?: string;
  village?: string;
  povertyRegistered?: boolean;
}

export interface CreateStaffBody {
  email: string;
  password: string;
  displayName: string;
  role: 'officer' | 'admin';
  jurisdictionCode?: string;
}

export type RegionLevel = 'province' | 'prefecture' | 'county';
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}
export interface RegionWithParents extends Region {
  parents: Region[];
}

export interface Programme {
  id: Id;
  name: string;
  startDate: string;
  endDate: string | null;
  countyCount?: number;
  createdAt?: string;
}

export interface Cooperative {
  id: Id;
  name: string;
  countyCode: string;
  registrationNo?: string | null;
  managerId?: Id;
  memberCount?: number;
  createdAt?: string;
}

export interface Membership {
  cooperativeId?: Id;
  farmerId: Id;
  displayName?: string;
  email?: string;
  role?: string;
  joinedAt?: string;
  createdAt?: string;
}

export interface Photo {
  id?: Id;
  url: string;
  width?: number;
  height?: number;
  position?: number;
  /** The smallest size, for lists. */
  thumbnailUrl?: string;
  /** Every size, smallest first (for srcset). */
  sizes?: { url: string; width: number }[];
}

/** `removed`: taken down by an admin (only its farmer sees it, with `removalReason`); `suspended`: hidden while its farmer is suspended. */
export type ListingStatus = 'active' | 'paused' | 'archived' | 'removed' | 'suspended';

export interface Listing {
  id: Id;
  title: string;
  description: string | null;
  category: Category;
  unit: string;
  netWeightGrams: number;
  priceCents: number;
  currency: string;
  unitPriceCentsPerKg: number;
  stock: number;
  harvestDate: string | null;
  status: ListingStatus;
  farmerId: Id;
  cooperativeId: Id | null;
  countyCode: string;
  photos: Photo[];
  createdAt: string;
  updatedAt: string;
  farmerName?: string;
  cooperativeName?: string | null;
  countyName?: string;
  /** Why an admin took it down (status `removed`). */
  removalReason?: string | null;
}

export interface ListingBody {
  title: string;
  description?: string;
  category: Category;
  unit: string;
  netWeightGrams: number;
  priceCents: number;
  stock: number;
  harvestDate?: string;
  cooperativeId?: Id;
}

export interface ListingQuery {
  q?: string;
  category?: string;
  countyCode?: string;
  regionCode?: string;
  farmerId?: string;
  cooperativeId?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  inStock?: boolean;
  sort?: 'newest' | 'price_asc' | 'price_desc';
  page?: number;
  pageSize?: number;
}

export interface ShippingAddress {
  name: string;
  phone: string;
  countyCode: string;
  line1: string;
}

export type OrderStatus = 'pending_payment' | 'paid' | 'shipped' | 'delivered' | 'cancelled';

export interface OrderLine {
  listingId: Id;
  title: string;
  unit?: string;
  producerCountyCode?: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
}

export interface Order {
  id: Id;
  checkoutId: Id;
  status: OrderStatus;
  sellerType: 'farmer' | 'cooperative';
  sellerId: Id;
  sellerName?: string;
  buyerId?: Id;
  countyCode: string;
  lines: OrderLine[];
  totalCents: number;
  refundedCents: number;
  currency?: string;
  placedAt: string;
  paidAt?: string | null;
  shippedAt?: string | null;
  deliveredAt?: string | null;
  cancelledAt?: string | null;
  carrier?: string | null;
  trackingNo?: string | null;
  shippingAddress?: ShippingAddress;
  paymentId?: Id;
}

export interface Payment {
  id: Id;
  provider: 'simulated' | 'stripe';
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  amountCents?: number;
  currency?: string;
  clientSecret?: string;
}

export interface Checkout {
  id: Id;
  orders: Order[];
  totalCents: number;
  currency: string;
  payment: Payment;
}

export interface CheckoutBody {
  items: { listingId: Id; quantity: number }[];
  shippingAddress: ShippingAddress;
}

export interface LedgerEntry {
  id: Id;
  kind: 'sale' | 'fee' | 'refund' | 'fee_refund';
  amountCents: number;
  currency: string;
  orderId: Id;
  createdAt: string;
}

/** GET /api/sellers/me/ledger: newest entries first, and the balance. */
export interface Ledger extends Page<LedgerEntry> {
  balanceCents: number;
  currency: string;
}

export type ReportGroupBy = 'county' | 'prefecture' | 'province' | 'month' | 'category';

export interface SalesRow {
  key: string;
  name: string;
  orders: number;
  grossSalesCents: number;
  refundsCents: number;
  netSalesCents: number;
  units: number;
  weightKg: number;
  buyers: number;
  sellers: number;
  producers: number;
  povertyHouseholdSalesCents: number;
  povertyHouseholds: number;
  previousYearNetSalesCents: number;
  growthPct: number | null;
}

export interface SalesReport {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  rows: SalesRow[];
  totals: Omit<SalesRow, 'key' | 'name'> & Partial<Pick<SalesRow, 'key' | 'name'>>;
}

export interface SalesQuery {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  regionCode?: string;
  programmeId?: string;
}

/** A user in the admin's list (GET /api/admin/users). */
export interface AdminUser {
  id: Id;
  email: string;
  displayName: string;
  role: Role;
  countyCode: string | null;
  jurisdictionCode: string | null;
  suspendedAt: string | null;
  suspensionReason: string | null;
  createdAt: string;
}

/** One entry of the audit trail (GET /api/admin/audit). */
export interface AuditEntry {
  id: Id;
  at: string;
  actorId: Id | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
}

export interface AuditQuery {
  action?: string;
  actorId?: string;
  targetId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}
