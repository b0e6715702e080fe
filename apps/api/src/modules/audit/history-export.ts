import type { Checkpoint, ProjectHistoryProofs } from '@zs/persistence';
import type { ReadableHistoryItemDto } from '../projects/dto/history.dto';
import type { ProjectHistoryExportDto } from './dto/audit-history.dto';

export const HISTORY_EXPORT_FORMAT = 'zhaoshang-audit-export-v1';

/** The recipe, in the export itself, so the file explains itself to whoever receives it (docs/audit-export.md in full). */
export const HOW_TO_VERIFY =
  '逐条按链位置（chainPos）顺序校验：第 1 条的 prevHash 为 64 个 0，其后每条的 prevHash 等于前一条的 hash；' +
  '每条的 hash = SM3(prevHash 的字节 ‖ sealedForm 的 UTF-8 字节)，sealedForm 为记录各字段按固定顺序的 JSON 文本。' +
  '检查点（checkpoint）为全局账本位置 pos 处账本头哈希的 Ed25519 签名，签名内容为 JSON ["zhaoshang-audit-checkpoint-v1", "<pos>", headHash, at, keyId]；' +
  '以公开发布的公钥验证签名；ledgerPos ≤ checkpoint.pos 的记录由该检查点覆盖（账本重算见 GET /audit/verify）。';

/** The JSON export: every record of the chain with its readable event and its proof, and the latest checkpoint. */
export function historyExport(
  project: { id: string; companyName: string | null },
  proofs: ProjectHistoryProofs,
  events: readonly ReadableHistoryItemDto[],
  publicKeyPem: string | null,
  now: Date,
): ProjectHistoryExportDto {
  const covered = (ledgerPos: number | null, checkpoint: Checkpoint | null) => ledgerPos !== null && checkpoint !== null && ledgerPos <= checkpoint.pos;
  return {
    format: HISTORY_EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    project,
    chain: proofs.chain,
    hashAlgorithm: 'SM3 (GB/T 32905-2016)',
    howToVerify: HOW_TO_VERIFY,
    records: proofs.records.map((r, i) => ({ event: events[i], proof: { ...r.proof, coveredByCheckpoint: covered(r.proof.ledgerPos, proofs.checkpoint) } })),
    checkpoint: proofs.checkpoint,
    publicKeyPem,
  };
}

/** The CSV export: one line per record, its readable fields then its proof; the checkpoint's signature only in the JSON (a spreadsheet would mangle base64). */
export function historyExportSheet(doc: ProjectHistoryExportDto): { headers: string[]; body: Array<Array<string | number | null>> } {
  const cp = doc.checkpoint;
  return {
    headers: ['链位置', '账本位置', '发生时间', '操作', '操作代码', '操作人', '角色', '阶段（之前）', '阶段（之后）', '所属', '前序哈希', '哈希', '密封文本', '检查点位置', '检查点账本头哈希'],
    body: doc.records.map(({ event, proof }) => [
      proof.chainPos,
      proof.ledgerPos,
      event.occurredAt,
      event.actionLabel,
      event.action,
      event.actorName ?? event.actorId,
      event.actorRoleLabel,
      event.stageBeforeLabel,
      event.stageAfterLabel,
      event.subject.title ? `${event.subject.kindLabel}：${event.subject.title}` : event.subject.kindLabel,
      proof.prevHash,
      proof.hash,
      proof.sealedForm,
      proof.coveredByCheckpoint && cp ? cp.pos : null,
      proof.coveredByCheckpoint && cp ? cp.headHash : null,
    ]),
  };
}
