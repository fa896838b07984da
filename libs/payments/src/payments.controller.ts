import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Endpoint, type AuthUser } from '@farmlink/common';
import { PaymentDto, SimulatePaymentDto } from './dto/simulate-payment.dto';
import { PaymentNotFoundError } from './payments.errors';
import { PaymentsService, PaymentSummary } from './payments.service';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get(':id')
  @Endpoint({ summary: "The buyer's payment (status, and the Stripe client secret while pending)", access: ['buyer'], ok: { type: PaymentDto } })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<PaymentSummary> {
    const payment = await this.payments.get(id);
    if (!payment || payment.buyerId !== user.id) throw new PaymentNotFoundError(id);
    return PaymentsService.summary(payment);
  }

  @Post(':id/simulate')
  @Endpoint({
    summary: 'Simulated provider only: settle the payment as succeeded or failed',
    description: 'Drives the same code path as a Stripe webhook. 404 when the payment is a Stripe one.',
    access: ['buyer'],
    ok: { type: PaymentDto },
    errors: { 404: '' },
  })
  @HttpCode(200)
  simulate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SimulatePaymentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PaymentSummary> {
    return this.payments.simulate(id, user.id, body.outcome);
  }
}
