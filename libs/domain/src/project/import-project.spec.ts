import { MILESTONE_KINDS } from './construction-state';
import { importCadenceKeys, importClocksToPlan, importProject, type ImportProjectRecord } from './import-project';
import { parseImportRow, type ImportRowInput, type ParsedImportRow } from './import-record';
import type { ImportMark } from './ownership';
import { endOfShanghaiDay } from './calendar-dates';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** 2026-06-15 10:00 Asia/Shanghai. */
const NOW = Date.parse('2026-06-15T02:00:00Z');
const importer = { userId: 'u-admin', role: 'admin' as const, displayName: '管理员' };
const mark: ImportMark = { importId: 'imp-1', importedBy: { userId: 'u-admin', displayName: '管理员' }, importedAt: NOW, file: 'portfolio.csv', row: 3 };

const baseRow: ImportRowInput = {
  companyName: '株洲示例动力科技有限公司',
  contactName: '王经理',
  industryChain: '先进轨道交通装备',
  estimatedInvestmentYi: '12.5',
  sourceChannel: '小分队招商',
  infoGrade: 'A',
  kind: '新引进',
};

const nodeDates: Record<string, [string, string | null]> = {
  company_registration: ['2026-01-10', '2026-01-08'],
  land_handover: ['2026-02-01', '2026-02-03'],
  project_filing: ['2026-02-10', '2026-02-10'],
  planning_permit: ['2026-03-01', '2026-03-05'],
  construction_permit: ['2026-03-20', null],
  construction_start: ['2026-04-01', null],
  equipment_entry: ['2026-07-15', null],
  trial_production: ['2026-09-01', null],
  production: ['2026-10-01', null],
};

const constructionRow: ImportRowInput = {
  ...baseRow,
  stage: '建设',
  registeredOn: '2025-11-01',
  decidedOn: '2025-11-03',
  signedOn: '2026-01-01',
  contractInvestmentYi: 10,
  committedConstructionStart: '2026-04-01',
  committedEquipmentEntry: '2026-07-15',
  committedProduction: '2026-10-01',
  committedFirstTax: '2027-01-01',
  factoryAreaM2: '12000',
  commissioner: 'psb',
  responsible: 'psb',
  nodes: MILESTONE_KINDS.map((kind) => ({ kind, dueOn: nodeDates[kind][0], completedOn: nodeDates[kind][1] })),
  funds: [{ date: '2026-03-01', amountYi: '2.5', source: '企业自筹', evidence: 'ZJ-2026-001' }],
};

function parsed(raw: ImportRowInput): ParsedImportRow {
  const { row, errors } = parseImportRow(raw, NOW);
  expect(errors).toEqual([]);
  return row!;
}

function resolve(row: ParsedImportRow): ImportProjectRecord {
  return {
    projectId: 'p-1',
    ...row,
    commissioner: row.commissioner ? { userId: 'u-psb', name: '项目服务局' } : null,
    nodes: row.nodes.map((n) => ({ ...n, responsible: { userId: 'u-psb', name: '项目服务局' } })),
    registeredBy: { userId: 'u-officer', role: 'investment_officer' },
    importedBy: importer,
    ownership: null,
  };
}

describe('parseImportRow', () => {
  it('accepts Chinese labels and codes and normalises values', () => {
    const row = parsed(constructionRow);
    expect(row.lead).toMatchObject({ sourceChannel: 'small_team', infoGrade: 'A', kind: 'new', estimatedInvestmentYi: 12.5, fortune500: false });
    expect(row.contract?.committed.production).toBe('2026-10-01');
    expect(row.funds).toEqual([{ date: '2026-03-01', amountYi: 2.5, source: 'self_raised', evidence: 'ZJ-2026-001' }]);
    expect(row.nodes).toHaveLength(9);
  });

  it('names every bad field in Chinese: incoherent dates, insane years, future completions, missing values', () => {
    const { row, errors } = parseImportRow(
      {
        ...constructionRow,
        companyName: '',
        decidedOn: '2025-10-01',
        signedOn: '9999-01-01',
        committedEquipmentEntry: '2026-03-01',
        nodes: MILESTONE_KINDS.map((kind) => ({ kind, dueOn: nodeDates[kind][0], completedOn: kind === 'construction_permit' ? '2026-12-01' : nodeDates[kind][1] })),
      },
      NOW,
    );
    expect(row).toBeNull();
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
    expect(byField.companyName).toBe('企业名称：必填');
    expect(byField.decidedOn).toContain('不能早于登记日期');
    expect(byField.signedOn).toContain('年份应在1900–2199之间');
    expect(byField.committedEquipmentEntry).toContain('不能早于承诺开工日期');
    expect(byField['nodes.construction_permit.completedOn']).toContain('不能晚于今天');
  });

  it('refuses a contract on a project still in intake and a production date during construction', () => {
    expect(parseImportRow({ ...baseRow, stage: 'intake', registeredOn: '2026-06-14', signedOn: '2026-06-14' }, NOW).errors.map((e) => e.field)).toEqual(['signedOn']);
    const produced = { ...constructionRow, nodes: MILESTONE_KINDS.map((kind) => ({ kind, dueOn: nodeDates[kind][0], completedOn: '2026-06-01' })) };
    expect(parseImportRow(produced, NOW).errors.map((e) => e.field)).toContain('nodes.production.completedOn');
  });
});

