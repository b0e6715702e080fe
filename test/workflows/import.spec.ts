import { randomUUID } from 'node:crypto';
import { LIFECYCLE_TASK_QUEUE, PROJECT_WORKFLOW_TYPE, projectStateQuery, projectWorkflowId, registrationUpdate, type ProjectWorkflowInput } from '@zs/contracts';
import { addDays, endOfShanghaiDay, MILESTONE_KINDS, parseImportRow, shanghaiDate, type Actor, type ImportProjectRecord, type ImportRowInput } from '@zs/domain';
import { eventually } from '../support/eventually';
import { auditOf, notificationsOf } from '../support/read-model';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const ADMIN: Actor = { userId: 'u-admin', role: 'admin', displayName: '系统管理员' };
const ZHANG = { userId: 'u-zhang', name: '张专员' };

/** 存量项目导入 on the time-skipping server: nothing past alerts, future clocks fire at their exact boundaries. */
describe('imported projects (time-skipping)', () => {
  let h: TimeSkippingHarness;
  beforeAll(async () => {
    h = await startTimeSkippingHarness();
  });
  afterAll(async () => {
    await h?.teardown();
  });

  /** The test server's clock (earlier tests skipped it ahead). */
  const serverToday = async () => shanghaiDate(await h.env.currentTimeMs());

  async function importRow(raw: ImportRowInput) {
    const now = await h.env.currentTimeMs();
    const { row, errors } = parseImportRow(raw, now);
    expect(errors).toEqual([]);
    const projectId = randomUUID();
    const record: ImportProjectRecord = {
      projectId,
      ...row!,
      commissioner: row!.commissioner ? ZHANG : null,
      nodes: row!.nodes.map((n) => ({ ...n, responsible: ZHANG })),
      registeredBy: { userId: 'u-officer', role: 'investment_officer' },
      importedBy: ADMIN,
      ownership: null,
    };
    const input: ProjectWorkflowInput = {
      projectId,
      lead: row!.lead,
      registeredBy: record.registeredBy,
      requestHash: 'import-test',
      imported: { record, mark: { importId: 'imp-test', importedBy: { userId: ADMIN.userId, displayName: ADMIN.displayName }, importedAt: now, file: 'portfolio.xlsx', row: 1 } },
    };
    const handle = await h.env.client.workflow.start(PROJECT_WORKFLOW_TYPE, { workflowId: projectWorkflowId(projectId), taskQueue: LIFECYCLE_TASK_QUEUE, args: [input] });
    const snapshot = await handle.executeUpdate(registrationUpdate);
    // The workflow's own import instant (the audit event's time), which every boundary counts from.
    const [{ at: importedAtDate }]: Array<{ at: Date }> = await eventually('the import event', async () => {
      const rows: Array<{ at: Date }> = await h.dataSource.query(`SELECT occurred_at AS at FROM audit_events WHERE project_id = $1`, [projectId]);
      return rows.length ? rows : undefined;
    });
    const importedAt = importedAtDate.getTime();
    let offset = 0;
    /** Sleeps until `ms` after the import (the workflow's own clock). */
    const at = async (ms: number) => {
      if (ms > offset) await h.env.sleep(ms - offset);
      offset = Math.max(offset, ms);
    };
    return { projectId, handle, snapshot, importedAt, at };
  }

  it('an imported construction-stage project with past nodes raises no alert; a future node warns and escalates at its exact boundaries', async () => {
    const today = await serverToday();
    const d = (days: number) => addDays(today, days);
    const due: Record<string, [string, string | null]> = {
      company_registration: [d(-200), d(-201)],
      land_handover: [d(-150), d(-140)],
      project_filing: [d(-120), d(-120)],
      planning_permit: [d(-90), null], // open and long past due: overdue at import, no alert, ever
      construction_permit: [d(-40), null],
      construction_start: [d(10), null], // due in 10 days: the weekly list at +7 days, then its ladder
      equipment_entry: [d(60), null],
      trial_production: [d(90), null],
      production: [d(120), null],
    };
    const { projectId, handle, snapshot, importedAt, at } = await importRow({
      companyName: '株洲导入示例电机有限公司',
      contactName: '赵经理',
      industryChain: '先进轨道交通装备',
      estimatedInvestmentYi: 8,
      sourceChannel: 'small_team',
      infoGrade: 'B',
      stage: 'construction',
      registeredOn: d(-300),
      decidedOn: d(-298),
      signedOn: d(-210),
      contractInvestmentYi: 8,
      committedConstructionStart: d(10),
      committedEquipmentEntry: d(60),
      committedProduction: d(120),
      committedFirstTax: d(200),
      factoryAreaM2: 5000,
      commissioner: 'zhang',
      responsible: 'zhang',
      nodes: MILESTONE_KINDS.map((kind) => ({ kind, dueOn: due[kind][0], completedOn: due[kind][1] })),
    });
    expect(snapshot.state).toMatchObject({ stage: 'construction', overdue: true, imported: { importId: 'imp-test', file: 'portfolio.xlsx' } });
    const audit = await auditOf(h.dataSource, projectId);
    expect(audit.map((a) => a.action)).toEqual(['project.imported']);
    expect(audit[0].payload).toMatchObject({ overdueAtImport: { nodes: [{ kind: 'planning_permit' }, { kind: 'construction_permit' }] } });

    const weeklyAt = 7 * DAY;
    await at(weeklyAt - MIN);
    expect(await notificationsOf(h.dataSource, projectId)).toEqual([]);
    await at(weeklyAt);
    const weekly = await eventually('the weekly list', async () => {
      const rows = await notificationsOf(h.dataSource, projectId);
      return rows.length > 0 ? rows : undefined;
    });
    expect(weekly.map((n) => n.kind)).toEqual(['milestone.weekly']);
    expect(weekly[0].title).toContain('到期节点 1 个');

    const dueAt = endOfShanghaiDay(d(10)) - importedAt;
    await at(dueAt - MIN);
    expect((await notificationsOf(h.dataSource, projectId)).filter((n) => n.kind === 'sla.escalated')).toEqual([]);
    await at(dueAt);
    const escalated = await eventually('the first escalation', async () => {
      const rows = (await notificationsOf(h.dataSource, projectId)).filter((n) => n.kind === 'sla.escalated');
      return rows.length > 0 ? rows : undefined;
    });
    expect(escalated.map((n) => n.dedupe_key)).toEqual([expect.stringMatching(new RegExp(`^${projectId}:milestone:construction_start:${d(10)}:1:u-zhang`))]);
    // A week past the past-due nodes' leadership rung: still nothing for them.
    await at(dueAt + DAY + MIN);
    const all = await eventually('the second rung', async () => {
      const rows = (await notificationsOf(h.dataSource, projectId)).filter((n) => n.kind === 'sla.escalated');
      return rows.length >= 2 ? rows : undefined;
    });
    expect(all.every((n) => n.dedupe_key.includes(':construction_start:'))).toBe(true);
    expect((await auditOf(h.dataSource, projectId)).filter((a) => a.action === 'construction.milestone_overdue').map((a) => a.payload.kind)).toEqual(['construction_start', 'construction_start']);
    expect((await handle.query(projectStateQuery)).state.stage).toBe('construction');
  });

  it('an intake imported on its registration day warns at exactly 36 hours; one registered days ago is overdue without alert', async () => {
    const today = await serverToday();
    const lead = { companyName: '导入研判示例有限公司', contactName: '钱经理', industryChain: '新能源', estimatedInvestmentYi: 3, sourceChannel: '全民招商', infoGrade: 'C', stage: '48小时研判' };
    const old = await importRow({ ...lead, registeredOn: addDays(today, -5) });
    expect(old.snapshot.state).toMatchObject({ overdue: true, intake: { clock: { fired: ['warning-1', 'escalation-1', 'escalation-2'] } } });

    const fresh = await importRow({ ...lead, registeredOn: today });
    const clock = fresh.snapshot.state.intake.clock;
    expect(clock.fired).toEqual([]);
    const warning = clock.plan!.thresholds.find((t) => t.kind === 'warning')!;
    const warnAt = clock.startedAt + warning.atElapsedMs - fresh.importedAt;
    await fresh.at(warnAt - MIN);
    expect(await notificationsOf(h.dataSource, fresh.projectId)).toEqual([]);
    await fresh.at(warnAt);
    const rows = await eventually('the intake warning', async () => {
      const n = await notificationsOf(h.dataSource, fresh.projectId);
      return n.length > 0 ? n : undefined;
    });
    expect(rows.map((n) => n.kind)).toEqual(['sla.warning']);
    expect(await notificationsOf(h.dataSource, old.projectId)).toEqual([]);
  });

  it('a project imported in negotiation: its first missed follow-up falls one cadence after the import, not before', async () => {
    const today = await serverToday();
    const { projectId, snapshot, importedAt, at } = await importRow({
      companyName: '导入洽谈示例有限公司', contactName: '孙经理', industryChain: '新能源', estimatedInvestmentYi: 5, sourceChannel: 'consultant', infoGrade: 'A',
      stage: '洽谈', registeredOn: addDays(today, -60), decidedOn: addDays(today, -58),
    });
    const followUp = snapshot.state.negotiation!.followUp;
    expect(followUp).toMatchObject({ lastContactAt: importedAt, missedInRow: 0 });
    await at(followUp.cadenceMs - MIN);
    expect(await notificationsOf(h.dataSource, projectId)).toEqual([]);
    await at(followUp.cadenceMs);
    const rows = await eventually('the first follow-up reminder', async () => {
      const n = await notificationsOf(h.dataSource, projectId);
      return n.length > 0 ? n : undefined;
    });
    expect(rows.map((n) => n.kind)).toEqual(['follow_up.reminder']);
  });

  it('a project imported in service: the fulfilment reminder comes at the first period boundary from production after the import; a signed project without commissioner stays silent', async () => {
    const today = await serverToday();
    const dates = { registeredOn: addDays(today, -400), decidedOn: addDays(today, -399), signedOn: addDays(today, -300) };
    const contract = {
      contractInvestmentYi: 6, committedConstructionStart: addDays(today, -250), committedEquipmentEntry: addDays(today, -200), committedProduction: addDays(today, -100),
      committedFirstTax: addDays(today, -50), landAreaM2: 20000, responsible: 'zhang',
    };
    const lead = { companyName: '导入服务示例有限公司', contactName: '周经理', industryChain: '新材料', estimatedInvestmentYi: 6, sourceChannel: 'agency', infoGrade: 'B' };
    const service = await importRow({
      ...lead, ...dates, ...contract, stage: '投产后服务', commissioner: 'zhang',
      nodes: MILESTONE_KINDS.map((kind) => ({ kind, dueOn: addDays(today, -120), completedOn: addDays(today, -120) })),
    });
    const due = service.snapshot.state.fulfilment!.nextCheckDueAt;
    expect(due).toBeGreaterThan(service.importedAt);
    const silent = await importRow({
      ...lead, companyName: '导入无专员示例有限公司', ...dates, ...contract, stage: 'construction',
      nodes: MILESTONE_KINDS.map((kind) => ({ kind, dueOn: addDays(today, 300), completedOn: null })),
    });
    expect(silent.snapshot.state.handover).toMatchObject({ commissioner: null, clock: { fired: ['warning-1', 'escalation-1', 'escalation-2'] } });

    await service.at(due - service.importedAt - MIN);
    expect(await notificationsOf(h.dataSource, service.projectId)).toEqual([]);
    await service.at(due - service.importedAt);
    const rows = await eventually('the fulfilment reminder', async () => {
      const n = await notificationsOf(h.dataSource, service.projectId);
      return n.length > 0 ? n : undefined;
    });
    expect(rows.map((n) => n.kind)).toEqual(['fulfilment.due']);
    // Weeks later: the signed project without a commissioner raised nothing but its weekly lists (no node due within them).
    expect(await notificationsOf(h.dataSource, silent.projectId)).toEqual([]);
  });
});
