import type { Actor } from '../roles';
import { MILESTONE_KINDS } from '../project/construction-state';
import { completeMilestone, establishMilestonePlan } from '../project/construction-transitions';
import { decideIntake, provideIntakeInfo, registerLead } from '../project/intake-transitions';
import { concludeNegotiation } from '../project/negotiation-transitions';
import { pauseProjectClock, resumeProjectClock } from '../project/project-clocks';
import type { ProjectState } from '../project/project-state';
import { signContract } from '../project/signing-transitions';
import { toProjectFacts } from './project-facts';

const HOUR = 3_600_000;
/** 2026-03-02 09:00 Asia/Shanghai. */
const T0 = Date.parse('2026-03-02T01:00:00Z');
const officer: Actor = { userId: 'officer-1', role: 'investment_officer', displayName: '李明', departmentId: 'dep-ecb' };
const taskForce: Actor = { userId: 'tf-1', role: 'intake_task_force' };
const psb: Actor = { userId: 'psb-1', role: 'project_service_bureau' };
const lead = {
  companyName: '株洲智造动力科技有限公司',
  contactName: '王经理',
  industryChain: '先进轨道交通装备',
  estimatedInvestmentYi: 5.5,
  sourceChannel: 'small_team' as const,
  infoGrade: 'A' as const,
  fortune500: true,
  specializedSme: false,
  kind: 'new' as const,
};
const ownership = {
  reporter: { userId: 'officer-1', displayName: '李明', departmentId: 'dep-ecb', teamId: 'team-1' },
  owner: { userId: 'officer-2', displayName: '赵强', departmentId: 'dep-land', teamId: 'team-2' },
  campaignId: 'camp-summer',
};

const registered = (): ProjectState => registerLead('p1', lead, officer, T0, { ownership }).state;

describe('toProjectFacts', () => {
  it('a fresh lead: credited to its owner, undecided, nothing signed', () => {
    const f = toProjectFacts(registered());
    expect(f).toMatchObject({
      projectId: 'p1',
      companyName: lead.companyName,
      stage: 'intake',
      owner: ownership.owner,
      reporter: ownership.reporter,
      campaignId: 'camp-summer',
      registeredOn: '2026-03-02',
      imported: false,
      signedOn: null,
      nodes: [],
      funds: [],
      closure: null,
      firstTaxOn: null,
      // A lead from before issue 10 with only the boolean counts as one 500强 list.
      fortune500Lists: ['global'],
    });
    expect(f.intake).toMatchObject({ decision: null, withinLimit: null, measured: false });
  });

  it('48-h compliance excludes paused time: 60 h of wall clock with a 20-h info request is within the limit', () => {
    let s = registered();
    s = decideIntake(s, { action: 'request_info', missing: '营业执照' }, taskForce, T0 + 10 * HOUR).state;
    s = provideIntakeInfo(s, { response: '已补充' }, officer, T0 + 30 * HOUR).state;
    s = pauseProjectClock(s, { clock: 'intake_decision', reason: '等待企业决策' }, taskForce, T0 + 40 * HOUR).state;
    s = resumeProjectClock(s, { clock: 'intake_decision', reason: '企业已答复' }, taskForce, T0 + 50 * HOUR).state;
    s = decideIntake(s, { action: 'accept' }, taskForce, T0 + 60 * HOUR).state;
    const f = toProjectFacts(s);
    expect(f.intake).toMatchObject({ decision: 'accept', decidedOn: '2026-03-04', activeElapsedMs: 30 * HOUR, withinLimit: true, measured: true });
  });

  it('a decision after 49 running hours is late', () => {
    const s = decideIntake(registered(), { action: 'reject', reason: '不符合产业定位' }, taskForce, T0 + 49 * HOUR).state;
    expect(toProjectFacts(s).intake).toMatchObject({ decision: 'reject', withinLimit: false, measured: true });
  });

  it('an imported project: its pre-import decision is not measured', () => {
    const s = decideIntake(registered(), { action: 'accept' }, taskForce, T0 + 100 * HOUR).state;
    const imported = { ...s, imported: { importId: 'imp-1', importedBy: { userId: 'admin' }, importedAt: T0 + 200 * HOUR, file: 'portfolio.xlsx', row: 3 } };
    const f = toProjectFacts(imported);
    expect(f.imported).toBe(true);
    expect(f.intake).toMatchObject({ withinLimit: false, measured: false });
  });

  it('signing, milestones, funds and first tax', () => {
    let s = decideIntake(registered(), { action: 'accept' }, taskForce, T0 + HOUR).state;
    s = concludeNegotiation(s, { outcome: 'proceed' }, officer, T0 + 2 * HOUR).state;
    s = signContract(
      s,
      {
        contractInvestmentYi: 12,
        signedOn: '2026-03-02',
        committed: { constructionStart: '2026-04-01', equipmentEntry: '2026-06-01', production: '2026-09-01', firstTax: '2026-12-01' },
        factoryAreaM2: 1000,
      },
      officer,
      T0 + 3 * HOUR,
    ).state;
    s = establishMilestonePlan(s, { nodes: MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: 'psb-2', responsibleName: '张三' })) }, psb, T0 + 4 * HOUR).state;
    s = completeMilestone(s, { kind: 'company_registration', completedOn: '2026-03-02', evidence: '营业执照' }, psb, T0 + 5 * HOUR).state;
    s = {
      ...s,
      funds: [
        { entryId: 'f2', amountYi: 2, date: '2026-05-10', source: 'loan', evidence: 'B-2', recordedBy: officer, recordedAt: T0 },
        { entryId: 'f1', amountYi: 1.5, date: '2026-04-10', source: 'equity', evidence: 'B-1', recordedBy: officer, recordedAt: T0 },
      ],
      firstTax: { date: '2026-11-20', amountWanYuan: 30, recordedBy: officer, recordedAt: T0 },
    } as ProjectState;
    const f = toProjectFacts(s);
    expect(f).toMatchObject({ stage: 'construction', signedOn: '2026-03-02', contractInvestmentYi: 12, constructionStartOn: null, firstTaxOn: '2026-11-20' });
    expect(f.nodes).toHaveLength(MILESTONE_KINDS.length);
    expect(f.nodes[0]).toEqual({ kind: 'company_registration', dueOn: expect.any(String), completedOn: '2026-03-02' });
    expect(f.funds).toEqual([
      { date: '2026-04-10', amountYi: 1.5 },
      { date: '2026-05-10', amountYi: 2 },
    ]);
  });

  it('a project without ownership (recorded before issue 10) is credited to whoever registered it', () => {
    const { ownership: _dropped, ...old } = registered();
    const f = toProjectFacts(old as ProjectState);
    expect(f.owner).toEqual({ userId: 'officer-1', displayName: '李明', departmentId: 'dep-ecb', teamId: null });
    expect(f.campaignId).toBeNull();
  });
});