describe('importProject', () => {
  it('imports a construction-stage project as one audited event, its past-due nodes overdue without escalation, its future nodes on their ladder', () => {
    const { state, audit } = importProject(resolve(parsed(constructionRow)), mark, NOW);
    expect(audit).toMatchObject({ seq: 1, action: 'project.imported', stageBefore: null, stageAfter: 'construction', payload: { mark } });
    expect(state).toMatchObject({ stage: 'construction', imported: mark, seq: 1, registeredAt: Date.parse('2025-10-31T16:00:00Z') });
    expect(state.intake.decision).toMatchObject({ action: 'accept', decidedAt: Date.parse('2025-11-02T16:00:00Z') });
    expect(state.contract).toMatchObject({ signedOn: '2026-01-01', contractInvestmentYi: 10 });
    expect(state.handover?.commissioner?.userId).toBe('u-psb');
    const node = (kind: string) => state.construction!.nodes.find((n) => n.kind === kind)!;
    // Completed nodes keep their dates; open nodes due before today have their whole ladder passed (no alert will fire).
    expect(node('planning_permit')).toMatchObject({ completedOn: '2026-03-05', escalated: [] });
    expect(node('construction_permit').escalated).toEqual([1, 2, 3]);
    expect(node('construction_start').escalated).toEqual([1, 2, 3]);
    expect(node('equipment_entry').escalated).toEqual([]);
    expect(audit.payload.overdueAtImport).toEqual({
      clocks: [],
      nodes: [
        { kind: 'construction_permit', dueOn: '2026-03-20' },
        { kind: 'construction_start', dueOn: '2026-04-01' },
      ],
    });
    expect(state.overdue).toBe(true);
    expect(state.funds).toEqual([expect.objectContaining({ amountYi: 2.5, date: '2026-03-01', source: 'self_raised', recordedBy: importer })]);
    expect(state.construction!.weeklyAnchorAt).toBe(NOW);
    expect(importClocksToPlan(state)).toEqual([]);
    expect(importCadenceKeys(state)).toEqual(expect.arrayContaining(['milestone:production', 'milestone_weekly']));
  });

  it('keeps a future node clean when nothing is past, so the project is not overdue', () => {
    const future = { ...constructionRow, nodes: MILESTONE_KINDS.map((kind) => ({ kind, dueOn: '2026-08-01', completedOn: null })) };
    const { state, audit } = importProject(resolve(parsed(future)), mark, NOW);
    expect(state.overdue).toBe(false);
    expect(state.construction!.nodes.every((n) => n.escalated.length === 0)).toBe(true);
    expect(audit.payload.overdueAtImport).toEqual({ clocks: [], nodes: [] });
  });

  it('an intake still pending: a deadline already past is overdue at import with every threshold passed; a recent one keeps its future thresholds', () => {
    const old = importProject(resolve(parsed({ ...baseRow, stage: 'intake', registeredOn: '2026-06-10' })), mark, NOW);
    expect(old.state.intake.clock.fired).toEqual(['warning-1', 'escalation-1', 'escalation-2']);
    expect(old.state.overdue).toBe(true);
    expect(old.audit.payload.overdueAtImport).toEqual({ clocks: [{ clock: 'intake_decision', thresholds: ['warning-1', 'escalation-1', 'escalation-2'], deadlinePassed: true }], nodes: [] });

    // Registered today (00:00, 10 hours ago): the 36-hour warning and the escalations are still to come.
    const today = importProject(resolve(parsed({ ...baseRow, stage: 'intake', registeredOn: '2026-06-15' })), mark, NOW);
    expect(today.state.intake.clock.fired).toEqual([]);
    expect(today.state.overdue).toBe(false);
    expect(importClocksToPlan(today.state)).toEqual([{ clock: 'intake_decision', policyKey: 'intake_decision', startedAt: Date.parse('2026-06-14T16:00:00Z') }]);
  });

  it('an intake clock planned by policy is quieted by its plan: a warning past at import is marked, the escalation still runs', () => {
    const startedAt = Date.parse('2026-06-13T16:00:00Z'); // registered 2026-06-14, 34 hours before NOW
    const plan = {
      policyKey: 'intake_decision' as const,
      policyVersion: 2,
      duration: null,
      budgetMs: 48 * HOUR,
      thresholds: [
        { key: 'warning-1', kind: 'warning' as const, level: 1, atElapsedMs: 24 * HOUR, notify: 'intake_task_force' as const, department: null },
        { key: 'escalation-1', kind: 'escalation' as const, level: 1, atElapsedMs: 48 * HOUR, notify: 'economic_cooperation_bureau_head' as const, department: null },
      ],
    };
    const { state } = importProject(resolve(parsed({ ...baseRow, stage: 'intake', registeredOn: '2026-06-14' })), mark, NOW, {
      plans: [{ clock: 'intake_decision', startedAt, plan }],
      policies: [],
    });
    expect(state.intake.clock.plan?.policyVersion).toBe(2);
    expect(state.intake.clock.fired).toEqual(['warning-1']);
    expect(state.overdue).toBe(false);
  });

  it('a project in negotiation restarts its follow-up cadence at import (no miss counted for the past)', () => {
    const { state } = importProject(resolve(parsed({ ...baseRow, stage: '洽谈', registeredOn: '2026-01-01', decidedOn: '2026-01-02' })), mark, NOW);
    expect(state.stage).toBe('negotiation');
    expect(state.negotiation?.followUp).toMatchObject({ lastContactAt: NOW, missedInRow: 0 });
    expect(importCadenceKeys(state)).toEqual(['follow_up:A']);
  });

  it('a project in service: the next fulfilment check is the first period boundary from production after the import', () => {
    const service = { ...constructionRow, stage: '投产后服务', nodes: MILESTONE_KINDS.map((kind) => ({ kind, dueOn: '2026-03-01', completedOn: '2026-03-01' })) };
    const { state } = importProject(resolve(parsed(service)), mark, NOW);
    expect(state.stage).toBe('service');
    const produced = endOfShanghaiDay('2026-03-01') - DAY;
    expect(state.fulfilment!.nextCheckDueAt).toBe(produced + 2 * 91 * DAY);
    expect(state.fulfilment!.nextCheckDueAt).toBeGreaterThan(NOW);
    expect(state.overdue).toBe(false);
  });

  it('a signed project without a commissioner: the assignment deadline long past is overdue at import, silently', () => {
    const { state, audit } = importProject(resolve(parsed({ ...constructionRow, commissioner: undefined })), mark, NOW);
    expect(state.handover?.commissioner).toBeNull();
    expect(state.handover?.clock.fired).toEqual(['warning-1', 'escalation-1', 'escalation-2']);
    expect((audit.payload.overdueAtImport as { clocks: unknown[] }).clocks).toHaveLength(1);
    expect(importClocksToPlan(state)).toEqual([{ clock: 'commissioner_assignment', policyKey: 'commissioner_assignment', startedAt: Date.parse('2025-12-31T16:00:00Z') }]);
  });

  it('a completed project is closed at its completion date', () => {
    const done = { ...constructionRow, stage: '履约完成', completedOn: '2026-05-01', nodes: MILESTONE_KINDS.map((kind) => ({ kind, dueOn: '2026-03-01', completedOn: '2026-03-01' })) };
    const { state } = importProject(resolve(parsed(done)), mark, NOW);
    expect(state.stage).toBe('completed');
    expect(state.closure).toMatchObject({ outcome: 'completed', closedAt: Date.parse('2026-04-30T16:00:00Z') });
    expect(importClocksToPlan(state)).toEqual([]);
  });
});
