import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Endpoint, type AuthUser } from '@farmlink/common';
import { PutShippingRatesDto, ShippingRatesDto, ShippingRatesQueryDto } from './dto/shipping.dto';
import { ShippingService } from './shipping.service';

@ApiTags('shipping')
@Controller('sellers/me/shipping-rates')
export class ShippingRatesController {
  constructor(private readonly shipping: ShippingService) {}

  @Get()
  @Endpoint({
    summary: "A seller's shipping rates: the calling farmer's, or (?cooperativeId=) a cooperative's they manage",
    access: ['farmer'],
    ok: { type: ShippingRatesDto },
    errors: { 403: 'Not the manager of that cooperative', 404: 'Unknown cooperative' },
  })
  get(@CurrentUser() user: AuthUser, @Query() query: ShippingRatesQueryDto): Promise<ShippingRatesDto> {
    return this.shipping.get(user, query.cooperativeId);
  }

  @Put()
  @Endpoint({
    summary: "Replace a seller's shipping rates (by destination province, '*' for the rest; an empty list: free shipping)",
    access: ['farmer'],
    ok: { type: ShippingRatesDto },
    errors: { 400: "Not a first-level region (province) of the seller's market, duplicate provinces, or amounts outside 0..100,000,000 minor units", 403: 'Not the manager of that cooperative', 404: 'Unknown cooperative' },
  })
  put(@CurrentUser() user: AuthUser, @Query() query: ShippingRatesQueryDto, @Body() body: PutShippingRatesDto): Promise<ShippingRatesDto> {
    return this.shipping.put(user, query.cooperativeId, body);
  }
}
