import { createHash } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { projectWorkflowId, type ProjectWorkflowInput } from '@zs/contracts';
import { ERROR_CODES, type Actor, type ImportMark, type Role, localized } from '@zs/domain';
import { findEarlierProjectImport, findProjectImport, insertProjectImport, markImportRowsStarted, type Database, type ProjectImportRecord } from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException, fieldRefusal } from '../../common/errors/api.exception';
import { projectIdFromIdempotencyKey } from '../../common/idempotency/idempotency-key';
import { DATABASE } from '../../infrastructure/database.provider';
import type { ImportResultDto } from './dto/import-result.dto';
import { readImportFile } from './import-file';
import { rowInputOf } from './import-columns';
import { resolveImportRows, type ResolvedRow, type SourceRow } from './import-resolver';
import { ImportStarter } from './import-starter';

/** What one import request brings: the rows, where they came from, and the content's hash. */
interface ImportSource {
  fileName: string | null;
  sha256: string;
  rows: SourceRow[];
}

const sha256Of = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');

function toView(imp: ProjectImportRecord, duplicate: boolean): ImportResultDto {
  return {
    id: imp.id,
    importedBy: imp.importedBy,
    importedAt: imp.importedAt.toISOString(),
    fileName: imp.fileName,
    sha256: imp.sha256,
    rowCount: imp.rowCount,
    status: imp.status,
    startedCount: imp.startedCount,
    duplicate,
    rows: imp.rows,
  };
}

/**
 * 存量项目导入: validates every row first (any problem → 400, nothing recorded or started), records
 * the import (project_imports, its rows, an admin audit event) and starts one workflow per row with
 * ids derived from the import and the row. The same content (file hash) or Idempotency-Key returns
 * the first import and starts only the rows that did not start yet.
 */
@Injectable()
export class ImportsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly starter: ImportStarter,
  ) {}

  importRecords(caller: AuthenticatedUser, records: Record<string, unknown>[], idempotencyKey?: string): Promise<ImportResultDto> {
    const rows = records.map((input, i) => ({ row: i + 1, input }));
    return this.run(caller, { fileName: null, sha256: sha256Of(JSON.stringify(records)), rows }, idempotencyKey, false);
  }

  async importFile(caller: AuthenticatedUser, file: { originalname: string; buffer: Buffer } | undefined, idempotencyKey?: string): Promise<ImportResultDto> {
    if (!file || !file.buffer || file.buffer.length === 0) {
      throw fieldRefusal(ERROR_CODES.VALIDATION_FAILED, 'file', localized('请上传导入文件（CSV或XLSX）', 'file is required (multipart field "file", CSV or XLSX)'));
    }
    // Multer hands the name as latin1 bytes; browsers send UTF-8 (Chinese file names).
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8').slice(0, 255);
    const fileRows = await readImportFile(fileName, file.buffer);
    const rows = fileRows.map((r) => ({ row: r.row, input: rowInputOf(r.cells) }));
    return this.run(caller, { fileName, sha256: sha256Of(file.buffer), rows }, idempotencyKey, true);
  }

  async find(id: string): Promise<ImportResultDto> {
    const imp = await findProjectImport(this.db, id);
    if (!imp) throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`导入记录 ${id} 不存在`, `import ${id} not found`));
    return toView(imp, false);
  }

  private async run(caller: AuthenticatedUser, source: ImportSource, idempotencyKey: string | undefined, fromFile: boolean): Promise<ImportResultDto> {
    const now = Date.now();
    const resolved = await resolveImportRows(this.db, caller, source.rows, now, fromFile);
    const scopedKey = idempotencyKey ? `${caller.id}:${idempotencyKey}` : null;

    let imp = await findEarlierProjectImport(this.db, source.sha256, scopedKey);
    let duplicate = !!imp;
    if (!imp) {
      const id = scopedKey ? projectIdFromIdempotencyKey(caller.id, `import:${idempotencyKey}`) : projectIdFromIdempotencyKey('import', source.sha256);
      const rows = resolved.map((r) => {
        const projectId = projectIdFromIdempotencyKey(id, `row:${r.row}`);
        return { row: r.row, projectId, workflowId: projectWorkflowId(projectId), companyName: r.lead.companyName, stage: r.stage };
      });
      const outcome = await insertProjectImport(this.db, {
        id,
        importedBy: { userId: caller.id, role: caller.role, displayName: caller.displayName },
        importedAt: new Date(now),
        fileName: source.fileName,
        sha256: source.sha256,
        idempotencyKey: scopedKey,
        rows,
      });
      duplicate = outcome === 'exists';
      imp = await findEarlierProjectImport(this.db, source.sha256, scopedKey);
      if (!imp) throw new Error(`import ${id} vanished after it was recorded`);
    }
    if (scopedKey && imp.sha256 !== source.sha256) {
      throw new ApiException(ERROR_CODES.IDEMPOTENCY_CONFLICT, localized('该幂等键已用于另一份导入', 'Idempotency-Key was used with a different import'));
    }
    await this.startPending(imp, resolved);
    return toView((await findProjectImport(this.db, imp.id))!, duplicate);
  }

  /** Starts the rows not started yet, with the first import's mark (who, when) so a retry builds the very same workflow input. */
  private async startPending(imp: ProjectImportRecord, resolved: ResolvedRow[]): Promise<void> {
    const byRow = new Map(resolved.map((r) => [r.row, r]));
    const inputs = imp.rows
      .filter((r) => !r.started && byRow.has(r.row))
      .map((r) => {
        const { row, ...record } = byRow.get(r.row)!;
        const importedBy: Actor = { userId: imp.importedBy.userId, role: imp.importedBy.role as Role, ...(imp.importedBy.displayName ? { displayName: imp.importedBy.displayName } : {}) };
        const mark: ImportMark = {
          importId: imp.id,
          importedBy: { userId: imp.importedBy.userId, ...(imp.importedBy.displayName ? { displayName: imp.importedBy.displayName } : {}) },
          importedAt: imp.importedAt.getTime(),
          file: imp.fileName,
          row,
        };
        const input: ProjectWorkflowInput = {
          projectId: r.projectId,
          lead: record.lead,
          registeredBy: record.registeredBy,
          requestHash: imp.sha256,
          ...(record.ownership ? { ownership: record.ownership } : {}),
          imported: { record: { ...record, importedBy, projectId: r.projectId }, mark },
        };
        return { row, input };
      });
    if (inputs.length === 0) return;
    const started = await this.starter.startAll(inputs);
    await markImportRowsStarted(this.db, imp.id, started);
  }
}
