import { addDays, daysBetween, MILESTONE_KINDS, shanghaiDate, type MilestoneKind } from '@zs/domain';
import { DemoSeedError, DemoZoneClient } from './demo-zone-client';
import {
  DEMO_CAMPAIGN_DESCRIPTION,
  DEMO_CAMPAIGN_TARGETS,
  DEMO_CHAIN_CHIEFS,
  DEMO_DEPARTMENT_TARGETS,
  DEMO_DEPARTMENTS,
  DEMO_PEOPLE,
  DEMO_PROJECTS,
  DEMO_TEAM_TARGET,
  DEMO_TEAMS,
  DEMO_ZONE_MARKER,
  DEMO_ZONE_TARGET,
  demoCampaignName,
  demoCampaignPeriod,
  isLiveDemoProject,
  type DemoProject,
} from './demo-zone-data';

/** The embedded default's demo users (apps/api/src/seed/demo-users.ts) the seed acts as. */
const ADMIN = 'admin';
const LEADER = 'leader';
const ECB_HEAD = 'ecb-head';
const TASK_FORCE = 'taskforce';
const PSB = 'psb';
const ESB = 'esb';

export interface DemoZoneOptions {
  /** The running engine's API, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  /** The demo users' password (DEMO_PASSWORD of npm start). */
  password: string;
  /** Run although the API's database is not the embedded one of `npm start` (GET /health names it). */
  force?: boolean;
  log?: (line: string) => void;
  /** Projects driven at once. */
  concurrency?: number;
}

export interface DemoZoneResult {
  /** false: the zone was there already and nothing was added. */
  seeded: boolean;
  campaignId: string;
  campaignName: string;
  projectIds: string[];
}

/**
 * Fills the running engine with a demo zone (issue 10, item 11) through its HTTP API, as the
 * embedded default's demo users: departments, officers and 链长, teams (小分队), chain chiefs, a
 * two-month campaign ending on the day of seeding with its roster and targets, annual targets, and
 * 40 projects at every stage. 30 of them are IMPORTED (POST /imports/projects) with a realistic past
 * spread over the campaign and the months before it — leads registered on different days, decided
 * 1–2 days later, signed weeks later, plan nodes completed on time or late (some left overdue),
 * funds in place on several dates, a few in production — then get their past-dated contacts,
 * visits, progress notes and first tax through the steps. The other 10 are registered LIVE today
 * (the 48-hour clock, negotiation, a visit, a signing with funds in place, as now).
 * Idempotent: a campaign carrying DEMO_ZONE_MARKER with its 40 projects means done (nothing is
 * added); an interrupted run resumes, since every object is looked up before it is created, the
 * import's dates derive from the campaign's stored period (the same content under the same fixed
 * Idempotency-Key starts nothing twice) and every step carries a fixed Idempotency-Key.
 */
