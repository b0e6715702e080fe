import { randomUUID } from 'node:crypto';
import { addDays, MILESTONE_KINDS, shanghaiDate, type Lead } from '@zs/domain';
import type { E2eHarness } from './e2e-harness';
import { eventually } from './eventually';
import { sampleLead } from './sample-lead';

/** One signed project of an imported portfolio, with the past dates a test needs. */
export interface SignedImport {
  /** Username of the owning officer (KPIs and leaderboards credit the owner's department and team). */
  owner: string;
  /** Username of the 报送人; defaults to the owner. */
  reporter?: string;
  registeredOn: string;
  /** The intake decision; defaults to the registration day. */
  decidedOn?: string;
  signedOn: string;
  contractInvestmentYi: number;
  funds?: Array<{ date: string; amountYi: number }>;
  campaignId?: string;
  lead?: Partial<Lead>;
}

/**
 * The JSON record (POST /imports/projects) of a project in construction, signed on `signedOn`,
 * with its funds entries. Its committed dates and the nine nodes of its plan are all in the future
 * (open, so nothing is overdue at import); the node responsible is the demo 项目服务局 user `psb`.
 */
export function signedImportRecord(p: SignedImport): Record<string, unknown> {
  const today = shanghaiDate(Date.now());
  const future = (days: number) => addDays(today, days);
  const tag = randomUUID().slice(0, 8);
  return {
    ...sampleLead({ estimatedInvestmentYi: p.contractInvestmentYi, ...p.lead }),
    stage: 'construction',
    registeredOn: p.registeredOn,
    decidedOn: p.decidedOn ?? p.registeredOn,
    contractNo: `IMP-${tag}`,
    contractInvestmentYi: p.contractInvestmentYi,
    signedOn: p.signedOn,
    committedConstructionStart: future(30),
    committedEquipmentEntry: future(60),
    committedProduction: future(120),
    committedFirstTax: future(200),
    factoryAreaM2: 5_000,
    responsible: 'psb',
    nodes: MILESTONE_KINDS.map((kind, i) => ({ kind, dueOn: future(20 + 10 * i) })),
    funds: (p.funds ?? []).map((f, i) => ({ date: f.date, amountYi: f.amountYi, source: 'self_raised', evidence: `进账单 ${tag}-${i + 1}` })),
    reporter: p.reporter ?? p.owner,
    owner: p.owner,
    ...(p.campaignId ? { campaignId: p.campaignId } : {}),
  };
}

/**
 * Brings signed projects in through the real 存量项目导入 (the one way a project carries a past
 * registration, signing and funds) and waits until GET /projects/:id shows each in construction:
 * the projection writes project_facts in the read model's transaction, so KPIs, targets and
 * leaderboards see them from then on. `token`: a user with `projects.import`. Ids in `projects` order.
 */
export async function importSignedProjects(h: E2eHarness, token: string, projects: readonly SignedImport[]): Promise<string[]> {
  const res = await h.http('POST', '/imports/projects', { token, body: { records: projects.map(signedImportRecord) } });
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 201, body: { status: 'started', startedCount: projects.length } });
  const ids = (res.body.rows as Array<{ row: number; projectId: string }>).sort((a, b) => a.row - b.row).map((r) => r.projectId);
  await eventually(
    `${ids.length} imported project(s) in the read model`,
    async () => {
      for (const id of ids) {
        const view = await h.http('GET', `/projects/${id}`, { token });
        if (view.status !== 200 || view.body.stage !== 'construction') return undefined;
      }
      return true;
    },
    30_000,
  );
  return ids;
}
