import {
  addDays,
  concludeNegotiation,
  decideIntake,
  importProject,
  INFO_GRADES,
  MILESTONE_KINDS,
  PROJECT_KINDS,
  registerLead,
  SOURCE_CHANNELS,
  type Actor,
  type ImportProjectRecord,
  type Lead,
  type OrgRef,
  type ProjectState,
} from '@zs/domain';
import { projectWorkflowId } from '@zs/contracts';
import type { ArchivedProjectRow } from '@zs/persistence';
import { benchCompanyName } from '../bench-names';

/**
 * The closed part of the scale bench's portfolio: projects of earlier years (2019–2025) whose
 * workflows completed long ago, so only their read-model rows and KPI facts remain. Their states
 * come from the domain's own transitions (registration then rejection; acceptance then loss;
 * the import of a completed project), not hand-written JSON, so filters, lists and KPIs read them
 * as they would read real ones. Deterministic: project i is the same in every run.
 */
/** The chains and groups the zone registers (migration 1763901400000-organisation): a lead must name one. */
export const INDUSTRY_CHAINS = [
  '先进轨道交通装备',
  '中小航空发动机及通用航空',
  '新能源汽车',
  '电子信息',
  '智能制造及机器人',
  '新能源新材料',
  '先进硬质材料',
  '生物医药及医疗器械',
  '现代服务业产业组',
  '总部经济产业组',
  '科技创新招商办公室',
] as const;
/** Company names of archived projects use their own salt: no clash with the live ones'. */
const ARCHIVE_NAME_SALT = 7_000_000;
const DAY_MS = 86_400_000;

/** Where archived projects are credited: the zone's departments, 300 officers, 60 teams, 5 campaigns. */
export interface Organisation {
  departmentIds: readonly string[];
}

function officerOf(i: number, org: Organisation): OrgRef {
  const n = i % 300;
  // Stable UUID-shaped ids (the list filters take UUIDs); these people have no account.
  const hex = (x: number, w: number) => x.toString(16).padStart(w, '0');
  return {
    userId: `00000000-0000-4000-8000-${hex(n, 12)}`,
    displayName: `招商专员${n}`,
    departmentId: org.departmentIds[n % org.departmentIds.length] ?? null,
    teamId: `00000000-0000-4000-9000-${hex(n % 60, 12)}`,
  };
}

const campaignOf = (i: number) => (i % 10 < 3 ? `00000000-0000-4000-a000-${(i % 5).toString(16).padStart(12, '0')}` : null);

/** A UUID derived from the index, so a resumed fill writes the same project again, not a new one. */
export function archivedProjectId(i: number): string {
  return `5ca1e000-0000-4000-b000-${i.toString(16).padStart(12, '0')}`;
}

function leadOf(i: number): Lead {
  return {
    companyName: benchCompanyName(i, ARCHIVE_NAME_SALT),
    contactName: '历史联系人',
    industryChain: INDUSTRY_CHAINS[i % INDUSTRY_CHAINS.length],
    estimatedInvestmentYi: 1 + (i % 97) / 4,
    sourceChannel: SOURCE_CHANNELS[i % SOURCE_CHANNELS.length],
    infoGrade: INFO_GRADES[i % INFO_GRADES.length],
    fortune500: i % 40 === 0,
    fortune500Lists: i % 40 === 0 ? ['china'] : [],
    specializedSme: i % 7 === 0,
    kind: PROJECT_KINDS[i % PROJECT_KINDS.length],
  };
}

const actor = (ref: OrgRef, role: Actor['role']): Actor => ({ userId: ref.userId, role, displayName: ref.displayName, departmentId: ref.departmentId });
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Project i of the archive: rejected (30 %), lost in negotiation (30 %) or completed (40 %). */
export function archivedProject(i: number, org: Organisation): ArchivedProjectRow {
  const projectId = archivedProjectId(i);
  const owner = officerOf(i * 7, org);
  const officer = actor(owner, 'investment_officer');
  const taskForce = actor({ ...owner, userId: '00000000-0000-4000-8fff-000000000001', displayName: '专班' }, 'intake_task_force');
  // Spread over seven years, any day of the year, at office hours.
  const registeredAt = Date.UTC(2019 + (i % 7), 0, 1, 2) + ((i * 37) % 360) * DAY_MS;
  const ownership = { reporter: owner, owner, campaignId: campaignOf(i) };
  const kind = i % 10;
  let state: ProjectState;
  let at: number;
  if (kind < 3) {
    state = registerLead(projectId, leadOf(i), officer, registeredAt, { ownership }).state;
    at = registeredAt + DAY_MS;
    state = decideIntake(state, { action: 'reject', reason: '不符合园区产业定位' }, taskForce, at).state;
  } else if (kind < 6) {
    state = registerLead(projectId, leadOf(i), officer, registeredAt, { ownership }).state;
    state = decideIntake(state, { action: 'accept' }, taskForce, registeredAt + DAY_MS).state;
    at = registeredAt + (30 + (i % 90)) * DAY_MS;
    state = concludeNegotiation(state, { outcome: 'lost', reason: '企业选择其他园区' }, officer, at).state;
  } else {
    ({ state, at } = completedProject(i, projectId, owner, officer, registeredAt, ownership));
  }
  return { workflowId: projectWorkflowId(projectId), runId: `archived-${i}`, state, at };
}

function completedProject(i: number, projectId: string, owner: OrgRef, officer: Actor, registeredAt: number, ownership: ImportProjectRecord['ownership']): { state: ProjectState; at: number } {
  const registeredOn = isoDate(registeredAt);
  const signedOn = addDays(registeredOn, 60 + (i % 120));
  const responsible = { userId: owner.userId, name: owner.displayName ?? '' };
  const nodes = MILESTONE_KINDS.map((kind, k) => {
    const dueOn = addDays(signedOn, 30 * (k + 1));
    return { kind, dueOn, completedOn: addDays(dueOn, (i % 11) - 5), evidence: '历史档案', responsible };
  });
  const productionOn = nodes[nodes.length - 1].completedOn;
  const completedOn = addDays(productionOn, 365);
  const contractInvestmentYi = 2 + (i % 193) / 4;
  const record: ImportProjectRecord = {
    projectId,
    stage: 'completed',
    lead: leadOf(i),
    registeredOn,
    decidedOn: addDays(registeredOn, 1),
    contract: {
      contractNo: `HT-${i}`,
      contractInvestmentYi,
      signedOn,
      committed: { constructionStart: addDays(signedOn, 90), equipmentEntry: addDays(signedOn, 180), production: addDays(signedOn, 300), firstTax: addDays(signedOn, 400) },
      landAreaM2: 10_000 + (i % 50) * 1000,
      factoryAreaM2: 5_000 + (i % 50) * 500,
    },
    commissioner: responsible,
    nodes,
    funds: [1, 2, 3].map((m) => ({ date: addDays(signedOn, 60 * m), amountYi: Math.round(contractInvestmentYi * 25) / 100, source: 'self_raised' as const, evidence: '历史档案' })),
    completedOn,
    completionReason: '履约完成',
    registeredBy: officer,
    importedBy: officer,
    ownership,
  };
  const importedAt = Date.parse(`${completedOn}T08:00:00Z`);
  const mark = { importId: `archive-${Math.floor(i / 500)}`, importedBy: { userId: officer.userId, displayName: officer.displayName }, importedAt, file: null, row: (i % 500) + 1 };
  return { state: importProject(record, mark, importedAt).state, at: importedAt };
}
