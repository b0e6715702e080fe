import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { DEFAULT_DEMO_PASSWORD, seedDemoUsers } from '@zs/api';
import { projectWorkflowId } from '@zs/contracts';
import { parseZones, type Zone } from '@zs/domain';
import { openDatabase, runMigrations, type Database } from '@zs/persistence';
import { signedDataConverter } from '@zs/temporal-codec';
import { stackEnv, TEST_ZONES } from '../setup/stack-env';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { eventually } from '../support/eventually';
import { sampleLead, uniqueCompanyName } from '../support/sample-lead';
import { useWallClockPolicies } from '../support/sla-policies';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

/**
 * Issue 12, several zones: one API and one worker process serve two zones of a city, each with a
 * PostgreSQL schema and a Temporal namespace of its own. The same user names exist in both (the
 * demo accounts); every read, step and alert of one zone stays in it, and only the city role
 * (市领导) reads across them, read-only.
 */
describe('several zones in one deployment', () => {
  const zones = (parseZones(TEST_ZONES, stackEnv('temporalNamespace')) as { ok: true; zones: Zone[] }).zones;
  const [jingkai, gaoxin] = zones;
  let h: E2eHarness;
  let worker: WorkerProcess;
  const pools = new Map<string, Database>();
  let temporal: Connection;
  const tokens: Record<string, Record<string, string>> = {};
  const projects: Record<string, string> = {};

  const login = async (zone: Zone, username: string) => {
    const res = await h.http('POST', '/auth/login', { body: { username, password: DEFAULT_DEMO_PASSWORD, zone: zone.code } });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  };
  const get = (path: string, token: string, zoneHeader?: string): Promise<HttpResult> =>
    h.http('GET', path, { token, headers: zoneHeader ? { 'x-zs-zone': zoneHeader } : {} });
  const listedIds = async (token: string, zoneHeader?: string): Promise<string[]> => {
    const res = await get('/projects?pageSize=100', token, zoneHeader);
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ id: string }>).map((p) => p.id);
  };

  beforeAll(async () => {
    for (const zone of zones) {
      await runMigrations(stackEnv('superuserDatabaseUrl'), zone.schema);
      const db = await openDatabase({ url: stackEnv('databaseUrl'), poolSize: 2, schema: zone.schema });
      pools.set(zone.code, db);
      await seedDemoUsers(db, DEFAULT_DEMO_PASSWORD);
    }
    h = await startE2eHarness({ worker: false, apiEnv: { ZONES: TEST_ZONES } });
    worker = await startWorkerProcess({ ZONES: TEST_ZONES }, { name: 'zones-worker' });
    temporal = await Connection.connect({ address: stackEnv('temporalAddress') });
    for (const zone of zones) {
      tokens[zone.code] = {};
      for (const user of ['officer', 'taskforce', 'admin', 'auditor', 'city']) tokens[zone.code][user] = await login(zone, user);
    }
  }, 120_000);

  afterAll(async () => {
    await worker?.kill();
    await h?.teardown();
    await temporal?.close();
    for (const db of pools.values()) await db.destroy();
  });

  it('lists its zones for the login page, and refuses a zone it does not serve, naming the field', async () => {
    const list = await h.http('GET', '/zones');
    expect(list.body).toEqual({ zones: [{ code: 'jingkai', name: '经开区' }, { code: 'gaoxin', name: '高新区' }] });
    const refused = await h.http('POST', '/auth/login', { body: { username: 'officer', password: DEFAULT_DEMO_PASSWORD, zone: 'tianxin' } });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'zone' })]);
    expect(JSON.stringify(refused.body)).toContain('园区');
  });

  it("registers each zone's lead in its own schema and namespace; neither zone sees, reads or steps the other's", async () => {
    for (const zone of zones) {
      const res = await h.http('POST', '/leads', { token: tokens[zone.code].officer, body: sampleLead({ notes: `${zone.name}的线索` }) });
      expect(res.status).toBe(201);
      projects[zone.code] = res.body.id;
    }
    const [mine, theirs] = [projects.jingkai, projects.gaoxin];

    expect(await listedIds(tokens.jingkai.officer)).toContain(mine);
    expect(await listedIds(tokens.jingkai.officer)).not.toContain(theirs);
    expect(await listedIds(tokens.gaoxin.officer)).toEqual(expect.arrayContaining([theirs]));
    expect(await listedIds(tokens.gaoxin.officer)).not.toContain(mine);

    // Read, history, step: another zone's project does not exist for this zone's staff.
    expect((await get(`/projects/${mine}`, tokens.gaoxin.officer)).status).toBe(404);
    expect((await get(`/projects/${mine}/history`, tokens.gaoxin.auditor)).status).toBe(404);
    const step = await h.http('POST', `/projects/${mine}/intake-decision`, { token: tokens.gaoxin.taskforce, body: { action: 'accept' } });
    expect(step.status).toBe(404);
    expect((await get(`/projects/${mine}`, tokens.jingkai.officer)).body.stage).toBe('intake');

    // The rows and the workflow runs are where the zone is, and only there.
    for (const [zone, id, other] of [
      [jingkai, mine, gaoxin],
      [gaoxin, theirs, jingkai],
    ] as const) {
      expect(await countRows(zone, 'projects', id)).toBe(1);
      expect(await countRows(other, 'projects', id)).toBe(0);
      expect(await countRows(zone, 'audit_events', id)).toBeGreaterThan(0);
      expect(await countRows(other, 'audit_events', id)).toBe(0);
      await expect(workflowIn(zone, id)).resolves.toBe('RUNNING');
      await expect(workflowIn(other, id)).rejects.toBeInstanceOf(WorkflowNotFoundError);
    }

    // Its own zone's task force decides it: the step lands, in that zone.
    const accepted = await h.http('POST', `/projects/${mine}/intake-decision`, { token: tokens.jingkai.taskforce, body: { action: 'accept' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.stage).toBe('negotiation');
  });

  it('refuses X-ZS-Zone from anyone but the city role, and a zone not served (403 naming the header)', async () => {
    const other = await get('/projects', tokens.gaoxin.officer, 'jingkai');
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).toContain('只能访问本园区');
    expect(other.body).toMatchObject({ code: 'FORBIDDEN_ZONE', details: [expect.objectContaining({ field: 'X-ZS-Zone' })] });
    const unknown = await get('/projects', tokens.jingkai.city, 'tianxin');
    expect(unknown.status).toBe(403);
    expect(unknown.body).toMatchObject({ code: 'FORBIDDEN_ZONE', details: [expect.objectContaining({ field: 'X-ZS-Zone' })] });
    // Naming one's own zone is fine.
    expect((await get('/projects', tokens.gaoxin.officer, 'gaoxin')).status).toBe(200);
  });

  it('lets the city role read every zone, one at a time and side by side, and write in none', async () => {
    const city = tokens.jingkai.city;
    expect(await listedIds(city)).toContain(projects.jingkai);
    expect(await listedIds(city)).not.toContain(projects.gaoxin);
    expect(await listedIds(city, 'gaoxin')).toContain(projects.gaoxin);
    expect(await listedIds(city, 'gaoxin')).not.toContain(projects.jingkai);
    expect((await get(`/projects/${projects.gaoxin}`, city, 'gaoxin')).status).toBe(200);
    expect((await get('/auth/me', city, 'gaoxin')).body).toMatchObject({ username: 'city', role: 'city_leadership' });

    const before = await countRows(gaoxin, 'projects');
    const write = await h.http('POST', '/leads', { token: city, headers: { 'x-zs-zone': 'gaoxin' }, body: sampleLead() });
    expect(write.status).toBe(403);
    expect(JSON.stringify(write.body)).toContain('只能查看');
    expect(await countRows(gaoxin, 'projects')).toBe(before);

    const table = await eventually('both zones counted', async () => {
      const res = await get('/kpis/city', city);
      expect(res.status).toBe(200);
      return res.body.rows.every((r: { projectCount: number }) => r.projectCount >= 1) ? res.body : undefined;
    });
    expect(table.rows.map((r: { group: string; groupLabel: string }) => [r.group, r.groupLabel])).toEqual([
      ['jingkai', '经开区'],
      ['gaoxin', '高新区'],
    ]);
    expect(table.rows.map((r: { projectCount: number }) => r.projectCount)).toEqual([await countRows(jingkai, 'project_facts'), await countRows(gaoxin, 'project_facts')]);
    // A zone's own leader has no city view.
    expect((await get('/kpis/city', tokens.jingkai.auditor)).status).toBe(403);
  });

  it("raises each zone's deadline alerts to that zone's staff only", async () => {
    const companies: Record<string, string> = {};
    for (const zone of zones) {
      // A zone's policies are its own: a 48-hour decision becomes 7.2 s here, so its 75 % warning comes at once.
      await useWallClockPolicies(pools.get(zone.code)!, { intake_decision: 0.002 });
      companies[zone.code] = uniqueCompanyName(`${zone.name}研判提醒`);
      const res = await h.http('POST', '/leads', { token: tokens[zone.code].officer, body: sampleLead({ companyName: companies[zone.code] }) });
      expect(res.status).toBe(201);
    }
    for (const [zone, other] of [
      [jingkai, gaoxin],
      [gaoxin, jingkai],
    ] as const) {
      const titles = await eventually(`${zone.code}'s task force warned`, async () => {
        const inbox = await get('/notifications?pageSize=100', tokens[zone.code].taskforce);
        const all = (inbox.body.items as Array<{ title: string }>).map((n) => n.title);
        return all.some((t) => t.includes(companies[zone.code])) ? all : undefined;
      }, 30_000);
      expect(titles.some((t) => t.includes(companies[other.code]))).toBe(false);
      expect(await countNotificationsMentioning(other, companies[zone.code])).toBe(0);
      expect(await countNotificationsMentioning(zone, companies[zone.code])).toBeGreaterThan(0);
    }
  });

  it("keeps each zone's record a hash chain of its own, verified with that zone's checkpoints", async () => {
    for (const zone of zones) {
      const report = await eventually(`${zone.code}'s record verified`, async () => {
        const res = await get('/audit/verify', tokens[zone.code].auditor);
        return res.status === 200 && res.body.intact ? res.body : undefined;
      }, 20_000);
      expect(report.intact).toBe(true);
      // Every event of the zone's chain is one of its projects'; none of the other zone's.
      const other = zones.find((z) => z !== zone)!;
      expect(await countRows(zone, 'audit_events', projects[other.code])).toBe(0);
    }
  });

  async function countRows(zone: Zone, table: 'projects' | 'audit_events' | 'project_facts', projectId?: string): Promise<number> {
    const column = table === 'projects' ? 'id' : 'project_id';
    const [{ n }] = await pools
      .get(zone.code)!
      .query(`SELECT count(*)::int AS n FROM ${table}${projectId ? ` WHERE ${column} = $1` : ''}`, projectId ? [projectId] : []);
    return n;
  }

  async function countNotificationsMentioning(zone: Zone, text: string): Promise<number> {
    const [{ n }] = await pools.get(zone.code)!.query(`SELECT count(*)::int AS n FROM notifications WHERE title LIKE $1`, [`%${text}%`]);
    return n;
  }

  async function workflowIn(zone: Zone, projectId: string): Promise<string> {
    const client = new Client({ connection: temporal, namespace: zone.namespace, dataConverter: signedDataConverter({ key: stackEnv('payloadKey'), mode: 'enforce' }) });
    return (await client.workflow.getHandle(projectWorkflowId(projectId)).describe()).status.name;
  }
});
