import { Client, Connection } from '@temporalio/client';
import { shanghaiDate, type Lead } from '@zs/domain';
import { latestPolicyVersions } from '@zs/persistence';
import { stackEnv } from '../setup/stack-env';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { expectRefused, loginStaff, type Staff } from '../support/e2e-staff';
import { acceptingTaskEvents, markersOf } from '../support/history-markers';
import { auditOf } from '../support/read-model';
import { sampleLead, uniqueCompanyName } from '../support/sample-lead';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A UTC calendar date `days` from now. */
const utcDate = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
/**
 * Today in Asia/Shanghai: since issue 10 a contact may be dated neither before the lead's
 * registration (which is now) nor in the future, so the day the lead was registered is the one date left.
 */
const today = (): string => shanghaiDate(Date.now());

function contact(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'site_inspection',
    date: today(),
    participants: '王经理（投资方）、李明（招商一局）',
    location: '高新区智能制造产业园',
    outcome: '对方确认用地需求约80亩，拟下周提交投资意向书',
    ...patch,
  };
}

/** 洽谈 over HTTP: contacts, the follow-up cadence by information grade, and the outcome. */
describe('negotiation (洽谈) over HTTP', () => {
  let h: E2eHarness;
  let officer: Staff;
  let taskForce: Staff;
  let ecbHead: Staff;
  let auditor: Staff;

  const post = (path: string, who: Staff, body: unknown) => h.http('POST', path, { token: who.token, body });
  const recordContact = (id: string, body: unknown, who: Staff = officer) => post(`/projects/${id}/negotiation-contacts`, who, body);
  const conclude = (id: string, body: unknown, who: Staff = ecbHead) => post(`/projects/${id}/negotiation-outcome`, who, body);

  async function registered(lead: Partial<Lead> = {}): Promise<string> {
    const res = await post('/leads', officer, sampleLead(lead));
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function accepted(lead: Partial<Lead> = {}): Promise<string> {
    const id = await registered(lead);
    const res = await post(`/projects/${id}/intake-decision`, taskForce, { action: 'accept' });
    expect(res.status).toBe(200);
    expect(res.body.stage).toBe('negotiation');
    return id;
  }

  beforeAll(async () => {
    h = await startE2eHarness();
    [officer, taskForce, ecbHead, auditor] = await Promise.all([loginStaff(h, 'officer'), loginStaff(h, 'taskforce'), loginStaff(h, 'ecb-head'), loginStaff(h, 'auditor')]);
  });
  afterAll(async () => {
    await h?.teardown();
  });

  it('shows no negotiation before acceptance and starts it, with the grade A cadence, on acceptance', async () => {
    const id = await registered();
    const before = await h.http('GET', `/projects/${id}`, { token: auditor.token });
    expect(before.body.negotiation).toBeNull();

    const res = await post(`/projects/${id}/intake-decision`, taskForce, { action: 'accept' });
    expect(res.status).toBe(200);
    const { negotiation } = res.body;
    expect(negotiation).toMatchObject({ contacts: [], outcome: null, followUp: { cadenceMs: DAY_MS, missedInRow: 0, overdue: false } });
    expect(negotiation.startedAt).toBe(res.body.intake.decision.decidedAt);
    expect(negotiation.followUp.lastContactAt).toBe(negotiation.startedAt);
    expect(Date.parse(negotiation.followUp.nextDueAt) - Date.parse(negotiation.startedAt)).toBe(DAY_MS);
    expect(res.body.clocks).toHaveLength(1);
  });

  it('sends the acceptance with its cadence\'s policy: the accepting workflow task reads none itself (no local activity), and the cadence runs the latest version', async () => {
    const id = await registered({ infoGrade: 'A' });
    const res = await post(`/projects/${id}/intake-decision`, taskForce, { action: 'accept' });
    expect(res.status).toBe(200);
    const [latest] = await latestPolicyVersions(h.dataSource, ['follow_up:A']);
    expect(res.body.negotiation.followUp.cadenceMs).toBe(DAY_MS);

    const connection = await Connection.connect({ address: stackEnv('temporalAddress') });
    try {
      const client = new Client({ connection, namespace: h.namespace });
      const events = (await client.workflow.getHandle(`project-${id}`).fetchHistory()).events ?? [];
      const markers = markersOf(acceptingTaskEvents(events, 'decideIntake'));
      expect(markers).toContain('step-policies-v1');
      expect(markers).not.toContain('core_local_activity');
      const rows = await h.dataSource.query(`SELECT state FROM projects WHERE id = $1`, [id]);
      expect(rows[0].state.negotiation.followUp.ladder).toMatchObject({ policyKey: 'follow_up:A', policyVersion: latest!.version });
    } finally {
      await connection.close();
    }
  });

  it('records a contact, restarts the follow-up cadence and proceeds to signing, with the audit history in order', async () => {
    const id = await accepted({ companyName: uniqueCompanyName('湘江智能装备'), infoGrade: 'A' });
    const body = contact();

    const recorded = await recordContact(id, body);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ id, stage: 'negotiation', stageLabel: '洽谈', overdue: false });
    const { negotiation } = recorded.body;
    expect(negotiation.contacts).toEqual([
      {
        ...body,
        kindLabel: '实地考察',
        recordedBy: expect.objectContaining({ userId: officer.id, role: 'investment_officer', displayName: officer.displayName }),
        recordedAt: expect.any(String),
      },
    ]);
    const recordedAt = negotiation.contacts[0].recordedAt as string;
    expect(negotiation.followUp).toEqual({
      cadenceMs: DAY_MS,
      lastContactAt: recordedAt,
      nextDueAt: new Date(Date.parse(recordedAt) + DAY_MS).toISOString(),
      missedInRow: 0,
      overdue: false,
    });
    expect(negotiation.outcome).toBeNull();

    // The read model answers the same view.
    const read = await h.http('GET', `/projects/${id}`, { token: auditor.token });
    expect(read.status).toBe(200);
    expect(read.body.negotiation).toEqual(negotiation);

    const proceeded = await conclude(id, { outcome: 'proceed' });
    expect(proceeded.status).toBe(200);
    expect(proceeded.body).toMatchObject({ id, stage: 'signing', stageLabel: '签约', overdue: false });
    expect(proceeded.body.negotiation.outcome).toEqual({
      kind: 'proceed',
      reason: null,
      decidedBy: expect.objectContaining({ userId: ecbHead.id, role: 'economic_cooperation_bureau_head', displayName: ecbHead.displayName }),
      decidedAt: expect.any(String),
    });
    expect(proceeded.body.negotiation.contacts).toHaveLength(1);
    // Out of negotiation, a follow-up is never overdue.
    expect(proceeded.body.negotiation.followUp.overdue).toBe(false);

    const audit = await auditOf(h.dataSource, id);
    expect(audit.map((e) => [e.seq, e.action, e.actor_id, e.actor_role, e.stage_before, e.stage_after])).toEqual([
      [1, 'lead.registered', officer.id, 'investment_officer', null, 'intake'],
      [2, 'intake.accepted', taskForce.id, 'intake_task_force', 'intake', 'negotiation'],
      [3, 'negotiation.contact_recorded', officer.id, 'investment_officer', 'negotiation', 'negotiation'],
      [4, 'negotiation.proceeded_to_signing', ecbHead.id, 'economic_cooperation_bureau_head', 'negotiation', 'signing'],
    ]);
    expect(audit[2].payload).toEqual({ kind: body.kind, date: body.date, participants: body.participants, location: body.location, outcome: body.outcome });

    const history = await h.http('GET', `/projects/${id}/history`, { token: auditor.token });
    expect(history.body.items.map((e: any) => e.action)).toEqual([
      'lead.registered',
      'intake.accepted',
      'negotiation.contact_recorded',
      'negotiation.proceeded_to_signing',
    ]);
  });

  it('follows up grade B every 2 days and grade C every 7 days', async () => {
    for (const [grade, days] of [
      ['B', 2],
      ['C', 7],
    ] as const) {
      const id = await accepted({ infoGrade: grade });
      const res = await recordContact(id, contact({ kind: 'call' }));
      expect(res.status).toBe(200);
      const { followUp, contacts } = res.body.negotiation;
      expect(contacts.map((c: any) => [c.kind, c.kindLabel])).toEqual([['call', '电话沟通']]);
      expect(followUp).toMatchObject({ cadenceMs: days * DAY_MS, missedInRow: 0, overdue: false });
      expect(Date.parse(followUp.nextDueAt) - Date.parse(followUp.lastContactAt)).toBe(days * DAY_MS);
    }
  });

  it('records a lost project with its reason', async () => {
    const id = await accepted({ companyName: uniqueCompanyName('长沙新材料科技'), infoGrade: 'C' });
    expect((await recordContact(id, contact({ kind: 'meeting' }))).status).toBe(200);

    const lost = await conclude(id, { outcome: 'lost', reason: '投资方选择落户外省园区' }, officer);
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ id, stage: 'lost', stageLabel: '项目流失' });
    expect(lost.body.negotiation.outcome).toEqual({
      kind: 'lost',
      reason: '投资方选择落户外省园区',
      decidedBy: expect.objectContaining({ userId: officer.id, role: 'investment_officer', displayName: officer.displayName }),
      decidedAt: expect.any(String),
    });
    expect(lost.body.negotiation.followUp.overdue).toBe(false);

    const audit = await auditOf(h.dataSource, id);
    expect(audit.map((e) => e.action)).toEqual(['lead.registered', 'intake.accepted', 'negotiation.contact_recorded', 'negotiation.lost']);
    expect(audit[3]).toMatchObject({ actor_id: officer.id, actor_role: 'investment_officer', stage_before: 'negotiation', stage_after: 'lost' });
    expect(audit[3].payload).toEqual({ reason: '投资方选择落户外省园区' });

    const read = await h.http('GET', `/projects/${id}`, { token: auditor.token });
    expect(read.body).toMatchObject({ stage: 'lost', negotiation: { outcome: { kind: 'lost' } } });

    // The run has finished: no further outcome is possible.
    await expectRefused(h, id, () => conclude(id, { outcome: 'proceed' }), 409, 'WRONG_STAGE');
  });

  it('refuses wrong steps, roles and values without changing anything', async () => {
    const inIntake = await registered();
    await expectRefused(h, inIntake, () => recordContact(inIntake, contact()), 409, 'WRONG_STAGE');
    await expectRefused(h, inIntake, () => conclude(inIntake, { outcome: 'proceed' }), 409, 'WRONG_STAGE');

    const id = await accepted();
    await expectRefused(h, id, () => recordContact(id, contact(), taskForce), 403, 'FORBIDDEN_ROLE');
    await expectRefused(h, id, () => recordContact(id, contact({ date: utcDate(3) })), 400, 'VALIDATION_FAILED', 'date');
    // Before the lead was registered (issue 10).
    await expectRefused(h, id, () => recordContact(id, contact({ date: utcDate(-2) })), 400, 'VALIDATION_FAILED', 'date');
    await expectRefused(h, id, () => recordContact(id, contact({ date: '2026-02-30' })), 400, 'VALIDATION_FAILED', 'date');
    // A month 13 once reached toISOString() on an invalid date: a RangeError, answered 500.
    await expectRefused(h, id, () => recordContact(id, contact({ date: '2026-13-01' })), 400, 'VALIDATION_FAILED', 'date');
    await expectRefused(h, id, () => recordContact(id, contact({ date: '2026/02/01' })), 400, 'VALIDATION_FAILED', 'date');
    await expectRefused(h, id, () => recordContact(id, contact({ kind: 'banquet' })), 400, 'VALIDATION_FAILED', 'kind');
    await expectRefused(h, id, () => recordContact(id, contact({ outcome: '   ' })), 400, 'VALIDATION_FAILED', 'outcome');
    await expectRefused(h, id, () => recordContact(id, contact({ participants: undefined })), 400, 'VALIDATION_FAILED', 'participants');
    await expectRefused(h, id, () => conclude(id, { outcome: 'lost' }), 400, 'VALIDATION_FAILED', 'reason');
    await expectRefused(h, id, () => conclude(id, { outcome: 'lost', reason: ' ' }), 400, 'VALIDATION_FAILED', 'reason');
    await expectRefused(h, id, () => conclude(id, { outcome: 'won' }), 400, 'VALIDATION_FAILED', 'outcome');
    await expectRefused(h, id, () => conclude(id, { outcome: 'proceed' }, auditor), 403, 'FORBIDDEN_ROLE');

    const proceeded = await conclude(id, { outcome: 'proceed' });
    expect(proceeded.status).toBe(200);
    expect(proceeded.body.stage).toBe('signing');
    await expectRefused(h, id, () => conclude(id, { outcome: 'proceed' }), 409, 'WRONG_STAGE');
    await expectRefused(h, id, () => conclude(id, { outcome: 'lost', reason: '重复提交' }), 409, 'WRONG_STAGE');
    await expectRefused(h, id, () => recordContact(id, contact()), 409, 'WRONG_STAGE');

    const read = await h.http('GET', `/projects/${id}`, { token: auditor.token });
    expect(read.body).toMatchObject({ stage: 'signing', negotiation: { contacts: [], outcome: { kind: 'proceed' } } });
  });

  it('lists the contact kinds with their Chinese labels in the reference data', async () => {
    const res = await h.http('GET', '/reference-data', { token: auditor.token });
    expect(res.status).toBe(200);
    expect(res.body.contactKinds).toEqual([
      { code: 'visit', label: '拜访' },
      { code: 'site_inspection', label: '实地考察' },
      { code: 'meeting', label: '洽谈会议' },
      { code: 'call', label: '电话沟通' },
    ]);
  });

  it('documents both steps and the negotiation view in the OpenAPI document', async () => {
    const res = await h.http('GET', '/docs-json');
    expect(res.status).toBe(200);
    for (const path of ['/projects/{id}/negotiation-contacts', '/projects/{id}/negotiation-outcome']) {
      expect(Object.keys(res.body.paths[path].post.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '404', '409', '422', '503']));
    }
    const schemas = res.body.components.schemas;
    expect(schemas.ProjectViewDto.properties.negotiation).toMatchObject({ nullable: true, allOf: [{ $ref: '#/components/schemas/NegotiationViewDto' }] });
    expect(schemas.RecordContactDto.properties.kind.enum).toEqual(['visit', 'site_inspection', 'meeting', 'call']);
    expect(schemas.NegotiationOutcomeDto.properties.outcome.enum).toEqual(['proceed', 'lost']);
    expect(Object.keys(schemas.FollowUpViewDto.properties)).toEqual(['cadenceMs', 'lastContactAt', 'nextDueAt', 'missedInRow', 'overdue']);
  });
});