export async function seedDemoZone(opts: DemoZoneOptions): Promise<DemoZoneResult> {
  const log = opts.log ?? (() => undefined);
  const api = new DemoZoneClient(opts.baseUrl.replace(/\/+$/, ''), opts.password);
  if (!opts.force) await requireEmbeddedDatabase(api);

  const existing = await findDemoCampaign(api);
  if (existing) {
    const projects = await api.call(LEADER, 'GET', `/campaigns/${existing.id}/projects?pageSize=100`);
    if (projects.body.total >= DEMO_PROJECTS.length) {
      log(`demo zone already present: campaign「${existing.name}」with ${projects.body.total} projects; nothing added`);
      return { seeded: false, campaignId: existing.id, campaignName: existing.name, projectIds: projects.body.items.map((p: { id: string }) => p.id) };
    }
  }

  const today = shanghaiDate(Date.now());
  const departments = await ensureDepartments(api);
  log(`departments: ${departments.size} registered`);
  const people = await ensurePeople(api, departments);
  log(`people: ${people.size} (招商专员 and 链长)`);
  const teams = await ensureTeams(api, departments, people);
  log(`teams (小分队): ${teams.size}`);
  await assignChainChiefs(api, people);
  log(`chains: 链长 and 分链长 named on ${DEMO_CHAIN_CHIEFS.length} chains`);
  const campaign = existing ? (await api.call(LEADER, 'GET', `/campaigns/${existing.id}`)).body : await createCampaign(api, today);
  await api.call(LEADER, 'PUT', `/campaigns/${campaign.id}/roster`, {
    body: { teamIds: [...teams.values()], officerUserIds: DEMO_PEOPLE.filter((p) => p.role === 'investment_officer').map((p) => people.get(p.username)!) },
  });
  log(`campaign「${campaign.name}」${campaign.startsOn}…${campaign.endsOn}: roster set`);
  await putTargets(api, Number(today.slice(0, 4)), departments, teams);
  log('targets: zone, bureaus and teams');

  const projectIds: string[] = new Array(DEMO_PROJECTS.length);
  const concurrency = opts.concurrency ?? 4;

  // The portfolio with its past: one import, then the past-dated steps once each project is readable.
  const timelines = demoTimelines({ startsOn: campaign.startsOn, endsOn: campaign.endsOn });
  const imported = [...timelines.keys()];
  const ids = await importPortfolio(api, campaign.id, timelines);
  imported.forEach((i, row) => (projectIds[i] = ids[row]));
  log(`imported: ${imported.length} projects with their past (${campaign.startsOn} back to ${[...timelines.values()].map((t) => t.registeredOn).sort()[0]})`);
  await waitUntilReadable(api, ids);
  await inParallel(imported, concurrency, (i) => followUpImported(api, DEMO_PROJECTS[i], i, projectIds[i], timelines.get(i)!));
  log('imported projects: past contacts, visits, progress and first tax recorded');

  // Live today: the 48-hour clock, negotiation, a visit, a signing with funds, as now.
  const live = DEMO_PROJECTS.map((_, i) => i).filter((i) => isLiveDemoProject(DEMO_PROJECTS[i]));
  const psbId = (await api.call(PSB, 'GET', '/auth/me')).body.id as string;
  await inParallel(live, concurrency, async (i) => {
    projectIds[i] = await driveProject(api, DEMO_PROJECTS[i], i, { campaignId: campaign.id, ownerId: people.get(DEMO_PROJECTS[i].owner)!, psbId, today });
  });
  log(`registered live today: ${live.length} projects; ${DEMO_PROJECTS.length} in all`);
  return { seeded: true, campaignId: campaign.id, campaignName: campaign.name, projectIds };
}

/** Under `npm start` the launcher supervises its embedded PostgreSQL, and /health says so; with DATABASE_URL it does not. */
async function requireEmbeddedDatabase(api: DemoZoneClient): Promise<void> {
  const health = await api.request('GET', '/health');
  const postgres = health.body?.supervisor?.children?.postgres;
  if (!postgres) {
    throw new DemoSeedError(
      `refused: ${api.baseUrl} does not run on the embedded PostgreSQL of npm start (GET /health names no supervised postgres); the demo zone is for the embedded default only (--force to seed anyway)`,
    );
  }
}

async function findDemoCampaign(api: DemoZoneClient): Promise<{ id: string; name: string; startsOn?: string; endsOn?: string } | null> {
  for (let page = 1; ; page++) {
    const res = await api.call(LEADER, 'GET', `/campaigns?page=${page}&pageSize=100`);
    const found = res.body.items.find((c: { description: string | null }) => c.description?.includes(DEMO_ZONE_MARKER));
    if (found) return found;
    if (page * 100 >= res.body.total) return null;
  }
}

/** Code → id of every registered department, the demo's added if missing. */
async function ensureDepartments(api: DemoZoneClient): Promise<Map<string, string>> {
  const list = async () => new Map<string, string>((await api.call(ADMIN, 'GET', '/admin/departments')).body.map((d: { code: string; id: string }) => [d.code, d.id]));
  const byCode = await list();
  for (const d of DEMO_DEPARTMENTS) {
    if (byCode.has(d.code)) continue;
    const parentId = d.parentCode ? (byCode.get(d.parentCode) ?? null) : null;
    const created = await api.call(ADMIN, 'POST', '/admin/departments', { body: { code: d.code, name: d.name, kind: d.kind, parentId, reason: '演示数据：示范园区组织架构' } });
    byCode.set(d.code, created.body.id);
  }
  return byCode;
}

