import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint } from '@farmlink/common';
import { MarketDto } from './dto/market.dto';
import { MarketsService } from './markets.service';

@ApiTags('markets')
@Controller('markets')
export class MarketsController {
  constructor(private readonly markets: MarketsService) {}

  @Get()
  @Endpoint({ summary: 'The markets this deployment serves (cn, the default, first)', access: 'public', ok: { type: [MarketDto] } })
  @Header('Cache-Control', 'public, max-age=60')
  async list(): Promise<MarketDto[]> {
    return (await this.markets.list()).map((m) => ({ code: m.code, country: m.country, currency: m.currency, timeZone: m.timeZone, locales: m.locales, levelNames: m.levelNames }));
  }
}
