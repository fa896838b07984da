import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Endpoint, type AuthUser } from '@farmlink/common';
import type { Page } from '@farmlink/shared';
import { CheckoutService } from './checkout.service';
import { CheckoutDto, CreateCheckoutDto } from './dto/checkout.dto';
import { CancelOrderDto, CreateRefundDto, OrderDto, OrderExportQueryDto, OrderPageDto, OrderQueryDto, RefundDto, ShipOrderDto } from './dto/order.dto';
import { OrdersService } from './orders.service';
import { CheckoutQuoteDto, QuoteCheckoutDto } from './dto/shipping.dto';

@ApiTags('checkout')
@ApiBearerAuth()
@Controller('checkouts')
export class CheckoutsController {
  constructor(private readonly checkouts: CheckoutService) {}

  @Post()
  @Endpoint({
    summary: 'Check out a cart (one order per seller of record, one payment, stock taken at once)',
    description:
      'Requires an Idempotency-Key header: the same key and body again return the same answer and create nothing; ' +
      'the same key with another body is 422. 409 names the listings short of stock, and nothing is taken.',
    access: ['buyer'],
    created: { type: CheckoutDto },
    errors: { 409: '`{ listingIds }` short of stock, or the buyer already holds MAX_UNPAID_CHECKOUTS unpaid checkouts (`{ maxUnpaidCheckouts }`)', 422: 'Listing paused/archived, key reused with another body, or an order total over 99,999,999 fen (`{ totalCents, maxTotalCents }`)' },
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A unique value per checkout attempt, e.g. a UUID' })
  checkout(
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CreateCheckoutDto,
  ): Promise<CheckoutDto> {
    return this.checkouts.checkout(user.id, idempotencyKey, body);
  }

  @Post('quote')
  @HttpCode(200)
  @Endpoint({
    summary: 'What a checkout of this cart to this address would charge, per seller of record: goods, shipping, total',
    description: 'The same computation as POST /api/checkouts (which charges its own, current figures); nothing is taken or stored.',
    access: ['buyer'],
    ok: { type: CheckoutQuoteDto },
    errors: { 400: 'Not a known county', 404: 'Unknown listings', 422: 'A listing is paused or archived' },
  })
  quote(@Body() body: QuoteCheckoutDto): Promise<CheckoutQuoteDto> {
    return this.checkouts.quote(body);
  }
}

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  @Endpoint({
    summary: "Orders the caller may see: a buyer's own, a seller's sales (incl. cooperatives they manage), all for officers/admins",
    description:
      'Filters (status, from/to local dates in REPORT_TIME_ZONE, buyer name, listingId, q = order number) only narrow what the caller may see. ' +
      'Newest first.',
    ok: { type: OrderPageDto },
    errors: { 400: 'A bad filter: a date that is not YYYY-MM-DD, from after to, a q that cannot be an order number' },
  })
  list(@CurrentUser() user: AuthUser, @Query() query: OrderQueryDto): Promise<Page<OrderDto>> {
    return this.orders.list(user, query);
  }

  @Get('export')
  @Endpoint({
    summary: "Seller: their own sales under the list's filters as CSV or XLSX (headers in lang, money in yuan, formula-safe cells)",
    access: ['farmer'],
    ok: {
      description: 'A CSV (UTF-8 with BOM) or XLSX file, one order a row, newest first',
      content: {
        'text/csv': { schema: { type: 'string' } },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      },
    },
    errors: { 400: 'A bad filter or format', 403: 'Not a seller', 422: 'More than 5000 orders (`{ maxOrders }`): narrow the dates' },
  })
  async export(@CurrentUser() user: AuthUser, @Query() query: OrderExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Buffer> {
    const file = await this.orders.export(user, query);
    reply.header('Content-Type', file.contentType).header('Content-Disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }

  @Get(':id')
  @Endpoint({ summary: 'One order with its lines and history', ok: { type: OrderDto }, errors: { 404: 'Unknown, or not yours to see' } })
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<OrderDto> {
    return this.orders.get(user, id);
  }

  @Post(':id/cancel')
  @Endpoint({
    summary: 'Cancel before shipping (buyer or seller): stock comes back, a paid order is refunded',
    access: ['buyer', 'farmer', 'admin'],
    ok: { type: OrderDto },
    errors: { 409: 'Already shipped, delivered or cancelled' },
  })
  @HttpCode(200)
  cancel(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CancelOrderDto): Promise<OrderDto> {
    return this.orders.cancel(user, id, body?.reason);
  }

  @Post(':id/ship')
  @Endpoint({ summary: 'Seller: mark a paid order shipped, with carrier and tracking number', access: ['farmer'], ok: { type: OrderDto } })
  @HttpCode(200)
  ship(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ShipOrderDto): Promise<OrderDto> {
    return this.orders.ship(user, id, body);
  }

  @Post(':id/deliver')
  @Endpoint({ summary: 'Buyer: confirm a shipped order arrived', access: ['buyer'], ok: { type: OrderDto } })
  @HttpCode(200)
  deliver(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<OrderDto> {
    return this.orders.deliver(user, id);
  }

  @Post(':id/refunds')
  @Endpoint({
    summary: 'Seller or admin: refund part or all of a paid order (the sum never above the total)',
    access: ['farmer', 'admin'],
    created: { type: RefundDto },
    errors: { 422: 'More than is left to refund, or the order was never paid' },
  })
  refund(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateRefundDto): Promise<RefundDto> {
    return this.orders.refund(user, id, body);
  }
}
