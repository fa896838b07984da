import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Endpoint, type AuthUser } from '@farmlink/common';
import { BalanceDto, LedgerPageDto, LedgerQueryDto } from './dto/ledger.dto';
import { LedgerPage, LedgerService } from './ledger.service';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('sellers/me')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('ledger')
  @Endpoint({
    summary: "The caller's seller ledger: their own entries and those of cooperatives they manage, newest first, with the balance",
    description:
      'Append-only. A sale is credited when the order is paid and the platform fee (PLATFORM_FEE_BPS) debited; a refund is debited ' +
      'and the fee returned pro rata, so after any refunds the fee is exactly basisPoints(total - refunded). Integers (fen) only.',
    access: ['farmer'],
    ok: { type: LedgerPageDto },
  })
  page(@CurrentUser() user: AuthUser, @Query() query: LedgerQueryDto): Promise<LedgerPage> {
    return this.ledger.pageFor(user.id, query);
  }

  @Get('balance')
  @Endpoint({ summary: "The caller's balance: their own and that of each cooperative they manage", access: ['farmer'], ok: { type: BalanceDto } })
  async balance(@CurrentUser() user: AuthUser): Promise<BalanceDto> {
    const { balanceCents, currency, balances } = await this.ledger.pageFor(user.id, { page: 1, pageSize: 1 });
    return { balanceCents, currency, balances };
  }
}
