import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Endpoint } from '@farmlink/common';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto';
import { AuditService } from './audit.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Endpoint({
    summary: 'The audit trail, newest first',
    description:
      'Every staff action (accounts created, suspensions, reinstatements, takedowns, programme changes, admin refunds, report exports), ' +
      'written in the same transaction as the action. The table is append-only.',
    access: ['admin'],
    ok: { type: AuditPageDto },
    errors: { 403: 'Not an admin' },
  })
  list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(query);
  }
}