/** Username → id of the demo zone's people, created (without a usable password: they are credited, not logged in as) if missing. */
async function ensurePeople(api: DemoZoneClient, departments: Map<string, string>): Promise<Map<string, string>> {
  const existing = new Map<string, string>();
  for (let page = 1; ; page++) {
    const res = await api.call(ADMIN, 'GET', `/admin/users?q=demo-&page=${page}&pageSize=100`);
    for (const u of res.body.items) existing.set(u.username, u.id);
    if (page * 100 >= res.body.total) break;
  }
  for (const person of DEMO_PEOPLE) {
    if (existing.has(person.username)) continue;
    const created = await api.call(ADMIN, 'POST', '/admin/users', {
      body: { username: person.username, displayName: person.displayName, role: person.role, departmentId: departments.get(person.department) ?? null, reason: '演示数据：招商人员' },
    });
    existing.set(person.username, created.body.id ?? created.body.user?.id);
  }
  return existing;
}

/** Team name → id; missing teams are created with their department, leader and members. */
async function ensureTeams(api: DemoZoneClient, departments: Map<string, string>, people: Map<string, string>): Promise<Map<string, string>> {
  const byName = new Map<string, string>((await api.call(ADMIN, 'GET', '/admin/teams')).body.map((t: { name: string; id: string }) => [t.name, t.id]));
  const ids = new Map<string, string>();
  for (const team of DEMO_TEAMS) {
    let id = byName.get(team.name);
    if (!id) {
      const created = await api.call(ADMIN, 'POST', '/admin/teams', {
        body: {
          name: team.name,
          departmentId: departments.get(team.department),
          leaderUserId: people.get(team.leader),
          memberUserIds: team.members.map((m) => people.get(m)),
          reason: '演示数据：招商小分队',
        },
      });
      id = created.body.id as string;
    }
    ids.set(team.name, id);
  }
  return ids;
}

async function assignChainChiefs(api: DemoZoneClient, people: Map<string, string>): Promise<void> {
  const chains = new Map<string, string>((await api.call(ADMIN, 'GET', '/admin/industry-chains')).body.map((c: { name: string; id: string }) => [c.name, c.id]));
  for (const c of DEMO_CHAIN_CHIEFS) {
    const id = chains.get(c.chain);
    if (!id) throw new DemoSeedError(`industry chain「${c.chain}」is not registered (GET /admin/industry-chains)`);
    await api.call(ADMIN, 'PATCH', `/admin/industry-chains/${id}`, {
      body: { chiefUserId: people.get(c.chief), deputyUserIds: c.deputies.map((d) => people.get(d)), reason: '演示数据：链长、分链长' },
    });
  }
}

async function createCampaign(api: DemoZoneClient, today: string): Promise<{ id: string; name: string; startsOn: string; endsOn: string }> {
  // The two months ending today: the imported past spreads over it, the projects registered live today fall on its last day.
  const { startsOn, endsOn } = demoCampaignPeriod(today);
  const res = await api.call(LEADER, 'POST', '/campaigns', {
    body: { name: demoCampaignName(startsOn), description: DEMO_CAMPAIGN_DESCRIPTION, startsOn, endsOn, targets: DEMO_CAMPAIGN_TARGETS },
  });
  return res.body;
}

async function putTargets(api: DemoZoneClient, year: number, departments: Map<string, string>, teams: Map<string, string>): Promise<void> {
  await api.call(LEADER, 'PUT', '/targets', { body: { year, scopeKind: 'zone', ...DEMO_ZONE_TARGET } });
  for (const [code, target] of Object.entries(DEMO_DEPARTMENT_TARGETS)) {
    await api.call(LEADER, 'PUT', '/targets', { body: { year, scopeKind: 'department', scopeId: departments.get(code), ...target } });
  }
  for (const teamId of teams.values()) {
    await api.call(LEADER, 'PUT', '/targets', { body: { year, scopeKind: 'team', scopeId: teamId, ...DEMO_TEAM_TARGET } });
  }
}

