import { workingDeadline } from '../support/working-deadline';
import { addDays, daysBetween, MILESTONE_KINDS, MILESTONE_LABELS, shanghaiDate, type Lead, type MilestoneKind, type SignContractCommand } from '@zs/domain';
import { eventually } from '../support/eventually';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { expectRefused, loginStaff, type Staff } from '../support/e2e-staff';
import { auditOf, notificationsOf } from '../support/read-model';
import { sampleContract } from '../support/sample-contract';
import { importedInNegotiation } from '../support/past-registration';
import { uniqueCompanyName } from '../support/sample-lead';

/**
 * Today in Asia/Shanghai (the workflow's calendar), fixed once so every date of the file agrees.
 * Past dates stay past if the run crosses midnight; future ones used for refusals are 2+ days out.
 */
const TODAY = shanghaiDate(Date.now());
const day = (days: number): string => addDays(TODAY, days);

/**
 * Signed 20 days ago; every committed date (and so every template due date but one) in the future.
 * Since issue 10 nothing may be dated before the lead's registration: the projects of this file are
 * registered REGISTERED_DAYS_AGO days ago (imported, see past-registration.ts), before every date here.
 */
const REGISTERED_DAYS_AGO = 60;

function contractBody(overrides: Partial<SignContractCommand> = {}): SignContractCommand {
  return sampleContract({
    signedOn: day(-20),
    committed: { constructionStart: day(10), equipmentEntry: day(40), production: day(120), firstTax: day(200) },
    ...overrides,
  });
}

