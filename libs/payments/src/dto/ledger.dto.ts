import { ApiProperty } from '@nestjs/swagger';
import { DateField, EnumField, MarketCodeField, NullableUuid, PageDto, PageQueryDto, UuidField } from '@farmlink/common';
import { SELLER_TYPES, type SellerType } from '@farmlink/shared';

export class LedgerQueryDto extends PageQueryDto {
  @EnumField(
    SELLER_TYPES,
    { message: 'sellerType must be farmer or cooperative', optional: true },
    { enumName: 'SellerType', description: 'With sellerId: only this seller (yourself or a cooperative you manage)' },
  )
  sellerType?: SellerType;

  @UuidField({ name: 'sellerId', optional: true })
  sellerId?: string;
}

export class LedgerEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SELLER_TYPES, enumName: 'SellerType' }) sellerType: SellerType;
  @ApiProperty({ format: 'uuid' }) sellerId: string;
  @ApiProperty({ enum: ['sale', 'shipping', 'fee', 'refund', 'fee_refund'], enumName: 'LedgerEntryKind', description: 'sale: credit of the goods when the order is paid; shipping: credit of the order\'s shipping fee, apart from the goods; fee: platform fee debited; refund: debit; fee_refund: the fee share given back on a refund' })
  kind: string;
  @ApiProperty({ description: 'Signed minor units: credits positive, debits negative' }) amountCents: number;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ example: 'FL-7K3M9-Q', description: "The order's readable number" }) orderNo: string;
  @ApiProperty({ format: 'uuid' }) paymentId: string;
  @NullableUuid({ required: false }) refundId: string | null;
  @ApiProperty() createdAt: Date;
}

export class SellerBalanceDto {
  @ApiProperty({ enum: SELLER_TYPES, enumName: 'SellerType' }) sellerType: SellerType;
  @ApiProperty({ format: 'uuid' }) sellerId: string;
  @ApiProperty({ description: "In the page's `currency` (the seller's market's)" }) balanceCents: number;
}

export class LedgerPageDto extends PageDto(LedgerEntryDto, { description: 'Newest first' }) {
  @ApiProperty({ description: "Sum of every entry of the sellers shown in `currency` (the seller's market's)" }) balanceCents: number;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ type: [SellerBalanceDto], description: 'One balance per seller shown (you, and each cooperative you manage)' })
  balances: SellerBalanceDto[];
}

export class BalanceDto {
  @ApiProperty() balanceCents: number;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ type: [SellerBalanceDto] }) balances: SellerBalanceDto[];
}

export class ReconciliationQueryDto {
  @DateField({ name: 'from', calendar: false }, { example: '2026-01-01', description: 'First calendar date (REPORT_TIME_ZONE), inclusive' })
  from: string;

  @DateField({ name: 'to', calendar: false }, { example: '2026-01-31', description: 'Last calendar date (REPORT_TIME_ZONE), inclusive' })
  to: string;

  @MarketCodeField({ name: 'market', optional: true }, { description: 'The market (default cn): reconciliation covers its currency, on its dates', example: 'cn' })
  market?: string;
}

export class ReconciliationMismatchDto {
  @ApiProperty({
    description:
      'payment_vs_orders_total, payment_net_vs_orders, refunds_vs_order, refund_failed, order_paid_without_payment, order_not_paid, ' +
      'money_kept_for_cancelled_order, ledger_sale, ledger_refunds, ledger_fee, ledger_seller, ledger_for_unpaid_order',
  })
  check: string;
  @NullableUuid({ required: false }) paymentId: string | null;
  @NullableUuid({ required: false }) orderId: string | null;
  @ApiProperty() expectedCents: number;
  @ApiProperty() actualCents: number;
  @ApiProperty() message: string;
}

export class ReconciliationReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ example: 'cn' }) marketCode: string;
  @ApiProperty({ example: 'CNY', description: 'Every amount is in minor units of this currency' }) currency: string;
  @ApiProperty() paymentsSucceededCents: number;
  @ApiProperty() refundsCents: number;
  @ApiProperty() netCents: number;
  @ApiProperty() ordersNetCents: number;
  @ApiProperty() ledgerCents: number;
  @ApiProperty() feesCents: number;
  @ApiProperty() ordersChecked: number;
  @ApiProperty() paymentsChecked: number;
  @ApiProperty({ type: [ReconciliationMismatchDto], description: 'Empty in a healthy system' }) mismatches: ReconciliationMismatchDto[];
}

export class WebhookAckDto {
  @ApiProperty() received: boolean;
  @ApiProperty({ description: 'False when this event id was acted on before' }) processed: boolean;
  @ApiProperty() outcome: string;
}