interface ProjectContext {
  campaignId: string;
  ownerId: string;
  psbId: string;
  today: string;
}

/** A live project (registered today) from lead to its stage; every call keyed `demo-zone.<n>.<step>`, so a second run repeats nothing. */
async function driveProject(api: DemoZoneClient, p: DemoProject, index: number, ctx: ProjectContext): Promise<string> {
  const key = (step: string) => `demo-zone.${index + 1}.${step}`;
  const id = await registerLead(api, p, ctx, key('lead'));
  const step = (who: string, path: string, body: unknown, name: string) => api.call(who, 'POST', `/projects/${id}/${path}`, { body, key: key(name) });
  const { today } = ctx;

  if (p.stage === 'lead') return id;
  if (p.stage === 'info_requested') {
    await step(TASK_FORCE, 'intake-decision', { action: 'request_info', missing: '近三年财务报表及拟用地规模' }, 'intake');
    return id;
  }
  if (p.stage === 'rejected') {
    await step(TASK_FORCE, 'intake-decision', { action: 'reject', reason: '投资强度不达标，且非主导产业链项目' }, 'intake');
    return id;
  }
  await step(TASK_FORCE, 'intake-decision', { action: 'accept' }, 'intake');
  await step(ECB_HEAD, 'negotiation-contacts', { kind: 'visit', date: today, participants: `招商专员、${p.company}负责人`, location: '企业总部', outcome: '介绍园区产业政策，企业有意向落户' }, 'contact');
  if (p.stage === 'negotiating') {
    if (p.grade === 'A') await step(ECB_HEAD, 'visits', { kind: 'trip', date: today, participants: '经济合作局局长、招商专员', summary: '赴企业总部拜访董事长，商谈项目选址与投资规模' }, 'visit');
    return id;
  }
  if (p.stage === 'lost') {
    await step(ECB_HEAD, 'negotiation-outcome', { outcome: 'lost', reason: '企业最终选择落户外省园区（土地价格因素）' }, 'outcome');
    return id;
  }
  await step(ECB_HEAD, 'negotiation-outcome', { outcome: 'proceed' }, 'outcome');
  if (p.stage === 'signing') return id;
  if (p.stage !== 'signed') throw new DemoSeedError(`「${p.company}」: stage ${p.stage} is imported, not registered live`);

  const committed = committedFrom(today);
  await step(
    ECB_HEAD,
    'contract',
    { contractNo: contractNoOf(today, index), contractInvestmentYi: p.contractYi ?? p.investmentYi, signedOn: today, committed, factoryAreaM2: Math.round(p.investmentYi * 2000) },
    'contract',
  );
  await step(PSB, 'commissioner', { commissionerUserId: ctx.psbId, commissionerName: '刘洋' }, 'commissioner');
  for (const [n, f] of (p.funds ?? []).entries()) {
    await step(ECB_HEAD, 'funds', { amountYi: f.amountYi, date: today, source: f.source, evidence: fundsEvidence(today, index, n) }, `funds.${n + 1}`);
  }
  return id;
}

// ——— The imported portfolio ———

/** Plan nodes, days after signing (template order); the committed dates follow the same plan. */
const NODE_OFFSETS: Record<MilestoneKind, number> = {
  company_registration: 15,
  land_handover: 30,
  project_filing: 40,
  planning_permit: 60,
  construction_permit: 80,
  construction_start: 95,
  equipment_entry: 180,
  trial_production: 250,
  production: 280,
};
const committedFrom = (signedOn: string) => ({
  constructionStart: addDays(signedOn, NODE_OFFSETS.construction_start),
  equipmentEntry: addDays(signedOn, NODE_OFFSETS.equipment_entry),
  production: addDays(signedOn, NODE_OFFSETS.production),
  firstTax: addDays(signedOn, 370),
});
const contractNoOf = (signedOn: string, index: number) => `ZSDEMO-${signedOn.slice(0, 4)}-${String(index + 1).padStart(3, '0')}`;
const fundsEvidence = (date: string, index: number, n: number) => `银行进账单 No.${date.replace(/-/g, '')}-${index + 1}${n + 1}`;

