import { Inject, Injectable } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { withTimeLimit } from '../../infrastructure/time-limit';

export type CheckStatus = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: { database: CheckStatus; temporal: CheckStatus };
}

/** Short, so a load balancer's probe is never held up by a hung dependency. */
const CHECK_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Connection) private readonly connection: Connection,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, temporal] = await Promise.all([this.database(), this.temporal()]);
    return { status: database === 'up' && temporal === 'up' ? 'ok' : 'degraded', checks: { database, temporal } };
  }

  private database(): Promise<CheckStatus> {
    return probe(this.dataSource.query('SELECT 1'));
  }

  private temporal(): Promise<CheckStatus> {
    return probe(this.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => this.connection.workflowService.getSystemInfo({})));
  }
}

async function probe(check: Promise<unknown>): Promise<CheckStatus> {
  try {
    await withTimeLimit(check, CHECK_TIMEOUT_MS);
    return 'up';
  } catch {
    return 'down';
  }
}
