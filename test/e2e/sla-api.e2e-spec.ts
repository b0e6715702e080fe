import { randomUUID } from 'node:crypto';
import { CLOCK_LABELS, DEFAULT_POLICIES, POLICY_KEYS, type PolicyKey } from '@zs/domain';
import { createSlaPolicyVersion } from '@zs/persistence';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { expectRefused, loginStaff, type Staff } from '../support/e2e-staff';
import { eventually } from '../support/eventually';
import { sampleLead } from '../support/sample-lead';
import { useWallClockPolicies } from '../support/sla-policies';

const HOUR_MS = 3_600_000;
const TASK_FORCE_DEPT = '项目承接专班';
/** 0.001 h = 3.6 s: a real clock on the dev server warns, breaches and escalates within seconds. */
const TINY_HOURS = 0.001;
const TINY_MS = 3_600;

interface AdminAuditRow {
  id: string;
  actor_user_id: string;
  actor_role: string;
  action: string;
  subject: string;
  reason: string | null;
  payload: Record<string, any>;
}

/** The SLA API over HTTP: policies, pause/resume, the overdue and due-soon views, the timeline and recalculation. */
describe('SLA API over HTTP', () => {
  let h: E2eHarness;
  let officer: Staff;
  let taskForce: Staff;
  let ecbHead: Staff;
  let auditor: Staff;
  let admin: Staff;
  let leader: Staff;
  /** Keys whose versions this file appended: each gets the seeded definition back in afterAll. */
  const touched = new Set<PolicyKey>();

  const get = (path: string, who: Staff = auditor) => h.http('GET', path, { token: who.token });
  const post = (path: string, who: Staff, body?: unknown) => h.http('POST', path, { token: who.token, ...(body === undefined ? {} : { body }) });
  const createVersion = (key: string, body: unknown, who: Staff = admin) => {
    if ((POLICY_KEYS as readonly string[]).includes(key)) touched.add(key as PolicyKey);
    return post(`/sla/policies/${key}/versions`, who, body);
  };
  const pause = (projectId: string, who: Staff, body: unknown, clock = 'intake_decision') => post(`/projects/${projectId}/clocks/${clock}/pause`, who, body);
  const resume = (projectId: string, who: Staff, body: unknown, clock = 'intake_decision') => post(`/projects/${projectId}/clocks/${clock}/resume`, who, body);
  // The 48-hour clock stops only while the task force waits for information it asked for
  // (access/step-rules.ts): request_info pauses it, the owner's answer resumes it.
  const requestInfo = (projectId: string, missing: string) => post(`/projects/${projectId}/intake-decision`, taskForce, { action: 'request_info', missing });
  const provideInfo = (projectId: string, response: string) => post(`/projects/${projectId}/intake-info`, officer, { response });

  const lastAdminAuditId = async (): Promise<string> => (await h.dataSource.query(`SELECT coalesce(max(id), 0)::text AS id FROM admin_audit_events`))[0].id;
  const adminAuditSince = (afterId: string): Promise<AdminAuditRow[]> =>
    h.dataSource.query(`SELECT id::text, actor_user_id, actor_role, action, subject, reason, payload FROM admin_audit_events WHERE id > $1 ORDER BY id`, [afterId]);
  /** What a refused policy request must leave alone: every version and the admin audit log. */
  const policyState = async () => ({
    versions: await h.dataSource.query(`SELECT policy_key, version, definition, reason, created_by FROM sla_policies ORDER BY policy_key, version`),
    audit: await lastAdminAuditId(),
  });

  async function refusedPolicyChange(send: () => Promise<HttpResult>, status: number, code: string, field?: string): Promise<HttpResult> {
    const before = await policyState();
    const res = await send();
    expect({ status: res.status, body: res.body }).toMatchObject({
      status,
      body: { statusCode: status, code, message: expect.any(String), correlationId: expect.any(String) },
    });
    if (field) expect((res.body.details ?? []).map((d: { field: string }) => d.field)).toContain(field);
    expect(await policyState()).toEqual(before);
    return res;
  }

  async function register(companyName: string): Promise<string> {
    const res = await post('/leads', officer, sampleLead({ companyName }));
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  /** Every item of a paginated SLA view (the shared database may hold other files' clocks). */
  async function allItems(path: string, who: Staff = auditor): Promise<any[]> {
    const items: any[] = [];
    for (let page = 1; ; page++) {
      const res = await get(`${path}${path.includes('?') ? '&' : '?'}pageSize=100&page=${page}`, who);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      if (items.length >= res.body.total || res.body.items.length === 0) return items;
    }
  }
  const idsIn = async (path: string) => (await allItems(path)).map((i) => i.projectId as string);

  const intakeClock = async (projectId: string) => {
    const res = await get(`/projects/${projectId}`);
    expect(res.status).toBe(200);
    return res.body.clocks[0];
  };

  beforeAll(async () => {
    h = await startE2eHarness();
    [officer, taskForce, ecbHead, auditor, admin, leader] = await Promise.all(
      ['officer', 'taskforce', 'ecb-head', 'auditor', 'admin', 'leader'].map((u) => loginStaff(h, u)),
    );
  });
  afterAll(async () => {
    // Versions are append-only and the database is shared: later files must see the seeded policies again.
    if (h) {
      for (const key of touched) {
        await createSlaPolicyVersion(h.dataSource, key, DEFAULT_POLICIES[key].definition, { userId: 'u-test-admin', role: 'admin' }, 'test: restore the seeded policy');
      }
    }
    await h?.teardown();
  });

  describe('policies', () => {
    it('lists the current version of every policy with its Chinese labels, to any member of staff', async () => {
      const res = await get('/sla/policies', officer);
      expect(res.status).toBe(200);
      const policies: any[] = res.body;
      expect(policies.map((p) => p.key)).toEqual([...POLICY_KEYS]);
      const byKey = new Map(policies.map((p) => [p.key as string, p]));
      for (const key of POLICY_KEYS) {
        const p = byKey.get(key);
        const seeded = DEFAULT_POLICIES[key];
        // Whatever earlier files did, they restored the seeded definitions.
        expect({ key, clock: p.clock, clockLabel: p.clockLabel, duration: p.duration, warnings: p.warnings, escalations: p.escalations }).toEqual({
          key,
          clock: seeded.clock,
          clockLabel: CLOCK_LABELS[seeded.clock],
          duration: seeded.definition.duration,
          warnings: seeded.definition.warnings,
          escalations: seeded.definition.escalations,
        });
        expect(p).toMatchObject({ version: expect.any(Number), reason: expect.any(String), createdBy: expect.any(String), createdAt: expect.any(String) });
      }
      expect(byKey.get('intake_decision')).toMatchObject({ clockLabel: '48小时承接研判', durationLabel: '48小时' });
      expect(byKey.get('commissioner_assignment')).toMatchObject({ clockLabel: '项目专员指派', durationLabel: '1个工作日（17:30截止）' });
      expect(byKey.get('service_accept')).toMatchObject({ clockLabel: '部门接单', durationLabel: '1个工作日（17:30截止）' });
      expect(byKey.get('service_resolve:urgent')).toMatchObject({ clockLabel: '问题销单', durationLabel: '48小时' });
      expect(byKey.get('service_resolve:normal')).toMatchObject({ clockLabel: '问题销单', durationLabel: '5个工作日（17:30截止）' });
      expect(byKey.get('service_resolve:complex')).toMatchObject({ clockLabel: '问题销单', durationLabel: '15个工作日（17:30截止）' });
      expect(byKey.get('milestone:construction_start')).toMatchObject({ clockLabel: '建设节点', durationLabel: '按计划到期日' });
      expect(byKey.get('milestone_weekly')).toMatchObject({ label: '节点周提醒', clockLabel: '节点周提醒', durationLabel: '168小时（7天）' });
      expect(byKey.get('service_resolve:complex')).toMatchObject({ label: '问题销单（复杂）' });
      expect(byKey.get('follow_up:B')).toMatchObject({ label: '洽谈跟进（B类信息）' });
      expect(byKey.get('milestone:company_registration')).toMatchObject({ label: '建设节点（公司注册）' });
      expect(new Set(policies.map((p) => p.label)).size).toBe(POLICY_KEYS.length);
      for (const p of policies) expect({ key: p.key, durationLabel: p.durationLabel }).toEqual({ key: p.key, durationLabel: expect.stringMatching(/^(\d+(\.\d+)?小时|\d+个工作日（\d\d:\d\d截止）|按计划到期日)/) });
    });

    it('names every policy, alert kind and channel, outbox status and webhook format in Chinese in the reference data', async () => {
      const res = await get('/reference-data', officer);
      expect(res.status).toBe(200);
      expect(res.body.slaPolicies.map((p: any) => p.code)).toEqual([...POLICY_KEYS]);
      expect(res.body.slaPolicies).toContainEqual({ code: 'intake_decision', label: '48小时承接研判' });
      expect(res.body.notificationKinds).toContainEqual({ code: 'sla.escalated', label: '超时督办' });
      expect(res.body.notificationChannels).toEqual([
        { code: 'in_app', label: '站内消息' },
        { code: 'email', label: '电子邮件' },
        { code: 'webhook', label: '部门群机器人' },
      ]);
      expect(res.body.outboxStatuses).toContainEqual({ code: 'dead_letter', label: '投递失败（死信）' });
      expect(res.body.webhookFormats).toContainEqual({ code: 'dingtalk', label: '钉钉群机器人' });
      for (const list of ['slaPolicies', 'notificationKinds', 'notificationChannels', 'outboxStatuses', 'webhookFormats']) {
        expect(res.body[list].every((c: any) => /[\u4e00-\u9fff]/.test(c.label))).toBe(true);
      }
    });

    it('lets an administrator add a version: n+1, newest first in the history, audited with actor and reason', async () => {
      const key = 'service_resolve:complex';
      const history0 = await get(`/sla/policies/${key}/versions`, officer);
      expect(history0.status).toBe(200);
      const n = history0.body[0].version as number;
      expect(history0.body.map((v: any) => v.version)).toEqual(Array.from({ length: n }, (_, i) => n - i));
      const since = await lastAdminAuditId();
      const reason = `管委会主任办公会：复杂事项销单时限调整为10个工作日 ${randomUUID().slice(0, 8)}`;

      const created = await createVersion(key, {
        duration: { unit: 'working_days', days: 10, endsAt: '18:00' },
        warnings: [
          { fraction: 0.5, notify: 'enterprise_service_bureau' },
          { fraction: 0.8, notify: 'zone_leadership', department: '管委会' },
        ],
        escalations: [
          { afterBreachHours: 0, notify: 'enterprise_service_bureau' },
          { afterBreachHours: 72, notify: 'zone_leadership' },
        ],
        reason,
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        key,
        label: '问题销单（复杂）',
        clock: 'service_resolve',
        clockLabel: '问题销单',
        version: n + 1,
        duration: { unit: 'working_days', days: 10, endsAt: '18:00' },
        durationLabel: '10个工作日（18:00截止）',
        warnings: [
          { fraction: 0.5, notify: 'enterprise_service_bureau' },
          { fraction: 0.8, notify: 'zone_leadership', department: '管委会' },
        ],
        escalations: [
          { afterBreachHours: 0, notify: 'enterprise_service_bureau' },
          { afterBreachHours: 72, notify: 'zone_leadership' },
        ],
        reason,
        createdBy: admin.id,
        createdAt: expect.any(String),
      });

      const history = await get(`/sla/policies/${key}/versions`, officer);
      expect(history.body.map((v: any) => v.version)).toEqual(Array.from({ length: n + 1 }, (_, i) => n + 1 - i));
      expect(history.body[0]).toEqual(created.body);
      expect(history.body[1]).toEqual(history0.body[0]);
      const current = (await get('/sla/policies', officer)).body.find((p: any) => p.key === key);
      expect(current).toEqual(created.body);
      // The other policies are untouched.
      expect((await get('/sla/policies/service_resolve:normal/versions')).body[0].durationLabel).toBe('5个工作日（17:30截止）');

      const audit = await adminAuditSince(since);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor_user_id: admin.id,
        actor_role: 'admin',
        action: 'sla.policy.version_created',
        subject: `sla_policy:${key}`,
        reason,
        payload: {
          version: n + 1,
          before: { version: n, duration: { unit: 'working_days', days: 15, endsAt: '17:30' } },
          definition: { duration: { unit: 'working_days', days: 10, endsAt: '18:00' } },
        },
      });
    });

    it('refuses a version from anyone but an administrator (403), changing nothing', async () => {
      const body = { duration: { unit: 'hours', hours: 24 }, escalations: [{ afterBreachHours: 0, notify: 'zone_leadership' }], reason: '缩短时限' };
      for (const who of [leader, taskForce, auditor, officer]) {
        await refusedPolicyChange(() => post('/sla/policies/intake_decision/versions', who, body), 403, 'FORBIDDEN_ROLE');
      }
      await refusedPolicyChange(() => h.http('POST', '/sla/policies/intake_decision/versions', { body }), 401, 'UNAUTHENTICATED');
    });

    it('refuses bad input (400) naming the field, adding no version', async () => {
      const ok = {
        duration: { unit: 'hours', hours: 24 },
        warnings: [{ fraction: 0.5, notify: 'intake_task_force' }],
        escalations: [{ afterBreachHours: 0, notify: 'economic_cooperation_bureau_head' }],
        reason: '测试',
      };
      const send = (body: unknown, key = 'intake_decision') => () => createVersion(key, body);
      await refusedPolicyChange(send({ ...ok, duration: { unit: 'hours', hours: 0 } }), 400, 'VALIDATION_FAILED', 'duration.hours');
      await refusedPolicyChange(send({ ...ok, duration: { unit: 'hours', hours: -5 } }), 400, 'VALIDATION_FAILED', 'duration.hours');
      await refusedPolicyChange(send({ ...ok, duration: { unit: 'hours', hours: '24' } }), 400, 'VALIDATION_FAILED', 'duration.hours');
      await refusedPolicyChange(send({ ...ok, duration: { unit: 'weeks', hours: 24 } }), 400, 'VALIDATION_FAILED', 'duration.unit');
      await refusedPolicyChange(send({ ...ok, duration: { unit: 'working_days', days: 0 } }), 400, 'VALIDATION_FAILED', 'duration.days');
      await refusedPolicyChange(send({ ...ok, duration: { unit: 'working_days', days: 2, endsAt: '25:00' } }), 400, 'VALIDATION_FAILED', 'duration.endsAt');
      await refusedPolicyChange(send({ ...ok, duration: { unit: 'due_date' } }), 400, 'VALIDATION_FAILED', 'duration.unit');
      await refusedPolicyChange(send({ ...ok, duration: undefined }), 400, 'VALIDATION_FAILED', 'duration');
      await refusedPolicyChange(
        send({ ...ok, warnings: [{ fraction: 0.5, notify: 'intake_task_force' }, { fraction: 1.5, notify: 'intake_task_force' }] }),
        400,
        'VALIDATION_FAILED',
        'warnings[1].fraction',
      );
      await refusedPolicyChange(
        send({ ...ok, warnings: [{ fraction: 0.75, notify: 'intake_task_force' }, { fraction: 0.5, notify: 'intake_task_force' }] }),
        400,
        'VALIDATION_FAILED',
        'warnings[1].fraction',
      );
      await refusedPolicyChange(send({ ...ok, warnings: [{ fraction: 0.5, notify: 'mayor' }] }), 400, 'VALIDATION_FAILED', 'warnings[0].notify');
      await refusedPolicyChange(send({ ...ok, escalations: [] }), 400, 'VALIDATION_FAILED', 'escalations');
      await refusedPolicyChange(send({ ...ok, escalations: undefined }), 400, 'VALIDATION_FAILED', 'escalations');
      await refusedPolicyChange(
        send({ ...ok, escalations: [{ afterBreachHours: 24, notify: 'zone_leadership' }, { afterBreachHours: 0, notify: 'zone_leadership' }] }),
        400,
        'VALIDATION_FAILED',
        'escalations[1].afterBreachHours',
      );
      await refusedPolicyChange(send({ ...ok, reason: '  ' }), 400, 'VALIDATION_FAILED', 'reason');
      await refusedPolicyChange(send({ ...ok, version: 99 }), 400, 'VALIDATION_FAILED', 'version');
      await refusedPolicyChange(send(ok, 'no_such_policy'), 400, 'VALIDATION_FAILED', 'key');
      // The weekly list goes to each responsible person: a role there is refused, naming the field.
      const weekly = { duration: { unit: 'hours', hours: 72 }, escalations: [{ afterBreachHours: 0, notify: 'zone_leadership' }], reason: '测试' };
      await refusedPolicyChange(send(weekly, 'milestone_weekly'), 400, 'VALIDATION_FAILED', 'escalations');
      await refusedPolicyChange(send({ ...weekly, duration: { unit: 'working_days', days: 5 } }, 'milestone_weekly'), 400, 'VALIDATION_FAILED', 'duration.unit');
      const unknownHistory = await get('/sla/policies/no_such_policy/versions');
      expect(unknownHistory).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'key' })] } });
    });
  });

  describe('pause and resume over HTTP', () => {
    let projectId: string;

    beforeAll(async () => {
      projectId = await register(`湘潭暂停计时测试有限公司${randomUUID().slice(0, 6)}`);
    });

    it('pauses the intake clock with a reason: the view says paused and the remaining time stays while it waits', async () => {
      const reason = '等待企业补充近三年财务报表';
      // Not at will: only while an information request is open.
      await expectRefused(h, projectId, () => pause(projectId, taskForce, { reason }), 403, 'FORBIDDEN_NOT_OWNER');
      const paused = await requestInfo(projectId, reason);
      expect(paused.status).toBe(200);
      expect(paused.body.clocks[0]).toMatchObject({ clock: 'intake_decision', status: 'paused', paused: true, stoppedAt: null });

      const first = await intakeClock(projectId);
      expect(first).toMatchObject({ status: 'paused', paused: true });
      expect(first.remainingMs).toBeGreaterThan(47 * HOUR_MS);
      expect(first.remainingMs).toBeLessThan(48 * HOUR_MS);
      await new Promise((r) => setTimeout(r, 1_200));
      const later = await intakeClock(projectId);
      expect(later.remainingMs).toBe(first.remainingMs);
      // Not counting: the breach instant moves on with the wall clock.
      expect(Date.parse(later.deadlineAt)).toBeGreaterThan(Date.parse(first.deadlineAt));
      expect(later.pausedMs).toBeGreaterThan(first.pausedMs);

      // A paused clock is neither due soon nor overdue.
      expect(await idsIn(`/sla/due-soon?withinHours=72&department=${encodeURIComponent(TASK_FORCE_DEPT)}`)).not.toContain(projectId);
      expect(await idsIn('/sla/overdue?policyKey=intake_decision')).not.toContain(projectId);
    });

    it('refuses a second pause (409), the wrong role (403), a missing reason (400) and an unknown clock (400), changing nothing', async () => {
      await expectRefused(h, projectId, () => pause(projectId, taskForce, { reason: '再次暂停' }), 409, 'WRONG_STAGE');
      await expectRefused(h, projectId, () => pause(projectId, ecbHead, { reason: '再次暂停' }), 403, 'FORBIDDEN_ROLE');
      // Waiting for the answer: not resumed by hand either, but by the owner's information.
      await expectRefused(h, projectId, () => resume(projectId, taskForce, { reason: '材料已补齐' }), 409, 'WRONG_STAGE');
      await expectRefused(h, projectId, () => resume(projectId, officer, { reason: '材料已补齐' }), 403, 'FORBIDDEN_ROLE');
      await expectRefused(h, projectId, () => resume(projectId, auditor, { reason: '材料已补齐' }), 403, 'FORBIDDEN_ROLE');
      await expectRefused(h, projectId, () => resume(projectId, taskForce, {}), 400, 'VALIDATION_FAILED', 'reason');
      await expectRefused(h, projectId, () => resume(projectId, taskForce, { reason: '   ' }), 400, 'VALIDATION_FAILED', 'reason');
      await expectRefused(h, projectId, () => resume(projectId, taskForce, { reason: '材料已补齐' }, 'milestone'), 400, 'VALIDATION_FAILED', 'clock');
      // The commissioner clock has not started yet (the project is still in intake).
      await expectRefused(h, projectId, () => pause(projectId, taskForce, { reason: '等待' }, 'commissioner_assignment'), 409, 'WRONG_STAGE');
      expect(await intakeClock(projectId)).toMatchObject({ status: 'paused', paused: true });
    });

    it('resumes it with exactly the remaining time it had; the timeline shows who paused and resumed, and why', async () => {
      const before = await intakeClock(projectId);
      const resumed = await provideInfo(projectId, '企业已补齐财务报表');
      expect(resumed.status).toBe(200);
      const clock = resumed.body.clocks[0];
      expect(clock).toMatchObject({ status: 'running', paused: false, stoppedAt: null });
      expect(clock.pausedMs).toBeGreaterThan(1_000);
      // Remaining time on resume equals the remaining time while paused (to the ms; a few ms pass before the answer).
      expect(before.remainingMs - clock.remainingMs).toBeGreaterThanOrEqual(0);
      expect(before.remainingMs - clock.remainingMs).toBeLessThan(5_000);
      expect(Date.parse(clock.deadlineAt) - Date.parse(clock.startedAt)).toBe(48 * HOUR_MS + clock.pausedMs);
      await expectRefused(h, projectId, () => resume(projectId, taskForce, { reason: '再次恢复' }), 409, 'WRONG_STAGE');

      const timeline = await get(`/sla/projects/${projectId}/timeline`, officer);
      expect(timeline.status).toBe(200);
      expect(timeline.body.projectId).toBe(projectId);
      expect(timeline.body.events.map((e: any) => [e.event, e.eventLabel, e.clock, e.actorId, e.reason])).toEqual([
        ['started', '开始计时', 'intake_decision', null, null],
        ['paused', '暂停计时', 'intake_decision', taskForce.id, '等待企业补充近三年财务报表'],
        ['resumed', '恢复计时', 'intake_decision', officer.id, '企业已补齐财务报表'],
      ]);
      const [started, pausedEvent, resumedEvent] = timeline.body.events;
      expect(started).toMatchObject({ clockLabel: '48小时承接研判', policyVersion: expect.any(Number), at: clock.startedAt });
      expect(Date.parse(pausedEvent.at)).toBeLessThan(Date.parse(resumedEvent.at));
      // Resumed by the owner's answer (intake.info_provided): the new deadline is the view's, checked above.
      expect(resumedEvent).toMatchObject({ clock: 'intake_decision', actorId: officer.id });

      const history = await get(`/projects/${projectId}/history`);
      expect(history.body.items.map((e: any) => [e.action, e.actorId, e.payload.reason])).toEqual([
        ['lead.registered', officer.id, undefined],
        ['intake.info_requested', taskForce.id, '等待企业补充近三年财务报表'],
        ['intake.info_provided', officer.id, '企业已补齐财务报表'],
      ]);
    });

    it('answers 404 for the timeline of an unknown project and 400 for a malformed id', async () => {
      expect(await get(`/sla/projects/${randomUUID()}/timeline`)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
      expect(await get('/sla/projects/not-a-uuid/timeline')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'id' })] } });
    });
  });

  describe('overdue, due soon and the timeline of a breached clock', () => {
    let tinyVersion: number;
    let overdueId: string;
    let pausedOverdueId: string;
    let freshId: string;
    let pausedFreshId: string;
    const overdueCompany = `株洲超时测试科技有限公司${randomUUID().slice(0, 6)}`;

    beforeAll(async () => {
      // Only the projects registered while the tiny policy is in force take it.
      const restore = await useWallClockPolicies(h.dataSource, { intake_decision: TINY_HOURS });
      try {
        tinyVersion = (await get('/sla/policies/intake_decision/versions')).body[0].version;
        overdueId = await register(overdueCompany);
        pausedOverdueId = await register(`株洲暂停超时测试有限公司${randomUUID().slice(0, 6)}`);
      } finally {
        await restore();
      }
      freshId = await register(`株洲正常计时测试有限公司${randomUUID().slice(0, 6)}`);
      pausedFreshId = await register(`株洲暂停正常测试有限公司${randomUUID().slice(0, 6)}`);
      expect((await requestInfo(pausedFreshId, '企业负责人出国考察，待补充投资决策文件')).status).toBe(200);
    });

    it('lists a breached clock as overdue for its department, stage, policy and clock, and not for others', async () => {
      const overdueDept = `/sla/overdue?department=${encodeURIComponent(TASK_FORCE_DEPT)}`;
      const item = await eventually(
        'the tiny clock to be overdue',
        async () => (await allItems(overdueDept)).find((i) => i.projectId === overdueId),
        20_000,
      );
      expect(item).toEqual({
        id: expect.stringContaining(`project-${overdueId}:intake_decision:`),
        projectId: overdueId,
        requestId: null,
        companyName: overdueCompany,
        subject: overdueCompany,
        clock: 'intake_decision',
        clockLabel: '48小时承接研判',
        policyKey: 'intake_decision',
        policyVersion: tinyVersion,
        department: TASK_FORCE_DEPT,
        stage: 'intake',
        stageLabel: '48小时研判',
        startedAt: expect.any(String),
        deadlineAt: expect.any(String),
        remainingMs: expect.any(Number),
        pausedMs: 0,
        fired: expect.any(Array),
        escalationLevel: expect.any(Number),
      });
      // The level 督办 counts by: the highest escalation rung fired so far.
      const rungs = (item.fired as string[]).filter((k) => k.startsWith('escalation-')).map((k) => Number(k.slice('escalation-'.length)));
      expect(item.escalationLevel).toBe(Math.max(0, ...rungs));
      expect(Date.parse(item.deadlineAt) - Date.parse(item.startedAt)).toBe(TINY_MS);
      // Overdue from the deadline's own millisecond on (the breach timer fires at it), so 0 counts.
      expect(item.remainingMs).toBeLessThanOrEqual(0);

      expect(await idsIn('/sla/overdue?department=' + encodeURIComponent('项目服务局'))).not.toContain(overdueId);
      expect(await idsIn('/sla/overdue?department=' + encodeURIComponent('企业服务局'))).not.toContain(overdueId);
      expect(await idsIn('/sla/overdue?policyKey=intake_decision')).toContain(overdueId);
      expect(await idsIn('/sla/overdue?policyKey=commissioner_assignment')).not.toContain(overdueId);
      expect(await idsIn('/sla/overdue?stage=intake&clock=intake_decision')).toContain(overdueId);
      expect(await idsIn('/sla/overdue?stage=negotiation')).not.toContain(overdueId);
      expect(await idsIn('/sla/overdue?clock=service_accept')).not.toContain(overdueId);
      // The fresh project is not overdue.
      expect(await idsIn(overdueDept)).not.toContain(freshId);

      // Oldest deadline first, every item past its deadline, all of the department.
      const all = await allItems(overdueDept);
      const deadlines = all.map((i) => Date.parse(i.deadlineAt));
      expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
      expect(all.every((i) => i.remainingMs <= 0 && i.department === TASK_FORCE_DEPT)).toBe(true);
      // The page's total is the list's length read at the same moment: other suites share the
      // database, and a clock of theirs may fall overdue between two reads (CI met it once).
      const firstPage = await eventually('a first page and a whole list read at one moment', async () => {
        const page = await get(`${overdueDept}&pageSize=1`);
        return page.body.total === (await allItems(overdueDept)).length ? page : undefined;
      });
      expect(firstPage.body).toMatchObject({ page: 1, pageSize: 1 });
      expect(firstPage.body.items).toHaveLength(1);
    });

    it('lists a fresh clock as due soon within 72 hours (not within 24), and never an overdue one; 400 for withinHours=0', async () => {
      const dueIn72 = await allItems(`/sla/due-soon?withinHours=72&department=${encodeURIComponent(TASK_FORCE_DEPT)}`);
      const fresh = dueIn72.find((i) => i.projectId === freshId);
      expect(fresh).toMatchObject({ clock: 'intake_decision', policyKey: 'intake_decision', department: TASK_FORCE_DEPT, stage: 'intake' });
      expect(fresh.remainingMs).toBeGreaterThan(47 * HOUR_MS);
      expect(Date.parse(fresh.deadlineAt) - Date.parse(fresh.startedAt)).toBe(48 * HOUR_MS);
      expect(dueIn72.map((i) => i.projectId)).not.toContain(overdueId);
      expect(dueIn72.every((i) => i.remainingMs > 0 && i.remainingMs <= 72 * HOUR_MS)).toBe(true);
      expect(await idsIn('/sla/due-soon?withinHours=24')).not.toContain(freshId);
      expect(await idsIn('/sla/due-soon')).not.toContain(freshId);
      expect(await idsIn('/sla/due-soon?withinHours=72&department=' + encodeURIComponent('项目服务局'))).not.toContain(freshId);
      expect(await idsIn('/sla/due-soon?withinHours=72&policyKey=intake_decision&stage=intake')).toContain(freshId);
      expect(await idsIn('/sla/due-soon?withinHours=72&policyKey=service_accept')).not.toContain(freshId);
      // Paused: in neither list.
      expect(await idsIn('/sla/due-soon?withinHours=72')).not.toContain(pausedFreshId);
      expect(await idsIn('/sla/overdue')).not.toContain(pausedFreshId);

      for (const bad of ['withinHours=0', 'withinHours=721', 'withinHours=abc', 'withinHours=1.5']) {
        const res = await get(`/sla/due-soon?${bad}`);
        expect({ bad, status: res.status, code: res.body.code, fields: res.body.details?.map((d: any) => d.field) }).toEqual({
          bad,
          status: 400,
          code: 'VALIDATION_FAILED',
          fields: ['withinHours'],
        });
      }
      for (const [query, field] of [
        ['stage=nowhere', 'stage'],
        ['policyKey=nope', 'policyKey'],
        ['clock=egg_timer', 'clock'],
        ['pageSize=101', 'pageSize'],
      ]) {
        const res = await get(`/sla/overdue?${query}`);
        expect({ query, status: res.status, fields: res.body.details?.map((d: any) => d.field) }).toEqual({ query, status: 400, fields: [field] });
      }
      expect((await h.http('GET', '/sla/overdue')).status).toBe(401);
    });

    it('takes an overdue clock off the overdue list while it is paused; its timeline still shows the breach', async () => {
      await eventually('the second tiny clock to be overdue', async () => ((await idsIn('/sla/overdue?policyKey=intake_decision')).includes(pausedOverdueId) ? true : undefined), 20_000);
      await eventually('the second tiny clock to escalate', async () => ((await intakeClock(pausedOverdueId)).fired.includes('escalation-1') ? true : undefined), 20_000);
      const paused = await requestInfo(pausedOverdueId, '等待上级批示');
      expect(paused.status).toBe(200);
      expect(paused.body.clocks[0]).toMatchObject({ paused: true, status: 'paused' });
      expect(await idsIn('/sla/overdue?policyKey=intake_decision')).not.toContain(pausedOverdueId);
      expect(await idsIn('/sla/due-soon?withinHours=720')).not.toContain(pausedOverdueId);

      const timeline = await get(`/sla/projects/${pausedOverdueId}/timeline`);
      expect(timeline.body.events.map((e: any) => [e.event, e.actorId, e.reason])).toEqual([
        ['started', null, null],
        ['warned', null, null],
        ['breached', null, null],
        ['escalated', null, null],
        ['paused', taskForce.id, '等待上级批示'],
      ]);
      expect(timeline.body.events[2].at).toBe(timeline.body.events[0].deadlineAt);
      const breachedAt = timeline.body.events[2].at;

      // Resumed after a pause: the deadline moves by the pause, the breach instant stays where it was.
      await new Promise((r) => setTimeout(r, 1_500));
      expect((await provideInfo(pausedOverdueId, '已批示')).status).toBe(200);
      const after = await get(`/sla/projects/${pausedOverdueId}/timeline`);
      const events = after.body.events as any[];
      expect(events.map((e) => e.event)).toEqual(['started', 'warned', 'breached', 'escalated', 'paused', 'resumed']);
      expect(events[2].at).toBe(breachedAt);
      expect(Date.parse(events[0].deadlineAt) - Date.parse(breachedAt)).toBeGreaterThanOrEqual(1_500);
    });

    it('shows the breached clock started (with its policy version), warned, breached and escalated, in order', async () => {
      const events = await eventually(
        'the escalation to reach the timeline',
        async () => {
          const res = await get(`/sla/projects/${overdueId}/timeline`, leader);
          expect(res.status).toBe(200);
          return res.body.events.some((e: any) => e.event === 'escalated') ? (res.body.events as any[]) : undefined;
        },
        20_000,
      );
      expect(events.map((e) => e.event)).toEqual(['started', 'warned', 'breached', 'escalated']);
      const [started, warned, breached, escalated] = events;
      expect(started).toMatchObject({ eventLabel: '开始计时', clock: 'intake_decision', clockLabel: '48小时承接研判', policyVersion: tinyVersion, actorId: null });
      expect(Date.parse(started.deadlineAt) - Date.parse(started.at)).toBe(TINY_MS);
      expect(warned).toMatchObject({ eventLabel: '预警', clock: 'intake_decision', level: 1, actorId: null });
      // The seeded ladder: the warning at 75 % of the limit.
      expect(Date.parse(warned.at) - Date.parse(started.at)).toBeGreaterThanOrEqual(0.75 * TINY_MS);
      expect(breached).toMatchObject({ eventLabel: '超时', at: started.deadlineAt, deadlineAt: started.deadlineAt });
      expect(escalated).toMatchObject({ eventLabel: '督办', clock: 'intake_decision', level: 1, actorId: null });
      expect(Date.parse(escalated.at)).toBeGreaterThanOrEqual(Date.parse(started.deadlineAt));

      const project = await get(`/projects/${overdueId}`);
      expect(project.body).toMatchObject({ overdue: true });
      expect(project.body.clocks[0].fired).toEqual(['warning-1', 'escalation-1']);
    });
  });

  describe('recalculation', () => {
    it('moves running intake clocks to a new policy version on request, once, audited with actor and reason', async () => {
      const projectId = await register(`株洲重新计算测试有限公司${randomUUID().slice(0, 6)}`);
      const before = await intakeClock(projectId);
      expect(Date.parse(before.deadlineAt) - Date.parse(before.startedAt)).toBe(48 * HOUR_MS);

      const created = await createVersion('intake_decision', {
        duration: { unit: 'hours', hours: 96 },
        warnings: [{ fraction: 0.75, notify: 'intake_task_force' }],
        escalations: [
          { afterBreachHours: 0, notify: 'economic_cooperation_bureau_head' },
          { afterBreachHours: 24, notify: 'zone_leadership' },
        ],
        reason: '重大项目研判时限延长至96小时',
      });
      expect(created.status).toBe(201);
      const newVersion = created.body.version as number;
      expect(newVersion).toBeGreaterThan(before.policyVersion);
      // A new version alone leaves running clocks as they are.
      expect((await intakeClock(projectId)).policyVersion).toBe(before.policyVersion);

      const since = await lastAdminAuditId();
      const reason = '管委会决定：在研项目统一按新时限重新计算';
      await refusedPolicyChange(() => post('/sla/recalculations', leader, { scope: 'policy', policyKey: 'intake_decision', reason }), 403, 'FORBIDDEN_ROLE');
      await refusedPolicyChange(() => post('/sla/recalculations', admin, { scope: 'everything', reason }), 400, 'VALIDATION_FAILED', 'scope');
      await refusedPolicyChange(() => post('/sla/recalculations', admin, { scope: 'policy', policyKey: 'intake_decision' }), 400, 'VALIDATION_FAILED', 'reason');
      await refusedPolicyChange(() => post('/sla/recalculations', admin, { scope: 'policy', policyKey: 'intake', reason }), 400, 'VALIDATION_FAILED', 'policyKey');

      const res = await post('/sla/recalculations', admin, { scope: 'policy', policyKey: 'intake_decision', reason });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({
        requestId: expect.any(String),
        scope: 'policy',
        policyKey: 'intake_decision',
        reason,
        requestedBy: admin.id,
        requestedAt: expect.any(String),
        status: 'running',
        openWorkflowsAtRequest: expect.any(Number),
        signalled: 0,
        ended: 0,
      });
      expect(res.body.openWorkflowsAtRequest).toBeGreaterThanOrEqual(1);
      // A background workflow reaches every open workflow; any member of staff can follow it.
      const done = await eventually(
        'the recalculation to complete',
        async () => {
          const s = await get(`/sla/recalculations/${res.body.requestId}`, officer);
          expect(s.status).toBe(200);
          return s.body.status === 'completed' ? s.body : undefined;
        },
        20_000,
      );
      expect(done).toEqual({ ...res.body, status: 'completed', signalled: expect.any(Number), ended: expect.any(Number) });
      expect(done.signalled).toBeGreaterThanOrEqual(1);
      expect((await get(`/sla/recalculations/${randomUUID()}`)).status).toBe(404);
      const notUuid = await get('/sla/recalculations/recalc-1');
      expect({ status: notUuid.status, fields: notUuid.body.details?.map((d: any) => d.field) }).toEqual({ status: 400, fields: ['requestId'] });

      const after = await eventually(
        'the clock to adopt the new version',
        async () => {
          const c = await intakeClock(projectId);
          return c.policyVersion === newVersion ? c : undefined;
        },
        20_000,
      );
      expect(after).toMatchObject({ status: 'running', startedAt: before.startedAt, policyKey: 'intake_decision' });
      expect(Date.parse(after.deadlineAt) - Date.parse(after.startedAt)).toBe(96 * HOUR_MS);

      const history = await get(`/projects/${projectId}/history`);
      const recalculated = history.body.items.filter((e: any) => e.action === 'sla.recalculated');
      expect(recalculated).toHaveLength(1);
      expect(recalculated[0]).toMatchObject({
        actorId: admin.id,
        actorRole: 'admin',
        stageBefore: 'intake',
        stageAfter: 'intake',
        payload: {
          clock: 'intake_decision',
          requestId: res.body.requestId,
          scope: 'policy',
          reason,
          before: { policyVersion: before.policyVersion, deadlineAt: before.deadlineAt },
          after: { policyVersion: newVersion, deadlineAt: after.deadlineAt },
        },
      });
      const timeline = await get(`/sla/projects/${projectId}/timeline`);
      expect(timeline.body.events.filter((e: any) => e.event === 'recalculated')).toEqual([
        expect.objectContaining({ eventLabel: '重新计算', actorId: admin.id, reason, policyVersion: newVersion, deadlineAt: after.deadlineAt }),
      ]);
      // The read model follows: due within 96 h, not within 48.
      expect(await idsIn('/sla/due-soon?withinHours=48&policyKey=intake_decision')).not.toContain(projectId);
      expect(await idsIn('/sla/due-soon?withinHours=96&policyKey=intake_decision')).toContain(projectId);

      const audit = await adminAuditSince(since);
      expect(audit).toEqual([
        {
          id: expect.any(String),
          actor_user_id: admin.id,
          actor_role: 'admin',
          action: 'sla.recalculation_requested',
          subject: 'sla_policy:intake_decision',
          reason,
          // Audited before any signal goes out: the workflows with an open clock then (some may end before their signal).
          payload: { requestId: res.body.requestId, scope: 'policy', openWorkflows: expect.any(Number) },
        },
      ]);
      expect(audit[0].payload.openWorkflows).toBe(res.body.openWorkflowsAtRequest);

      // Still exactly one recalculation after the workflow has had time to handle anything else.
      await new Promise((r) => setTimeout(r, 1_000));
      expect((await get(`/projects/${projectId}/history`)).body.items.filter((e: any) => e.action === 'sla.recalculated')).toHaveLength(1);
    });
  });
});
