import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@farmlink/common';
import { SELLER_TYPES, type SellerType } from '@farmlink/shared';

export class LedgerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SELLER_TYPES, description: 'With sellerId: only this seller (yourself or a cooperative you manage)' })
  @IsOptional()
  @IsIn(SELLER_TYPES, { message: 'sellerType must be farmer or cooperative' })
  sellerType?: SellerType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'sellerId must be a UUID' })
  sellerId?: string;
}

export class LedgerEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['farmer', 'cooperative'] }) sellerType: string;
  @ApiProperty({ format: 'uuid' }) sellerId: string;
  @ApiProperty({ enum: ['sale', 'fee', 'refund', 'fee_refund'], description: 'sale: credit when the order is paid; fee: platform fee debited; refund: debit; fee_refund: the fee share given back on a refund' })
  kind: string;
  @ApiProperty({ description: 'Signed minor units: credits positive, debits negative' }) amountCents: number;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ format: 'uuid' }) paymentId: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) refundId: string | null;
  @ApiProperty() createdAt: Date;
}

export class SellerBalanceDto {
  @ApiProperty({ enum: ['farmer', 'cooperative'] }) sellerType: string;
  @ApiProperty({ format: 'uuid' }) sellerId: string;
  @ApiProperty() balanceCents: number;
}

export class LedgerPageDto {
  @ApiProperty({ type: [LedgerEntryDto], description: 'Newest first' }) items: LedgerEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'Sum of every entry of the sellers shown' }) balanceCents: number;
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
  @ApiProperty({ example: '2026-01-01', description: 'First calendar date (REPORT_TIME_ZONE), inclusive' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: '2026-01-31', description: 'Last calendar date (REPORT_TIME_ZONE), inclusive' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date YYYY-MM-DD' })
  to: string;
}

export class ReconciliationMismatchDto {
  @ApiProperty({
    description:
      'payment_vs_orders_total, payment_net_vs_orders, refunds_vs_order, refund_failed, order_paid_without_payment, order_not_paid, ' +
      'money_kept_for_cancelled_order, ledger_sale, ledger_refunds, ledger_fee, ledger_seller, ledger_for_unpaid_order',
  })
  check: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) paymentId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) orderId: string | null;
  @ApiProperty() expectedCents: number;
  @ApiProperty() actualCents: number;
  @ApiProperty() message: string;
}

export class ReconciliationReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() timeZone: string;
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
