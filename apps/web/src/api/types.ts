/**
 * The HTTP contract's types under the names the pages use. Every one comes from
 * ./schema.gen.ts, which is generated from the API's OpenAPI document
 * (`npm run api:types`; test/openapi-types.e2e-spec.ts fails when it is stale),
 * so a field the API renames or drops breaks `npm run typecheck` here.
 * Money is integer minor units (fen) in fields ending Cents.
 */
import type { components, operations } from './schema.gen';

type Schemas = components['schemas'];
type QueryOf<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;

export type Id = string;

// Named enums
export type Category = Schemas['Category'];
export type Role = Schemas['Role'];
export type RegionLevel = Schemas['RegionLevel'];
export type ListingStatus = Schemas['ListingStatus'];
export type OrderStatus = Schemas['OrderStatus'];
export type ReportGroupBy = Schemas['ReportGroupBy'];
export type LedgerEntryKind = Schemas['LedgerEntryKind'];

export type StockChange = Schemas['StockChangeDto'];
export type ImportResult = Schemas['ImportResultDto'];
export type ImportRow = Schemas['ImportRowDto'];

/** `{ items, total, page, pageSize }`: every page the API answers has this shape. */
export type Page<T> = Omit<Schemas['OrderPageDto'], 'items'> & { items: T[] };

// Identity
export type User = Schemas['UserDto'];
export type AuthResult = Schemas['AuthResultDto'];
export type RegisterBody = Schemas['RegisterDto'];
export type CreateStaffBody = Schemas['CreateStaffUserDto'];
export type UpdateMeBody = Schemas['UpdateMeDto'];
export type Address = Schemas['AddressDto'];
export type AddressBody = Schemas['CreateAddressDto'];
export type AddressUpdate = Schemas['UpdateAddressDto'];

// Markets, regions and programmes
/** GET /api/markets: a market this deployment serves (cn, the default, first). */
export type Market = Schemas['MarketDto'];
export type Region = Schemas['RegionDto'];
export type RegionWithParents = Schemas['RegionWithParentsDto'];
export type RegionQuery = QueryOf<'RegionsController_list'>;
export type Programme = Schemas['ProgrammeDto'];
export type ProgrammeBody = Schemas['CreateProgrammeDto'];
export type ProgrammeDetail = Schemas['ProgrammeDetailDto'];
export type EnrolledCounty = Schemas['EnrolledCountyDto'];
export type ProgrammeUpdate = Schemas['UpdateProgrammeDto'];
export type EnrolResult = Schemas['EnrolResultDto'];

// Cooperatives
export type Cooperative = Schemas['CooperativeDto'];
export type CooperativeBody = Schemas['CreateCooperativeDto'];
export type Membership = Schemas['MemberDto'];
/** GET /api/cooperatives/:id/candidates: a farmer the manager may add. */
export type Candidate = Schemas['CandidateDto'];

// Listings
export type Photo = Schemas['PhotoDto'];
export type Listing = Schemas['ListingDto'];
export type Farm = Schemas['FarmDto'];
export type ListingBody = Schemas['CreateListingDto'];
export type ListingUpdate = Schemas['UpdateListingDto'];
export type ListingQuery = QueryOf<'ListingsController_search'>;

// Checkout, orders, payments
export type ShippingAddress = Schemas['ShippingAddressDto'];
export type OrderLine = Schemas['OrderLineDto'];
export type Order = Schemas['OrderDto'];
export type OrderQuery = QueryOf<'OrdersController_list'>;
export type ShipBody = Schemas['ShipOrderDto'];
export type Payment = Schemas['PaymentDto'];
export type PaymentOutcome = Schemas['PaymentOutcome'];
export type Checkout = Schemas['CheckoutDto'];
export type CheckoutBody = Schemas['CreateCheckoutDto'];
export type CheckoutQuote = Schemas['CheckoutQuoteDto'];
export type QuoteBody = Schemas['QuoteCheckoutDto'];
export type ShippingRate = Schemas['ShippingRateViewDto'];
export type ShippingRates = Schemas['ShippingRatesDto'];
export type ShippingRateBody = Schemas['ShippingRateDto'];
export type LedgerEntry = Schemas['LedgerEntryDto'];
/** GET /api/sellers/me/ledger: newest entries first, and the balance. */
export type Ledger = Schemas['LedgerPageDto'];

// Reports
export type SalesRow = Schemas['SalesRowDto'];
export type SalesReport = Schemas['SalesReportDto'];
/** The sales report's filters; the format is chosen by the call (JSON, or a CSV/XLSX download). */
export type SalesQuery = Omit<QueryOf<'ReportsController_sales'>, 'format' | 'groupBy' | 'lang' | 'raw'> & { groupBy: ReportGroupBy };

// Admin: accounts and the audit trail
/** A user in the admin's list (GET /api/admin/users). */
export type AdminUser = Schemas['AdminUserDto'];
/** One entry of the audit trail (GET /api/admin/audit). */
export type AuditEntry = Schemas['AuditEntryDto'];
export type AuditQuery = QueryOf<'AuditController_list'>;
