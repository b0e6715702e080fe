import { existsSync, readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '@zs/config';
import { ERROR_CODES, localized } from '@zs/domain';
import { projectHistoryProofs, readProjectReadModel, type Database } from '@zs/persistence';
import { ApiException } from '../../common/errors/api.exception';
import { API_CONFIG } from '../../infrastructure/api-config.provider';
import { DATABASE } from '../../infrastructure/database.provider';
import { readableHistory } from '../projects/readable-history';
import type { ProjectHistoryExportDto } from './dto/audit-history.dto';
import { historyExport } from './history-export';

/** 导出项目历史: a project's whole chain with each record's proof and the latest signed checkpoint. */
@Injectable()
export class HistoryExportService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async export(projectId: string): Promise<ProjectHistoryExportDto> {
    const proofs = await projectHistoryProofs(this.db, projectId);
    const model = await readProjectReadModel(this.db, projectId);
    // A project whose read-model row is gone is still exported: its audit record is what matters here.
    if (!model && proofs.records.length === 0) {
      throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`项目 ${projectId} 不存在`, `project ${projectId} not found`));
    }
    const events = await readableHistory(this.db, proofs.records.map((r) => r.event), 1);
    return historyExport({ id: projectId, companyName: model?.state.lead.companyName ?? null }, proofs, events, this.publicKeyPem(), new Date());
  }

  /** The checkpoints' public key as configured, for convenience: whoever verifies must compare it with the published one. */
  private publicKeyPem(): string | null {
    const file = this.config.AUDIT_CHECKPOINT_PUBLIC_KEY_FILE;
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  }
}
