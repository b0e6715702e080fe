import 'reflect-metadata';
import { ConfigError, loadAuditVerifyConfig, toolZone } from '@zs/config';
import { zoneCheckpointFile } from '@zs/domain';
import { assertSm3SelfTest, verifyInstallation, withDatabase, type InstallationReport } from '@zs/persistence';
import { LINK_PROBLEM_LABELS } from '../modules/audit/dto/verification.dto';
import { verificationSummary } from '../modules/audit/verification.service';

/**
 * 审计完整性验证 from the command line: `npm run audit:verify [-- --json]`. Recomputes every SM3
 * chain, the global ledger and every signed checkpoint (database and file). Exit codes: 0
 * intact, 1 tampering found, 2 usage or configuration error, 3 the check could not run.
 */
const USAGE = `usage: npm run audit:verify [-- --json]
environment: DATABASE_URL (default: the embedded database of npm start), AUDIT_CHECKPOINT_FILE, AUDIT_CHECKPOINT_PUBLIC_KEY_FILE,
  ZONES and ZONE (which zone's record, with several zones; default the first)
exit: 0 intact, 1 tampering found, 2 usage error, 3 failure
`;

const write = (text: string) => process.stdout.write(text + '\n');

function print(r: InstallationReport): void {
  write(`records: ${r.records.audit_events} project events, ${r.records.admin_audit_events} admin actions, ${r.records.security_events} security events in ${r.chains} chain(s); ledger ${r.ledgerEntries} (+${r.queuedEntries} queued for sealing)`);
  write(`checkpoints: ${r.checkpoints.verified} verified (file ${r.checkpoints.file}, database ${r.checkpoints.database}); latest signed position ${r.checkpoints.latestPos ?? 'none'}`);
  for (const b of r.brokenChains) {
    write(`BROKEN ${b.table} ${b.chain} at position ${b.chainPos ?? '?'} (record ${b.recordId ?? '?'}): ${b.problem} — ${LINK_PROBLEM_LABELS[b.problem]}${b.expected ? ` expected ${b.expected}` : ''}${b.actual ? ` actual ${b.actual}` : ''}`);
  }
  for (const l of r.ledgerProblems) write(`LEDGER ${l.problem} at ${l.pos}: ${l.detail}`);
  for (const c of r.checkpoints.problems) write(`CHECKPOINT (${c.store}) ${c.problem} at ${c.pos}: ${c.detail}`);
  if (r.publicKeyProblem) write(`PUBLIC KEY: ${r.publicKeyProblem}`);
  write(verificationSummary(r));
  write(r.intact ? 'intact: every chain, the ledger and every checkpoint verified' : 'NOT INTACT: see the lines above');
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a !== '--json');
  if (unknown.length > 0) {
    process.stderr.write(`${unknown.includes('--help') || unknown.includes('-h') ? '' : `unknown argument ${unknown[0]}\n`}${USAGE}`);
    return 2;
  }
  let config;
  let zone;
  try {
    assertSm3SelfTest();
    config = loadAuditVerifyConfig();
    zone = toolZone(process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${err instanceof ConfigError ? USAGE : ''}`);
    return 2;
  }
  // Issue 12: one zone's record (its schema, its checkpoints' file) per run; ZONE picks it.
  const report = await withDatabase({ url: config.DATABASE_URL, poolSize: 2, applicationName: 'zhaoshang-audit-verify', schema: zone.schema }, (db) =>
    verifyInstallation(db, { checkpointFile: zoneCheckpointFile(config.AUDIT_CHECKPOINT_FILE, zone), publicKeyFile: config.AUDIT_CHECKPOINT_PUBLIC_KEY_FILE }),
  );
  if (json) write(JSON.stringify(report, null, 2));
  else print(report);
  return report.intact ? 0 : 1;
}

main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: Error) => {
    process.stderr.write(`audit:verify could not run: ${err.message}\n`);
    process.stdout.write('', () => process.exit(3));
  },
);
