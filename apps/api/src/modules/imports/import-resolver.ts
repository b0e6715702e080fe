import { creditCodeClashes, ERROR_CODES, importFieldLabel, parseImportRow, type Actor, type ImportFieldError, type ImportProjectRecord, type ImportRowInput, type OrgRef, type ParsedImportRow, isRole, localized } from '@zs/domain';
import { activeUsersByUsername, orgRefOf, type Database, type ImportUser } from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException, type ErrorDetail } from '../../common/errors/api.exception';

/** A row as the request gave it: its number and the raw values. */
export interface SourceRow {
  row: number;
  input: ImportRowInput;
}

/** A checked row with its people resolved, waiting only for its project id. */
export type ResolvedRow = { row: number } & Omit<ImportProjectRecord, 'projectId'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The 400 lists at most this many problems (the first ones, row by row). */
const MAX_DETAILS = 1000;

/** Where an error points: `第3行·签约日期` for a file, `records[2].signedOn` for a JSON batch. */
function detailOf(row: number, e: ImportFieldError, fromFile: boolean): ErrorDetail {
  // The row checks speak Chinese only (the import template's language): English says the row and repeats them.
  const field = fromFile ? `第${row}行·${importFieldLabel(e.field)}` : `records[${row - 1}].${e.field}`;
  return { field, message: localized(`第${row}行 ${e.message}`, `row ${row}: ${e.message}`) };
}

/** Usernames a raw row names (checked even on rows with other errors, so one 400 lists them all). */
function usernamesOfRaw(input: ImportRowInput): Array<[string, string]> {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  const nodes = Array.isArray(input?.nodes) ? (input.nodes as Array<{ kind?: unknown; responsible?: unknown }>) : [];
  const named: Array<[string, string | null]> = [
    ['reporter', text(input?.reporter)],
    ['owner', text(input?.owner)],
    ['commissioner', text(input?.commissioner)],
    ['responsible', text(input?.responsible)],
    ...nodes.map((n, i): [string, string | null] => [typeof n?.kind === 'string' ? `nodes.${n.kind}.responsible` : `nodes[${i}].responsible`, text(n?.responsible)]),
  ];
  return named.filter((x): x is [string, string] => x[1] !== null);
}

/**
 * Checks every row (the domain names each bad field), refuses a 统一社会信用代码 given on two rows, and resolves every username to an active
 * account; any problem anywhere → one 400 listing each row and field in Chinese, nothing started.
 */
export async function resolveImportRows(db: Database, caller: AuthenticatedUser, rows: SourceRow[], now: number, fromFile: boolean): Promise<ResolvedRow[]> {
  const details: ErrorDetail[] = [];
  const parsed: Array<{ row: number; value: ParsedImportRow }> = [];
  for (const r of rows) {
    const { row, errors } = parseImportRow(r.input, now);
    errors.forEach((e) => details.push(detailOf(r.row, e, fromFile)));
    if (row) {
      if (row.campaignId && !UUID.test(row.campaignId)) details.push(detailOf(r.row, { field: 'campaignId', message: `${importFieldLabel('campaignId')}：应为招商行动的ID（UUID）` }, fromFile));
      parsed.push({ row: r.row, value: row });
    }
  }
  for (const clash of creditCodeClashes(rows)) details.push(detailOf(clash.row, clash.error, fromFile));
  const users = await activeUsersByUsername(db, rows.flatMap((r) => usernamesOfRaw(r.input).map(([, u]) => u)));
  for (const r of rows) {
    for (const [field, username] of usernamesOfRaw(r.input)) {
      if (!users.has(username)) details.push(detailOf(r.row, { field, message: `${importFieldLabel(field)}：账号"${username}"不存在或已停用` }, fromFile));
    }
  }
  if (details.length > 0) {
    details.sort((a, b) => Number(/\d+/.exec(a.message.zh)?.[0]) - Number(/\d+/.exec(b.message.zh)?.[0]));
    throw new ApiException(
      ERROR_CODES.VALIDATION_FAILED,
      localized(`导入数据有${details.length}处错误，未导入任何项目`, `the import has ${details.length} problem(s); nothing was imported`),
      details.slice(0, MAX_DETAILS),
    );
  }

  const importer: Actor = { userId: caller.id, role: caller.role, displayName: caller.displayName, departmentId: caller.departmentId };
  const orgRefs = new Map<string, OrgRef>();
  const orgRef = async (user: ImportUser | null): Promise<OrgRef> => {
    const userId = user?.id ?? caller.id;
    if (!orgRefs.has(userId)) {
      const found = await orgRefOf(db, userId);
      orgRefs.set(userId, found ?? { userId, displayName: user?.displayName ?? caller.displayName, departmentId: null, teamId: null });
    }
    return orgRefs.get(userId)!;
  };
  const actorOf = (u: ImportUser): Actor => (isRole(u.role) ? { userId: u.id, role: u.role, displayName: u.displayName } : importer);
  const resolved: ResolvedRow[] = [];
  for (const { row, value } of parsed) {
    const reporter = value.reporter ? users.get(value.reporter)! : null;
    const owner = value.owner ? users.get(value.owner)! : reporter;
    const commissioner = value.commissioner ? users.get(value.commissioner)! : null;
    resolved.push({
      row,
      stage: value.stage,
      lead: value.lead,
      registeredOn: value.registeredOn,
      decidedOn: value.decidedOn,
      contract: value.contract,
      commissioner: commissioner ? { userId: commissioner.id, name: commissioner.displayName } : null,
      nodes: value.nodes.map((n) => {
        const u = users.get(n.responsible)!;
        return { kind: n.kind, dueOn: n.dueOn, completedOn: n.completedOn, evidence: n.evidence, responsible: { userId: u.id, name: u.displayName } };
      }),
      funds: value.funds,
      completedOn: value.completedOn,
      completionReason: value.completionReason,
      registeredBy: reporter ? actorOf(reporter) : importer,
      importedBy: importer,
      ownership: { reporter: await orgRef(reporter), owner: owner ? await orgRef(owner) : null, campaignId: value.campaignId },
    });
  }
  return resolved;
}
