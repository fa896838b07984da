import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class SimulatePaymentDto {
  @ApiProperty({ enum: ['succeeded', 'failed'], enumName: 'PaymentOutcome' })
  @IsIn(['succeeded', 'failed'], { message: 'outcome must be succeeded or failed' })
  outcome: 'succeeded' | 'failed';
}

export class PaymentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['simulated', 'stripe'], enumName: 'PaymentProvider' }) provider: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed', 'cancelled'], enumName: 'PaymentStatus' }) status: string;
  @ApiProperty() amountCents: number;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ required: false, description: 'Stripe PaymentIntent client secret, for the Payment Element' }) clientSecret?: string;
}