/** 签约 → 设备进场 → 投产 over HTTP: contract, commissioner, milestone plan, completions, re-baselining, production. */
describe('signing and construction over HTTP', () => {
  let h: E2eHarness;
  let officer: Staff;
  let psb: Staff;
  let auditor: Staff;
  let admin: Staff;

  // Since issue 10 the recorded actor also carries its department (actor-of.ts).
  const actor = (s: Staff) => expect.objectContaining({ userId: s.id, role: s.role, displayName: s.displayName });
  const post = (path: string, who: Staff, body: unknown) => h.http('POST', path, { token: who.token, body });
  const read = (id: string) => h.http('GET', `/projects/${id}`, { token: auditor.token });
  const sign = (id: string, body: unknown, who: Staff = officer) => post(`/projects/${id}/contract`, who, body);
  const assign = (id: string, who: Staff = psb) => post(`/projects/${id}/commissioner`, who, { commissionerUserId: psb.id, commissionerName: psb.displayName });
  const plan = (id: string, body: unknown, who: Staff = psb) => post(`/projects/${id}/milestone-plan`, who, body);
  const complete = (id: string, kind: string, body: unknown, who: Staff = psb) => post(`/projects/${id}/milestones/${kind}/complete`, who, body);
  const progress = (id: string, body: unknown, who: Staff = psb) => post(`/projects/${id}/progress`, who, body);
  const rebaseline = (id: string, body: unknown, who: Staff = psb) => post(`/projects/${id}/milestone-plan/rebaseline`, who, body);
  const production = (id: string, body: unknown, who: Staff = psb) => post(`/projects/${id}/production`, who, body);

  /** Every template node, responsible the bureau's user; company registration due in 3 days (its template date is past). */
  function planBody(dueOn: Partial<Record<MilestoneKind, string>> = { company_registration: day(3) }, kinds: readonly MilestoneKind[] = MILESTONE_KINDS) {
    return {
      nodes: kinds.map((kind) => ({
        kind,
        responsibleUserId: psb.id,
        responsibleName: psb.displayName,
        ...(kind === 'company_registration' ? { todos: ['核名', '提交设立登记材料'] } : {}),
        ...(dueOn[kind] ? { dueOn: dueOn[kind] } : {}),
      })),
    };
  }

  /** Registered (and accepted) in the past: the contract of `contractBody` is signed after the registration. */
  async function inNegotiation(lead: Partial<Lead> = {}): Promise<string> {
    return importedInNegotiation(h, admin.token, { registeredDaysAgo: REGISTERED_DAYS_AGO, lead });
  }

  async function inSigning(lead: Partial<Lead> = {}): Promise<string> {
    const id = await inNegotiation(lead);
    const res = await post(`/projects/${id}/negotiation-outcome`, officer, { outcome: 'proceed' });
    expect(res.status).toBe(200);
    expect(res.body.stage).toBe('signing');
    return id;
  }

  async function inConstruction(lead: Partial<Lead> = {}, contract: SignContractCommand = contractBody()): Promise<string> {
    const id = await inSigning(lead);
    const res = await sign(id, contract);
    expect(res.status).toBe(200);
    expect(res.body.stage).toBe('construction');
    return id;
  }

  beforeAll(async () => {
    h = await startE2eHarness();
    [officer, psb, auditor, admin] = await Promise.all([loginStaff(h, 'officer'), loginStaff(h, 'psb'), loginStaff(h, 'auditor'), loginStaff(h, 'admin')]);
  });
  afterAll(async () => {
    await h?.teardown();
  });

  it('signs, hands over, plans, completes every node and records production, with the audit history in order', async () => {
    const id = await inSigning({ companyName: uniqueCompanyName('株洲轨道装备科技') });
    const before = await read(id);
    expect(before.body).toMatchObject({
      contract: null,
      handover: null,
      construction: null,
      intervals: { leadToSigningDays: null, signingToEquipmentEntryDays: null, signingToProductionDays: null },
    });
    expect(before.body.clocks.map((c: any) => c.clock)).toEqual(['intake_decision']);

    // 签约: the project moves to construction and the commissioner-assignment clock starts.
    const contract = contractBody();
    const signed = await sign(id, contract);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ id, stage: 'construction', stageLabel: '建设', overdue: false });
    expect(signed.body.contract).toEqual({
      contractNo: contract.contractNo,
      contractInvestmentYi: contract.contractInvestmentYi,
      signedOn: contract.signedOn,
      committed: contract.committed,
      landAreaM2: 0,
      factoryAreaM2: contract.factoryAreaM2,
      recordedBy: actor(officer),
      recordedAt: expect.any(String),
    });
    expect(signed.body.handover).toEqual({ commissioner: null });
    expect(signed.body.construction).toBeNull();
    const [intakeClock, handoverClock] = signed.body.clocks;
    expect(intakeClock).toMatchObject({ clock: 'intake_decision', status: 'met' });
    expect(handoverClock).toMatchObject({ clock: 'commissioner_assignment', label: '项目专员指派', status: 'running', paused: false, stoppedAt: null, fired: [] });
    expect(handoverClock.startedAt).toBe(signed.body.contract.recordedAt);
    // 项目专员指派: by 17:30 on the next working day (seeded policy, the zone's calendar).
    expect(handoverClock.deadlineAt).toBe(await workingDeadline(h.dataSource, handoverClock.startedAt, 1));
    expect(handoverClock).toMatchObject({ policyKey: 'commissioner_assignment', policyVersion: expect.any(Number) });
    const registeredOn = shanghaiDate(Date.parse(signed.body.registeredAt));
    expect(signed.body.intervals).toEqual({
      leadToSigningDays: daysBetween(registeredOn, contract.signedOn),
      signingToEquipmentEntryDays: null,
      signingToProductionDays: null,
    });
    // The read model answers the same.
    const afterSigning = await read(id);
    expect(afterSigning.body.stage).toBe('construction');
    expect(afterSigning.body.contract).toEqual(signed.body.contract);
    expect(afterSigning.body.clocks.map((c: any) => [c.clock, c.label])).toEqual([
      ['intake_decision', '48小时承接研判'],
      ['commissioner_assignment', '项目专员指派'],
    ]);

    // 项目专员: the bureau names the commissioner; the clock stops in time.
    const assigned = await assign(id);
    expect(assigned.status).toBe(200);
    expect(assigned.body.handover).toEqual({
      commissioner: { userId: psb.id, name: psb.displayName, assignedBy: actor(psb), assignedAt: expect.any(String) },
    });
    expect(assigned.body.clocks[1]).toMatchObject({ clock: 'commissioner_assignment', status: 'met', stoppedAt: assigned.body.handover.commissioner.assignedAt });

    // 节点计划: all nine template nodes; unspecified due dates come from the contract.
    const planned = await plan(id, planBody());
    expect(planned.status).toBe(200);
    const expectedDue: Record<MilestoneKind, string> = {
      company_registration: day(3),
      land_handover: day(3),
      project_filing: day(5),
      planning_permit: day(7),
      construction_permit: day(9),
      construction_start: day(10),
      equipment_entry: day(40),
      trial_production: day(106),
      production: day(120),
    };
    const { construction } = planned.body;
    expect(construction.nodes).toEqual(
      MILESTONE_KINDS.map((kind) => ({
        kind,
        label: MILESTONE_LABELS[kind],
        responsible: { userId: psb.id, name: psb.displayName },
        todos: kind === 'company_registration' ? ['核名', '提交设立登记材料'] : [],
        dueOn: expectedDue[kind],
        completedOn: null,
        evidence: null,
        completedBy: null,
        overdue: false,
        escalatedLevels: [],
      })),
    );
    expect(construction.versions).toEqual([{ version: 1, createdAt: expect.any(String), createdBy: actor(psb), reason: '初始计划', dueDates: expectedDue }]);
    expect(construction.progress).toEqual([]);

    // 设备进场 two weeks after signing: the headline interval of the source reports.
    const equipmentOn = addDays(contract.signedOn, 14);
    const equipped = await complete(id, 'equipment_entry', { completedOn: equipmentOn, evidence: '设备进场验收单（首批12台套）' });
    expect(equipped.status).toBe(200);
    expect(equipped.body.construction.nodes.find((n: any) => n.kind === 'equipment_entry')).toMatchObject({
      completedOn: equipmentOn,
      evidence: '设备进场验收单（首批12台套）',
      completedBy: actor(psb),
      overdue: false,
    });
    const afterEquipment = await read(id);
    expect(afterEquipment.body.intervals).toEqual({
      leadToSigningDays: daysBetween(registeredOn, contract.signedOn),
      signingToEquipmentEntryDays: 14,
      signingToProductionDays: null,
    });

    // 每日进度.
    const logged = await progress(id, { date: day(-1), note: '主体结构完成至二层，钢结构进场' });
    expect(logged.status).toBe(200);
    expect(logged.body.construction.progress).toEqual([
      { date: day(-1), note: '主体结构完成至二层，钢结构进场', recordedBy: actor(psb), recordedAt: expect.any(String) },
    ]);

    // 计划调整: a second version with its reason; version 1 stays as it was.
    const reason = '施工许可审批延期，开工顺延一周';
    const rebaselined = await rebaseline(id, {
      reason,
      changes: [
        { kind: 'construction_permit', dueOn: day(15) },
        { kind: 'construction_start', dueOn: day(17) },
      ],
    });
    expect(rebaselined.status).toBe(200);
    const v2Due = { ...expectedDue, construction_permit: day(15), construction_start: day(17) };
    expect(rebaselined.body.construction.versions).toEqual([
      { version: 1, createdAt: construction.versions[0].createdAt, createdBy: actor(psb), reason: '初始计划', dueDates: expectedDue },
      { version: 2, createdAt: expect.any(String), createdBy: actor(psb), reason, dueDates: v2Due },
    ]);
    expect(rebaselined.body.construction.nodes.map((n: any) => [n.kind, n.dueOn])).toEqual(MILESTONE_KINDS.map((k) => [k, v2Due[k]]));
    expect((await read(id)).body.construction.versions.map((v: any) => [v.version, v.reason])).toEqual([
      [1, '初始计划'],
      [2, reason],
    ]);

    // The remaining nodes, each on a past date not before signing.
    const rest: Array<[MilestoneKind, number]> = [
      ['company_registration', -19],
      ['land_handover', -18],
      ['project_filing', -17],
      ['planning_permit', -16],
      ['construction_permit', -15],
      ['construction_start', -10],
      ['trial_production', -3],
    ];
    for (const [kind, offset] of rest) {
      const res = await complete(id, kind, { completedOn: day(offset), evidence: `${MILESTONE_LABELS[kind]}完成凭证` });
      expect(res.status).toBe(200);
      expect(res.body.stage).toBe('construction');
    }

    // 投产: the project passes to the Enterprise Service Bureau.
    const produced = await production(id, { actualDate: day(-1), evidence: '首批产品下线，投产仪式纪要' });
    expect(produced.status).toBe(200);
    expect(produced.body).toMatchObject({ id, stage: 'service', stageLabel: '投产后服务', overdue: false });
    expect(produced.body.construction.nodes.find((n: any) => n.kind === 'production')).toMatchObject({
      completedOn: day(-1),
      evidence: '首批产品下线，投产仪式纪要',
      completedBy: actor(psb),
      overdue: false,
    });
    expect(produced.body.construction.nodes.every((n: any) => n.completedOn !== null && !n.overdue)).toBe(true);
    const final = await read(id);
    expect(final.body.stage).toBe('service');
    expect(final.body.intervals).toEqual({
      leadToSigningDays: daysBetween(registeredOn, contract.signedOn),
      signingToEquipmentEntryDays: 14,
      signingToProductionDays: 19,
    });
    expect(final.body.construction).toEqual(produced.body.construction);

    const audit = await auditOf(h.dataSource, id);
    // Registered and accepted in the past by the import (past-registration.ts), the journey's own steps follow.
    expect(audit.map((e) => [e.seq, e.action, e.actor_id, e.stage_before, e.stage_after])).toEqual([
      [1, 'project.imported', admin.id, null, 'negotiation'],
      [2, 'negotiation.proceeded_to_signing', officer.id, 'negotiation', 'signing'],
      [3, 'signing.contract_signed', officer.id, 'signing', 'construction'],
      [4, 'handover.commissioner_assigned', psb.id, 'construction', 'construction'],
      [5, 'construction.plan_established', psb.id, 'construction', 'construction'],
      [6, 'construction.milestone_completed', psb.id, 'construction', 'construction'],
      [7, 'construction.progress_logged', psb.id, 'construction', 'construction'],
      [8, 'construction.plan_rebaselined', psb.id, 'construction', 'construction'],
      ...rest.map((_, i) => [9 + i, 'construction.milestone_completed', psb.id, 'construction', 'construction']),
      [16, 'production.started', psb.id, 'construction', 'service'],
    ]);
    expect(audit[2].payload).toEqual({
      contractNo: contract.contractNo,
      contractInvestmentYi: contract.contractInvestmentYi,
      signedOn: contract.signedOn,
      committed: contract.committed,
      landAreaM2: 0,
      factoryAreaM2: contract.factoryAreaM2,
    });
    expect(audit[5].payload).toEqual({ kind: 'equipment_entry', completedOn: equipmentOn, evidence: '设备进场验收单（首批12台套）', dueOn: day(40), late: false });
    expect(audit[7].payload).toEqual({ version: 2, reason, changes: { construction_permit: day(15), construction_start: day(17) } });
    expect(audit.slice(8, 15).map((e) => e.payload.kind)).toEqual(rest.map(([kind]) => kind));

    const history = await h.http('GET', `/projects/${id}/history`, { token: auditor.token });
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: any) => e.action)).toEqual(audit.map((e) => e.action));
    // No clock or node ran late: nothing was escalated.
    expect(await notificationsOf(h.dataSource, id)).toEqual([]);
  });

  it('refuses contracts in the wrong stage, by the wrong role or with wrong values, without changing anything', async () => {
    const early = await inNegotiation();
    await expectRefused(h, early, () => sign(early, contractBody()), 409, 'WRONG_STAGE');

    const id = await inSigning();
    await expectRefused(h, id, () => sign(id, contractBody(), psb), 403, 'FORBIDDEN_ROLE');
    await expectRefused(h, id, () => sign(id, contractBody(), auditor), 403, 'FORBIDDEN_ROLE');
    const outOfOrder = { constructionStart: day(10), equipmentEntry: day(40), production: day(30), firstTax: day(200) };
    await expectRefused(h, id, () => sign(id, contractBody({ committed: outOfOrder })), 400, 'VALIDATION_FAILED', 'committed.production');
    const beforeSigning = { constructionStart: day(-21), equipmentEntry: day(40), production: day(120), firstTax: day(200) };
    await expectRefused(h, id, () => sign(id, contractBody({ committed: beforeSigning })), 400, 'VALIDATION_FAILED', 'committed.constructionStart');
    await expectRefused(h, id, () => sign(id, contractBody({ factoryAreaM2: undefined })), 400, 'VALIDATION_FAILED', 'landAreaM2');
    await expectRefused(h, id, () => sign(id, contractBody({ factoryAreaM2: 0, landAreaM2: 0 })), 400, 'VALIDATION_FAILED', 'landAreaM2');
    await expectRefused(h, id, () => sign(id, { ...contractBody(), contractInvestmentYi: '6.8' }), 400, 'VALIDATION_FAILED', 'contractInvestmentYi');
    await expectRefused(h, id, () => sign(id, contractBody({ contractInvestmentYi: -1 })), 400, 'VALIDATION_FAILED', 'contractInvestmentYi');
    await expectRefused(h, id, () => sign(id, contractBody({ signedOn: '2026-02-30' })), 400, 'VALIDATION_FAILED', 'signedOn');
    // Before the lead's registration (issue 10).
    await expectRefused(h, id, () => sign(id, contractBody({ signedOn: day(-REGISTERED_DAYS_AGO - 1) })), 400, 'VALIDATION_FAILED', 'signedOn');
    await expectRefused(h, id, () => sign(id, { ...contractBody(), committed: undefined }), 400, 'VALIDATION_FAILED', 'committed');
    const badShape = { constructionStart: day(10), equipmentEntry: day(40), production: '明年六月', firstTax: day(200) };
    await expectRefused(h, id, () => sign(id, contractBody({ committed: badShape })), 400, 'VALIDATION_FAILED', 'committed.production');

    // Nothing moved: the project can still be signed, once.
    expect((await sign(id, contractBody())).status).toBe(200);
    await expectRefused(h, id, () => sign(id, contractBody()), 409, 'WRONG_STAGE');
  });

  it('refuses construction steps in the wrong order, by the wrong role or with wrong values, without changing anything', async () => {
    const id = await inConstruction({ companyName: uniqueCompanyName('醴陵陶瓷新材料') });
    await expectRefused(h, id, () => assign(id, officer), 403, 'FORBIDDEN_ROLE');
    await expectRefused(h, id, () => plan(id, planBody(undefined, MILESTONE_KINDS.filter((k) => k !== 'trial_production'))), 400, 'VALIDATION_FAILED', 'nodes');
    await expectRefused(h, id, () => plan(id, planBody(), officer), 403, 'FORBIDDEN_ROLE');
    await expectRefused(h, id, () => plan(id, { nodes: Array.from({ length: 21 }, () => planBody().nodes[0]) }), 400, 'VALIDATION_FAILED', 'nodes');
    await expectRefused(h, id, () => plan(id, planBody({ company_registration: day(-21) })), 400, 'VALIDATION_FAILED', 'nodes[0].dueOn');
    await expectRefused(h, id, () => complete(id, 'company_registration', { completedOn: day(-1), evidence: '营业执照' }), 409, 'WRONG_STAGE');
    await expectRefused(h, id, () => production(id, { actualDate: day(-1), evidence: '投产' }), 409, 'WRONG_STAGE');

    // Construction steps are the named commissioner's (access/step-rules.ts): psb is named first.
    await expectRefused(h, id, () => plan(id, planBody()), 403, 'FORBIDDEN_NOT_OWNER');
    expect((await assign(id)).status).toBe(200);
    expect((await plan(id, planBody())).status).toBe(200);
    await expectRefused(h, id, () => plan(id, planBody()), 409, 'WRONG_STAGE');
    await expectRefused(h, id, () => complete(id, 'groundbreaking', { completedOn: day(-1), evidence: '开工' }), 400, 'VALIDATION_FAILED', 'kind');
    await expectRefused(h, id, () => complete(id, 'company_registration', { completedOn: day(2), evidence: '营业执照' }), 400, 'VALIDATION_FAILED', 'completedOn');
    await expectRefused(h, id, () => complete(id, 'company_registration', { completedOn: day(-21), evidence: '营业执照' }), 400, 'VALIDATION_FAILED', 'completedOn');
    await expectRefused(h, id, () => complete(id, 'company_registration', { completedOn: day(-1), evidence: '  ' }), 400, 'VALIDATION_FAILED', 'evidence');
    await expectRefused(h, id, () => complete(id, 'company_registration', { completedOn: day(-1), evidence: '营业执照' }, officer), 403, 'FORBIDDEN_ROLE');
    await expectRefused(h, id, () => complete(id, 'production', { completedOn: day(-1), evidence: '投产' }), 400, 'VALIDATION_FAILED', 'kind');

    expect((await complete(id, 'company_registration', { completedOn: day(-1), evidence: '营业执照' })).status).toBe(200);
    await expectRefused(h, id, () => complete(id, 'company_registration', { completedOn: day(-1), evidence: '营业执照' }), 409, 'WRONG_STAGE');
    await expectRefused(h, id, () => production(id, { actualDate: day(-1), evidence: '首批产品下线' }), 409, 'WRONG_STAGE');
    await expectRefused(h, id, () => progress(id, { date: day(2), note: '场地平整' }), 400, 'VALIDATION_FAILED', 'date');
    await expectRefused(h, id, () => rebaseline(id, { changes: [{ kind: 'construction_start', dueOn: day(20) }] }), 400, 'VALIDATION_FAILED', 'reason');
    await expectRefused(h, id, () => rebaseline(id, { reason: ' ', changes: [{ kind: 'construction_start', dueOn: day(20) }] }), 400, 'VALIDATION_FAILED', 'reason');
    await expectRefused(h, id, () => rebaseline(id, { reason: '顺延', changes: [] }), 400, 'VALIDATION_FAILED', 'changes');
    await expectRefused(h, id, () => rebaseline(id, { reason: '顺延', changes: [{ kind: 'company_registration', dueOn: day(20) }] }), 400, 'VALIDATION_FAILED', 'changes[0].kind');

    const after = await read(id);
    expect(after.body.construction.versions).toHaveLength(1);
    expect(after.body.construction.progress).toEqual([]);
    expect(after.body.construction.nodes.filter((n: any) => n.completedOn !== null).map((n: any) => n.kind)).toEqual(['company_registration']);
    expect(after.body.handover.commissioner).toMatchObject({ userId: psb.id, name: psb.displayName });
  });

  it('lists the milestone kinds with their Chinese labels in the reference data', async () => {
    const res = await h.http('GET', '/reference-data', { token: auditor.token });
    expect(res.status).toBe(200);
    expect(res.body.milestoneKinds).toEqual([
      { code: 'company_registration', label: '公司注册' },
      { code: 'land_handover', label: '土地/厂房交付' },
      { code: 'project_filing', label: '项目备案' },
      { code: 'planning_permit', label: '规划许可' },
      { code: 'construction_permit', label: '施工许可' },
      { code: 'construction_start', label: '开工建设' },
      { code: 'equipment_entry', label: '设备进场' },
      { code: 'trial_production', label: '试生产' },
      { code: 'production', label: '正式投产' },
    ]);
  });

  it('documents the steps and the new parts of the project view in the OpenAPI document', async () => {
    const res = await h.http('GET', '/docs-json');
    expect(res.status).toBe(200);
    const steps = ['contract', 'commissioner', 'milestone-plan', 'milestones/{kind}/complete', 'progress', 'milestone-plan/rebaseline', 'production'];
    for (const step of steps) {
      const op = res.body.paths[`/projects/{id}/${step}`]?.post;
      expect(op).toBeDefined();
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '404', '409', '422', '503']));
    }
    const kindParam = res.body.paths['/projects/{id}/milestones/{kind}/complete'].post.parameters.find((p: any) => p.name === 'kind');
    expect(kindParam).toMatchObject({ in: 'path', required: true, schema: { enum: [...MILESTONE_KINDS] } });
    const schemas = res.body.components.schemas;
    for (const [property, ref] of [
      ['contract', 'ContractViewDto'],
      ['handover', 'HandoverViewDto'],
      ['construction', 'ConstructionViewDto'],
    ]) {
      expect(schemas.ProjectViewDto.properties[property]).toMatchObject({ nullable: true, allOf: [{ $ref: `#/components/schemas/${ref}` }] });
    }
    expect(schemas.ProjectViewDto.properties.intervals.$ref ?? schemas.ProjectViewDto.properties.intervals.allOf?.[0].$ref).toBe('#/components/schemas/ProjectIntervalsViewDto');
    expect(schemas.SignContractDto.properties.committed.$ref ?? schemas.SignContractDto.properties.committed.allOf?.[0].$ref).toBe('#/components/schemas/CommittedDatesDto');
    expect(schemas.PlanNodeDto.properties.kind.enum).toEqual([...MILESTONE_KINDS]);
    expect(Object.keys(schemas.MilestoneNodeViewDto.properties)).toEqual([
      'kind',
      'label',
      'responsible',
      'todos',
      'dueOn',
      'completedOn',
      'evidence',
      'completedBy',
      'overdue',
      'escalatedLevels',
    ]);
  });

  // Last: its past-due node escalates in the background; the test waits until that has settled.
  it('shows a node past the end of its due day as overdue, with the escalation levels sent', async () => {
    const id = await inConstruction({ companyName: uniqueCompanyName('攸县食品加工') });
    expect((await assign(id)).status).toBe(200);
    // Template dates: company registration is due 7 days after signing, 13 days ago.
    const planned = await plan(id, planBody({}));
    expect(planned.status).toBe(200);
    const dueOn = addDays(day(-20), 7);
    expect(planned.body.construction.nodes.map((n: any) => [n.kind, n.overdue])).toEqual(MILESTONE_KINDS.map((k) => [k, k === 'company_registration']));
    expect(planned.body.construction.nodes[0].dueOn).toBe(dueOn);

    // Responsible person at the due time, the bureau a day later, leadership a week later: all past.
    const settled = await eventually('three escalations recorded and sent', async () => {
      const notes = await notificationsOf(h.dataSource, id);
      const view = await read(id);
      return notes.length === 3 && view.body.construction.nodes[0].escalatedLevels.length === 3 ? view : undefined;
    });
    expect(settled.body.overdue).toBe(true);
    expect(settled.body.construction.nodes[0]).toMatchObject({ kind: 'company_registration', dueOn, completedOn: null, overdue: true, escalatedLevels: [1, 2, 3] });
    expect(settled.body.construction.nodes.slice(1).every((n: any) => !n.overdue && n.escalatedLevels.length === 0)).toBe(true);
    const escalations = (await auditOf(h.dataSource, id)).filter((e) => e.action === 'construction.milestone_overdue');
    expect(escalations.map((e) => [e.actor_id, e.payload.kind, e.payload.level])).toEqual([
      ['system', 'company_registration', 1],
      ['system', 'company_registration', 2],
      ['system', 'company_registration', 3],
    ]);

    // Completing it (late) clears the node's overdue flag and the project's.
    const done = await complete(id, 'company_registration', { completedOn: day(-1), evidence: '营业执照' });
    expect(done.status).toBe(200);
    expect(done.body.overdue).toBe(false);
    expect(done.body.construction.nodes[0]).toMatchObject({ completedOn: day(-1), overdue: false, escalatedLevels: [1, 2, 3] });
  });
});