/** An imported project's past: every date it carries, all on or before the campaign's last-but-one day. */
interface DemoTimeline {
  registeredOn: string;
  decidedOn: string;
  signedOn: string | null;
  nodes: Array<{ kind: MilestoneKind; dueOn: string; completedOn: string | null }>;
  funds: string[];
  /** Past-dated steps after the import. */
  contactOn: string | null;
  visitOn: string | null;
  progressOn: string | null;
  firstTaxOn: string | null;
}

/**
 * The imported projects' pasts (by project index), derived from the campaign's period only, so a
 * resumed run on a later day imports the very same content. Negotiations are registered on
 * different days across the campaign; signings of the campaign fall weeks after registration;
 * construction projects were signed 1½–5 months before, production ones about a year before.
 */
export function demoTimelines(period: { startsOn: string; endsOn: string }): Map<number, DemoTimeline> {
  const last = addDays(period.endsOn, -1); // the day before seeding: today belongs to the live projects
  const span = daysBetween(period.startsOn, last);
  const atMost = (date: string) => (date > last ? last : date);
  const byStage = (stage: DemoProject['stage']) => DEMO_PROJECTS.map((p, i) => ({ p, i })).filter((x) => x.p.stage === stage && !isLiveDemoProject(x.p));
  const result = new Map<number, DemoTimeline>();
  const none = { signedOn: null, nodes: [], funds: [], contactOn: null, visitOn: null, progressOn: null, firstTaxOn: null };

  const negotiating = byStage('negotiating');
  negotiating.forEach(({ p, i }, k) => {
    const registeredOn = addDays(period.startsOn, Math.round((k * (span - 8)) / Math.max(1, negotiating.length - 1)));
    const decidedOn = addDays(registeredOn, 1 + (k % 2));
    result.set(i, { ...none, registeredOn, decidedOn, contactOn: atMost(addDays(decidedOn, 2 + (k % 3))), visitOn: p.grade === 'A' ? atMost(addDays(decidedOn, 6)) : null });
  });

  /** Nodes completed up to `last`, on time (0–2 days early) or late (6–12 days); after the first one still open, the rest wait. */
  const nodesOf = (signedOn: string, k: number) => {
    let open = false;
    return MILESTONE_KINDS.map((kind, j) => {
      const dueOn = addDays(signedOn, NODE_OFFSETS[kind]);
      const late = (j + k) % 4 === 1;
      const done = addDays(dueOn, late ? 6 + (j % 3) * 3 : -((j + k) % 3));
      open = open || done > last;
      return { kind, dueOn, completedOn: open ? null : done };
    });
  };
  /** `count` funds dates from 20 days after signing to a few days before seeding. */
  const fundsOf = (signedOn: string, count: number, k: number) => {
    const first = atMost(addDays(signedOn, 20));
    const lastEntry = atMost(addDays(last, -(2 + 3 * k)));
    const gap = Math.max(0, daysBetween(first, lastEntry));
    return Array.from({ length: count }, (_, n) => addDays(first, count === 1 ? gap : Math.round((n * gap) / (count - 1))));
  };

  byStage('signed').forEach(({ p, i }, k) => {
    const registeredOn = addDays(period.startsOn, 2 + 4 * k);
    const decidedOn = addDays(registeredOn, 1 + (k % 2));
    const signedOn = atMost(addDays(decidedOn, 18 + 3 * k));
    const funds = (p.funds ?? []).map((_, n) => atMost(addDays(signedOn, 7 + 10 * n)));
    result.set(i, { ...none, registeredOn, decidedOn, signedOn, nodes: nodesOf(signedOn, k), funds });
  });
  byStage('construction').forEach(({ p, i }, k) => {
    const signedOn = addDays(last, -(45 + 18 * k));
    const registeredOn = addDays(signedOn, -(35 + 6 * k));
    const decidedOn = addDays(registeredOn, 1 + (k % 2));
    result.set(i, { ...none, registeredOn, decidedOn, signedOn, nodes: nodesOf(signedOn, k), funds: fundsOf(signedOn, p.funds?.length ?? 0, k), progressOn: addDays(last, -(k % 4)) });
  });
  byStage('production').forEach(({ p, i }, k) => {
    const signedOn = addDays(last, -(295 + 15 * k));
    const registeredOn = addDays(signedOn, -(40 + 7 * k));
    const decidedOn = addDays(registeredOn, 1 + (k % 2));
    const nodes = nodesOf(signedOn, k);
    const producedOn = nodes[nodes.length - 1].completedOn;
    if (!producedOn || nodes.some((n) => !n.completedOn)) throw new DemoSeedError(`「${p.company}」: the demo timeline leaves a node open in production`);
    result.set(i, { ...none, registeredOn, decidedOn, signedOn, nodes, funds: fundsOf(signedOn, p.funds?.length ?? 0, k), firstTaxOn: atMost(addDays(producedOn, 25)) });
  });
  return result;
}

