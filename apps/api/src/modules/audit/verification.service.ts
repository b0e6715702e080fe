import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '@zs/config';
import { zoneCheckpointFile } from '@zs/domain';
import { verifyInstallation, type Database, type InstallationReport } from '@zs/persistence';
import { API_CONFIG } from '../../infrastructure/api-config.provider';
import { DATABASE } from '../../infrastructure/database.provider';
import { ZoneContext } from '../../infrastructure/zones/zone-context';
import { LINK_PROBLEM_LABELS, type VerificationReportDto } from './dto/verification.dto';

/** GET /audit/verify: every SM3 chain, the global ledger and every signed checkpoint, recomputed. */
@Injectable()
export class VerificationService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly zones: ZoneContext,
  ) {}

  async verify(): Promise<VerificationReportDto> {
    const report = await verifyInstallation(this.db, {
      // The request's zone: its chains, its ledger and its own checkpoints' file (issue 12).
      checkpointFile: zoneCheckpointFile(this.config.AUDIT_CHECKPOINT_FILE, this.zones.current()),
      publicKeyFile: this.config.AUDIT_CHECKPOINT_PUBLIC_KEY_FILE,
    });
    return toVerificationReportDto(report);
  }
}

export function verificationSummary(report: InstallationReport): string {
  if (report.intact) return '审计记录完整：所有哈希链、全局账本和签名检查点均验证通过';
  const parts = [
    report.brokenChains.length ? `${report.brokenChains.length} 条哈希链断裂` : '',
    report.ledgerProblems.length ? `全局账本 ${report.ledgerProblems.length} 处异常` : '',
    report.checkpoints.problems.length ? `检查点 ${report.checkpoints.problems.length} 处不符` : '',
    report.publicKeyProblem ? '无法验证检查点签名（未配置公钥）' : '',
  ].filter(Boolean);
  return `审计记录可能被篡改：${parts.join('；')}`;
}

export function toVerificationReportDto(report: InstallationReport): VerificationReportDto {
  return {
    intact: report.intact,
    summary: verificationSummary(report),
    checkedAt: report.checkedAt,
    records: report.records,
    chains: report.chains,
    ledgerEntries: report.ledgerEntries,
    queuedEntries: report.queuedEntries,
    brokenChains: report.brokenChains.map((b) => ({ ...b, problemLabel: LINK_PROBLEM_LABELS[b.problem] })),
    ledgerProblems: report.ledgerProblems,
    checkpoints: report.checkpoints,
    publicKeyProblem: report.publicKeyProblem,
  };
}
