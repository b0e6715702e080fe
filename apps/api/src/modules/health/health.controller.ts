import { Controller, Get, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/public.decorator';
import type { ApiResponse } from '../../common/http/api-request';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** 503 with the same body when a dependency is down, so probes and people read the same thing. */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and dependencies (database, Temporal)' })
  @ApiOkResponse({
    description:
      '{ status: "ok", checks: { database: "up", temporal: "up" } }; under npm start also ' +
      'supervisor: { state, updatedAt, children: { worker: { state, pid, restarts, since, lastExit: { code, signal, at }, nextRestartAt }, ... } }',
  })
  @ApiServiceUnavailableResponse({ description: '{ status: "degraded", checks: { ... "down" } }' })
  async get(@Res() res: ApiResponse): Promise<void> {
    const report = await this.health.check();
    this.adapterHost.httpAdapter.reply(res, report, report.status === 'ok' ? 200 : 503);
  }
}