const IMPORT_STAGE_OF: Partial<Record<DemoProject['stage'], string>> = { negotiating: 'negotiation', signed: 'construction', construction: 'construction', production: 'service' };

/** One import record (README「Importing an existing portfolio」) for a project and its past. */
function importRecordOf(p: DemoProject, index: number, t: DemoTimeline, campaignId: string): Record<string, unknown> {
  const record: Record<string, unknown> = {
    companyName: p.company,
    contactName: '王经理',
    contactPhone: '13800000000',
    industryChain: p.chain,
    estimatedInvestmentYi: p.investmentYi,
    sourceChannel: p.channel,
    infoGrade: p.grade,
    fortune500: (p.fortune500Lists ?? []).length > 0,
    specializedSme: !!p.specializedSmeLevel,
    kind: p.kind,
    notes: `${DEMO_ZONE_MARKER} 演示项目（存量导入）`,
    stage: IMPORT_STAGE_OF[p.stage],
    registeredOn: t.registeredOn,
    decidedOn: t.decidedOn,
    reporter: p.owner,
    owner: p.owner,
    campaignId,
  };
  if (!t.signedOn) return record;
  const committed = committedFrom(t.signedOn);
  return {
    ...record,
    contractNo: contractNoOf(t.signedOn, index),
    contractInvestmentYi: p.contractYi ?? p.investmentYi,
    signedOn: t.signedOn,
    committedConstructionStart: committed.constructionStart,
    committedEquipmentEntry: committed.equipmentEntry,
    committedProduction: committed.production,
    committedFirstTax: committed.firstTax,
    factoryAreaM2: Math.round(p.investmentYi * 2000),
    commissioner: PSB,
    responsible: PSB,
    nodes: t.nodes.map((n) => (n.completedOn ? { ...n, evidence: '节点验收单及现场照片' } : { kind: n.kind, dueOn: n.dueOn, completedOn: null })),
    funds: (p.funds ?? []).map((f, n) => ({ date: t.funds[n], amountYi: f.amountYi, source: f.source, evidence: fundsEvidence(t.funds[n], index, n) })),
  };
}

