import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EnumField } from '@farmlink/common';

export class SimulatePaymentDto {
  @EnumField(['succeeded', 'failed'], { message: 'outcome must be succeeded or failed' }, { enumName: 'PaymentOutcome' })
  outcome: 'succeeded' | 'failed';
}

export class PaymentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The checkout it pays for: GET /api/orders?checkoutId= lists its orders' }) checkoutId?: string;
  @ApiProperty({ enum: ['simulated', 'stripe'], enumName: 'PaymentProvider' }) provider: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed', 'cancelled'], enumName: 'PaymentStatus' }) status: string;
  @ApiProperty() amountCents: number;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ required: false, description: 'Stripe PaymentIntent client secret, for the Payment Element' }) clientSecret?: string;
}
