import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { ConfigError, loadReconcilerConfig, toolZone } from '@zs/config';
import type { Zone } from '@zs/domain';
import { signedDataConverter, temporalTlsFromEnv } from '@zs/temporal-codec';
import { withDatabase, reconciliationProjectPage } from '@zs/persistence';
import { reconcileProject, reconcileProjects, summarize, type ProjectReconciliation, type ReconciliationReport } from '../modules/audit/project-reconciler';

/**
 * 对账 from the command line: `npm run audit:reconcile [-- --project <uuid>] [--live] [--json]`.
 * Compares the audit log and read models in DATABASE_URL with each workflow's history in Temporal
 * (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE). Exit codes: 0 both records agree, 1 discrepancies
 * found, 2 usage or configuration error (or an unknown project), 3 the check could not run.
 */
const USAGE = `usage: npm run audit:reconcile [-- [--project <uuid>] [--live] [--json]]
  --project <uuid>  reconcile one project (its workflow and its service requests); default: every project
  --live            also query workflows whose history holds no projection batch for their live state (needs a worker)
  --json            print the whole report as JSON instead of text
environment: DATABASE_URL (required), TEMPORAL_ADDRESS (127.0.0.1:7233), TEMPORAL_NAMESPACE (default),
  ZONES and ZONE (which zone, with several zones; default the first)
exit: 0 no discrepancy, 1 discrepancies, 2 usage error, 3 failure
`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 100;

class UsageError extends Error {
  constructor(message: string, readonly help = false) {
    super(message);
  }
}

interface Args {
  projectId: string | null;
  live: boolean;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { projectId: null, live: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--project' || a.startsWith('--project=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!value || !UUID.test(value)) throw new UsageError(`--project needs a project id (UUID), got ${value ?? 'nothing'}`);
      args.projectId = value.toLowerCase();
    } else if (a === '--live') args.live = true;
    else if (a === '--json') args.json = true;
    else if (a === '--help' || a === '-h') throw new UsageError('', true);
    else throw new UsageError(`unknown argument ${a}`);
  }
  return args;
}

const write = (text: string) => process.stdout.write(text + '\n');

function print(report: ReconciliationReport): void {
  write(
    `reconciled ${report.checkedProjects} project(s), ${report.checkedWorkflows} workflow(s), ${report.checkedEvents} event(s)` +
      ` (${report.unverifiableEvents} recorded before issue 8: continuity only; ${report.pendingEvents} in flight)`,
  );
  write(`对账：${report.checkedProjects} 个项目，${report.checkedWorkflows} 个工作流，${report.checkedEvents} 个事件`);
  if (report.discrepancies.length === 0) {
    write('no discrepancy: the audit log and read models agree with the workflow histories (两份记录一致)');
    return;
  }
  const byKind = new Map<string, number>();
  for (const d of report.discrepancies) byKind.set(d.kind, (byKind.get(d.kind) ?? 0) + 1);
  write(`${report.discrepancies.length} discrepancy(ies) (发现 ${report.discrepancies.length} 处不一致): ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const d of report.discrepancies) {
    write(`- [${d.kind} ${d.kindLabel}] project ${d.projectId} ${d.workflowId}${d.seq === null ? '' : ` seq ${d.seq}`}`);
    write(`    ${d.message}`);
    write(`    ${d.messageZh}`);
  }
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  let config: ReturnType<typeof loadReconcilerConfig>;
  let zone: Zone;
  try {
    args = parseArgs(argv);
    config = loadReconcilerConfig();
    zone = toolZone(process.env);
  } catch (err) {
    if (err instanceof UsageError) {
      if (err.help) {
        process.stdout.write(USAGE);
        return 0;
      }
      process.stderr.write(`${err.message}\n${USAGE}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }

  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS, connectTimeout: 10_000, tls: temporalTlsFromEnv() });
  try {
    // Signed like the API's client (issue 9): it reads what the worker signed, and its queries carry signed arguments.
    const dataConverter = signedDataConverter({ key: config.TEMPORAL_PAYLOAD_KEY, mode: config.TEMPORAL_PAYLOAD_SIGNING });
    // Issue 12: one zone per run (ZONE): its namespace and its schema.
    const client = new Client({ connection, namespace: zone.namespace, dataConverter });
    return await withDatabase({ url: config.DATABASE_URL, poolSize: Math.min(config.DATABASE_POOL_SIZE, 4), applicationName: 'zhaoshang-reconcile', schema: zone.schema }, async (db) => {
      const deps = { db, client };
      const opts = { liveState: args.live };
      const projects: ProjectReconciliation[] = [];
      if (args.projectId) {
        const one = await reconcileProject(deps, args.projectId, opts);
        if (!one) {
          process.stderr.write(`project ${args.projectId}: neither the database nor Temporal knows it\n`);
          return 2;
        }
        projects.push(one);
      } else {
        for (let page = 1; ; page++) {
          const { projectIds, total } = await reconciliationProjectPage(db, page, PAGE_SIZE);
          projects.push(...(await reconcileProjects(deps, projectIds, opts)));
          if (projectIds.length === 0 || page * PAGE_SIZE >= total) break;
        }
      }
      const report = summarize(projects);
      if (args.json) write(JSON.stringify(report, null, 2));
      else print(report);
      return report.discrepancies.length ? 1 : 0;
    });
  } finally {
    await connection.close();
  }
}

/** Exits once everything written has reached the pipe: process.exit alone cuts a large --json report short. */
const exitAfterFlush = (code: number) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));

main(process.argv.slice(2)).then(exitAfterFlush, (err: unknown) => {
  process.stderr.write(`reconciliation failed: ${err instanceof Error ? err.message : String(err)}\n`);
  exitAfterFlush(3);
});