/** POST /imports/projects as the bureau head, under one fixed key; repeated until every row's workflow runs. Project ids by row. */
async function importPortfolio(api: DemoZoneClient, campaignId: string, timelines: Map<number, DemoTimeline>): Promise<string[]> {
  const records = [...timelines].map(([i, t]) => importRecordOf(DEMO_PROJECTS[i], i, t, campaignId));
  // Derived from the seeding marker (and the campaign, whose period fixes the content): a retry is the same import.
  const key = `${DEMO_ZONE_MARKER.replace(/[^A-Za-z0-9-]/g, '')}.import.${campaignId}`;
  for (let attempt = 0; ; attempt++) {
    const res = await api.call(ECB_HEAD, 'POST', '/imports/projects', { body: { records }, key });
    if (res.body.status === 'started' || attempt >= 10) {
      if (res.body.status !== 'started') throw new DemoSeedError(`import ${res.body.id}: ${res.body.startedCount}/${res.body.rowCount} workflows started`);
      return [...res.body.rows].sort((a: { row: number }, b: { row: number }) => a.row - b.row).map((r: { projectId: string }) => r.projectId);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** An imported workflow's first run projects it; the steps need it readable. */
async function waitUntilReadable(api: DemoZoneClient, ids: readonly string[], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const id of ids) {
    while ((await api.call(ECB_HEAD, 'GET', `/projects/${id}`, { ok: [200, 404] })).status === 404) {
      if (Date.now() > deadline) throw new DemoSeedError(`imported project ${id} is not readable after ${timeoutMs / 1000} s (is the worker running?)`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** The past-dated steps an imported project carries beyond the import: contacts and visits, a progress note, the first tax. */
async function followUpImported(api: DemoZoneClient, p: DemoProject, index: number, id: string, t: DemoTimeline): Promise<void> {
  const step = (who: string, path: string, body: unknown, name: string) => api.call(who, 'POST', `/projects/${id}/${path}`, { body, key: `demo-zone.${index + 1}.${name}` });
  if (t.contactOn) {
    await step(ECB_HEAD, 'negotiation-contacts', { kind: 'visit', date: t.contactOn, participants: `招商专员、${p.company}负责人`, location: '企业总部', outcome: '介绍园区产业政策，企业有意向落户' }, 'contact');
  }
  if (t.visitOn) {
    await step(ECB_HEAD, 'visits', { kind: 'trip', date: t.visitOn, participants: '经济合作局局长、招商专员', summary: '赴企业总部拜访董事长，商谈项目选址与投资规模' }, 'visit');
  }
  if (t.progressOn) await step(PSB, 'progress', { date: t.progressOn, note: '主体结构施工中，按节点计划推进' }, 'progress');
  if (t.firstTaxOn) await step(ESB, 'first-tax', { date: t.firstTaxOn, amountWanYuan: Math.round(p.investmentYi * 12) }, 'first-tax');
}

/** POST /leads as the bureau head for the owning officer, in the campaign; a suspected duplicate is confirmed (audited) and registered. */
async function registerLead(api: DemoZoneClient, p: DemoProject, ctx: ProjectContext, key: string): Promise<string> {
  const lead = {
    companyName: p.company,
    contactName: '王经理',
    contactPhone: '13800000000',
    industryChain: p.chain,
    estimatedInvestmentYi: p.investmentYi,
    sourceChannel: p.channel,
    infoGrade: p.grade,
    kind: p.kind,
    origin: p.origin,
    fortune500Lists: p.fortune500Lists ?? [],
    listedCompany: p.listedCompany ?? false,
    ...(p.specializedSmeLevel ? { specializedSmeLevel: p.specializedSmeLevel } : { specializedSme: false }),
    ownerUserId: ctx.ownerId,
    campaignId: ctx.campaignId,
    notes: `${DEMO_ZONE_MARKER} 演示项目`,
  };
  const res = await api.call(ECB_HEAD, 'POST', '/leads', { body: lead, key, ok: [200, 201, 409] });
  if (res.status !== 409) return res.body.id;
  // The 409 names each suspected project (its id) in its details, in either language.
  const other = (res.body.details ?? [])
    .map((d: { message?: string }) => /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(d.message ?? '')?.[0])
    .find((x: string | undefined): x is string => typeof x === 'string');
  if (res.body.code !== 'DUPLICATE_SUSPECTED' || !other) throw new DemoSeedError(`POST /leads「${p.company}」: 409 ${JSON.stringify(res.body)}`);
  const confirmed = await api.call(ECB_HEAD, 'POST', '/leads', { body: { ...lead, confirmDuplicateOf: other }, key });
  return confirmed.body.id;
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(workers);
}
