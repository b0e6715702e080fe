import { Inject, Injectable } from '@nestjs/common';
import { pingDatabase, type Database } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import { Connection } from '@temporalio/client';
import type { ApiConfig } from '@zs/config';
import { API_CONFIG } from '../../infrastructure/api-config.provider';
import { withTimeLimit } from '../../infrastructure/time-limit';
import { readSupervisorHealth, type SupervisorHealth } from './supervisor-status';

export type CheckStatus = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: { database: CheckStatus; temporal: CheckStatus };
  /**
   * Only under `npm start` (SUPERVISOR_STATUS_FILE set by the launcher): each supervised process
   * (temporal, postgres, worker, api) with its restart count, last exit and uptime start.
   * Informational: it does not change `status`.
   */
  supervisor?: SupervisorHealth;
}

/** Short, so a load balancer's probe is never held up by a hung dependency. */
const CHECK_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(Connection) private readonly connection: Connection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async check(): Promise<HealthReport> {
    const statusFile = this.config.SUPERVISOR_STATUS_FILE;
    const [database, temporal, supervisor] = await Promise.all([
      this.database(),
      this.temporal(),
      statusFile ? readSupervisorHealth(statusFile) : Promise.resolve(undefined),
    ]);
    const report: HealthReport = { status: database === 'up' && temporal === 'up' ? 'ok' : 'degraded', checks: { database, temporal } };
    if (supervisor) report.supervisor = supervisor;
    return report;
  }

  private database(): Promise<CheckStatus> {
    return probe(pingDatabase(this.db));
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
