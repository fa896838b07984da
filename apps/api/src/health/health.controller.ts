import { Controller, Get } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Endpoint } from '@farmlink/common';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Endpoint({ summary: 'Liveness: the process answers', access: 'public', ok: { type: LivenessDto } })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Endpoint({ summary: 'Readiness: the database answers (503 when it does not)', access: 'public' })
  @HealthCheck()
  ready() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 2000 })]);
  }
}
