import { Foundation1780000000000 } from './1780000000000-foundation';
import { SeedRegions1780000000001 } from './1780000000001-seed-regions';
import { Catalog1780000000002 } from './1780000000002-catalog';
import { OrdersPayments1780000000003 } from './1780000000003-orders-payments';
import { ListingSearchIndexes1780000000020 } from './1780000000020-listing-search-indexes';
import { Ledger1780000000040 } from './1780000000040-ledger';
import { Reports1780000000050 } from './1780000000050-reports';
import { ReportRollupsStatementTrigger1780000000051 } from './1780000000051-report-rollups-statement-trigger';
import { ReportPeriodRollups1780000000052 } from './1780000000052-report-period-rollups';
import { UnpaidCheckoutsIndex1780000000060 } from './1780000000060-unpaid-checkouts-index';
import { TrustAccounts1780000000061 } from './1780000000061-trust-accounts';
import { PovertyVerification1780000000062 } from './1780000000062-poverty-verification';
import { ListingCooperativeMembership1780000000063 } from './1780000000063-listing-cooperative-membership';
import { ReportAggregator1780000000064 } from './1780000000064-report-aggregator';
import { CheckoutAnswers1780000000065 } from './1780000000065-checkout-answers';
import { RateLimitCounters1780000000067 } from './1780000000067-rate-limit-counters';
import { LedgerSellerDateIndex1780000000072 } from './1780000000072-ledger-seller-date-index';
import { Accounts1780000000074 } from './1780000000074-accounts';
import { Outbox1780000000075 } from './1780000000075-outbox';
import { OrderNumbers1780000000077 } from './1780000000077-order-numbers';
import { ShippingRates1780000000079 } from './1780000000079-shipping-rates';
import { ReportRefundsWithoutShipping1780000000080 } from './1780000000080-report-refunds-without-shipping';
import { ListingStockChanges1780000000081 } from './1780000000081-listing-stock-changes';
import { PaymentPathStatistics1780000000082 } from './1780000000082-payment-path-statistics';
import { UnpaidCheckoutLockFunction1780000000083 } from './1780000000083-unpaid-checkout-lock-function';
import { Markets1780000000090 } from './1780000000090-markets';
import { Slugs1780000000100 } from './1780000000100-slugs';
import { OutboxJobQueue1780000000110 } from './1780000000110-outbox-job-queue';
import { ListingSku1780000000111 } from './1780000000111-listing-sku';
import { OutboxRelay1780000000112 } from './1780000000112-outbox-relay';
import { SlugsForCommonNames1780000000113 } from './1780000000113-slugs-for-common-names';
import { OrderMailQueue1780000000114 } from './1780000000114-order-mail-queue';
import { AddressPhonesPerMarket1780000000115 } from './1780000000115-address-phones-per-market';
import { ShippingRatesPerMarket1780000000125 } from './1780000000125-shipping-rates-per-market';

/** Every migration, in order. Production, `npm start` and the tests run exactly these. */
export const migrations = [
  Foundation1780000000000, SeedRegions1780000000001, Catalog1780000000002, OrdersPayments1780000000003, ListingSearchIndexes1780000000020, Ledger1780000000040, Reports1780000000050,
  ReportRollupsStatementTrigger1780000000051, ReportPeriodRollups1780000000052,
  UnpaidCheckoutsIndex1780000000060,
  TrustAccounts1780000000061,
  PovertyVerification1780000000062,
  ListingCooperativeMembership1780000000063,
  ReportAggregator1780000000064,
  CheckoutAnswers1780000000065,
  RateLimitCounters1780000000067,
  LedgerSellerDateIndex1780000000072,
  Accounts1780000000074,
  Outbox1780000000075,
  OrderNumbers1780000000077,
  ShippingRates1780000000079,
  ReportRefundsWithoutShipping1780000000080,
  ListingStockChanges1780000000081,
  PaymentPathStatistics1780000000082,
  UnpaidCheckoutLockFunction1780000000083,
  Markets1780000000090,
  Slugs1780000000100,
  OutboxJobQueue1780000000110,
  ListingSku1780000000111,
  OutboxRelay1780000000112,
  SlugsForCommonNames1780000000113,
  OrderMailQueue1780000000114,
  AddressPhonesPerMarket1780000000115,
  ShippingRatesPerMarket1780000000125,
];
