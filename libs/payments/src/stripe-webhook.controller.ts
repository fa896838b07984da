import { Controller, Headers, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { Endpoint } from '@farmlink/common';
import { WebhookAckDto } from './dto/ledger.dto';
import { StripeWebhookService, WebhookResult } from './stripe-webhook.service';


@ApiTags('payments')
@Controller('payments/stripe')
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhookService) {}

  /** Public (Stripe has no JWT) and never rate limited: the signature is the authentication. */
  @Post('webhook')
  @Endpoint({
    summary: "Stripe's webhook endpoint",
    description:
      'Verifies Stripe-Signature over the raw body with STRIPE_WEBHOOK_SECRET (400 otherwise, nothing changed), records the event id ' +
      'and acts on it once, in one transaction: payment_intent.succeeded / payment_failed / canceled, charge.refunded, refund.created / updated. ' +
      'Redeliveries answer 200 with processed: false. 404 when Stripe is not configured.',
    access: 'public',
    ok: { type: WebhookAckDto },
    errors: { 400: 'Bad or missing signature, tampered body, or a timestamp outside the tolerance' },
  })
  @SkipThrottle()
  @HttpCode(200)
  @ApiHeader({ name: 'Stripe-Signature', required: true })
  receive(@Req() req: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature: string | undefined): Promise<WebhookResult> {
    return this.webhooks.receive(req.rawBody, signature);
  }
}
