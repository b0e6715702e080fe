import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDate } from '@zs/domain';
import { appendOnlyTables } from '@zs/persistence';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { eventually } from '../support/eventually';
import { importSignedProjects } from '../support/imported-signings';
import { sampleContract } from '../support/sample-contract';
import { sampleLead } from '../support/sample-lead';

/** Today in Asia/Shanghai, fixed once so every date of the file agrees. */
const TODAY = shanghaiDate(Date.now());
const day = (days: number): string => addDays(TODAY, days);
/** Names unique to this run: the database is shared by every suite and kept between runs. */
const RUN = randomUUID().slice(0, 8);
/** A company name no other project resembles (duplicate detection compares names): eight random 汉字. */
const uniqueCompany = (suffix: string) =>
  Array.from({ length: 8 }, () => String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 0x5000))).join('') + suffix;

/**
 * 招商攻势 over HTTP: CRUD, roster and audit; refusals; a leaderboard of two teams on projects
 * registered, decided, signed and funded through the API; the snapshot refused before the end,
 * then frozen so later record changes no longer move it; a campaign already over, ranked on projects
 * imported with their signings and funds inside its period, then frozen with those figures.
 */
describe('campaigns over HTTP', () => {
  let h: E2eHarness;
  let admin: Staff;
  let leader: Staff;
  let ecbHead: Staff;
  let taskForce: Staff;
  let auditor: Staff;
  let bystander: Staff;
  /** Two fresh officers, each the only member of a fresh team (no older membership can claim their credit). */
  let officerA: Staff;
  let officerB: Staff;
  const team: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
  let campaignId = '';
  const projects: Record<'x' | 'y' | 'z', string> = { x: '', y: '', z: '' };

  const call = (method: string, path: string, who: Staff, body?: unknown) => h.http(method, path, { token: who.token, body });

  async function createTeam(name: string): Promise<string> {
    const res = await call('POST', '/admin/teams', admin, { name, reason: '攻势测试' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  /** A new investment officer in `teamId`, logged in after changing the temporary password. */
  const usernameOf = (label: string) => `campaign-${label}-${RUN}`.toLowerCase();

  async function freshOfficer(label: string, teamId: string): Promise<Staff> {
    const username = usernameOf(label);
    const created = await call('POST', '/admin/users', admin, { username, displayName: `攻势专员${label}${RUN}`, role: 'investment_officer', teamIds: [teamId] });
    expect(created.status).toBe(201);
    const first = await h.http('POST', '/auth/login', { body: { username, password: created.body.temporaryPassword } });
    expect(first.status).toBe(200);
    const changed = await h.http('POST', '/auth/password', {
      token: first.body.accessToken,
      body: { currentPassword: created.body.temporaryPassword, newPassword: `Zs-campaign-${RUN}-Pw9` },
    });
    expect(changed.status).toBe(200);
    return { token: changed.body.accessToken, id: created.body.user.id, displayName: created.body.user.displayName, role: 'investment_officer' };
  }

  /** Registered by `who`, credited to the campaign, accepted by the task force. */
  async function accepted(who: Staff, companyName: string): Promise<string> {
    const reg = await call('POST', '/leads', who, { ...sampleLead({ companyName }), campaignId });
    expect(reg.status).toBe(201);
    const id = reg.body.id as string;
    const decided = await call('POST', `/projects/${id}/intake-decision`, taskForce, { action: 'accept' });
    expect(decided.status).toBe(200);
    return id;
  }

  async function signed(who: Staff, companyName: string, contractInvestmentYi: number): Promise<string> {
    const id = await accepted(who, companyName);
    expect((await call('POST', `/projects/${id}/negotiation-outcome`, who, { outcome: 'proceed' })).status).toBe(200);
    const contract = sampleContract({
      contractNo: `GS-${RUN}-${contractInvestmentYi}`,
      contractInvestmentYi,
      signedOn: TODAY,
      committed: { constructionStart: day(10), equipmentEntry: day(40), production: day(120), firstTax: day(200) },
      factoryAreaM2: 100,
    });
    const res = await call('POST', `/projects/${id}/contract`, who, contract);
    expect({ status: res.status, body: res.status === 200 ? null : res.body }).toEqual({ status: 200, body: null });
    return id;
  }

  const board = (by: 'team' | 'officer', who: Staff = auditor) => call('GET', `/campaigns/${campaignId}/leaderboard?by=${by}`, who);

  beforeAll(async () => {
    h = await startE2eHarness();
    [admin, leader, ecbHead, taskForce, auditor, bystander] = await Promise.all(
      ['admin', 'leader', 'ecb-head', 'taskforce', 'auditor', 'officer'].map((u) => loginStaff(h, u)),
    );
    team.A = await createTeam(`攻势甲组-${RUN}`);
    team.B = await createTeam(`攻势乙组-${RUN}`);
    team.C = await createTeam(`攻势丙组-${RUN}`);
    officerA = await freshOfficer('a', team.A);
    officerB = await freshOfficer('b', team.B);
  });
  afterAll(async () => {
    await h?.teardown();
  });

  it('creates, reads, lists and edits a campaign and sets its roster, each change in the admin audit chain', async () => {
    const created = await call('POST', '/campaigns', leader, {
      name: `夏季招商攻势-${RUN}`,
      description: '两个月驻点招商',
      startsOn: day(-10),
      endsOn: day(10),
      targets: { contractInvestmentYi: 20, signedProjects: 3 },
    });
    expect(created.status).toBe(201);
    campaignId = created.body.id;
    expect(created.body).toMatchObject({
      name: `夏季招商攻势-${RUN}`,
      startsOn: day(-10),
      endsOn: day(10),
      targets: { contractInvestmentYi: 20, fundsInPlaceYi: null, signedProjects: 3, leads: null },
      teams: [],
      officers: [],
      status: 'active',
      statusLabel: '进行中',
      frozenAt: null,
      createdBy: leader.id,
    });

    // Every member of staff reads; GET /campaigns filters by the day a campaign is active on.
    expect((await call('GET', `/campaigns/${campaignId}`, bystander)).body.id).toBe(campaignId);
    const active = await call('GET', `/campaigns?activeOn=${TODAY}&pageSize=100`, bystander);
    expect(active.status).toBe(200);
    expect(active.body.items.map((c: { id: string }) => c.id)).toContain(campaignId);
    const later = await call('GET', `/campaigns?activeOn=${day(11)}&pageSize=100`, bystander);
    expect(later.body.items.map((c: { id: string }) => c.id)).not.toContain(campaignId);

    const edited = await call('PATCH', `/campaigns/${campaignId}`, ecbHead, { description: '七八两月驻点招商', targets: { fundsInPlaceYi: 5 } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ description: '七八两月驻点招商', targets: { contractInvestmentYi: null, fundsInPlaceYi: 5 } });

    const roster = await call('PUT', `/campaigns/${campaignId}/roster`, leader, { teamIds: [team.B, team.C, team.A], officerUserIds: [officerB.id, officerA.id] });
    expect(roster.status).toBe(200);
    expect(roster.body.teams.map((t: { id: string }) => t.id).sort()).toEqual([team.A, team.B, team.C].sort());
    expect(roster.body.officers.map((o: { id: string }) => o.id).sort()).toEqual([officerA.id, officerB.id].sort());

    const audit = await call('GET', `/audit/admin-events?subject=campaign:${campaignId}&pageSize=100`, auditor);
    expect(audit.status).toBe(200);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['campaign.created', 'campaign.updated', 'campaign.roster_set']));
    expect(audit.body.items.find((e: { action: string }) => e.action === 'campaign.created')).toMatchObject({ actorUserId: leader.id, actionLabel: '新建招商攻势' });
    expect(audit.body.items.find((e: { action: string }) => e.action === 'campaign.updated').actorUserId).toBe(ecbHead.id);
  });

  it('refuses bad input naming the field, unknown campaigns, and non-managers', async () => {
    const fieldOf = (res: { body: { details?: Array<{ field: string }> } }) => (res.body.details ?? []).map((d) => d.field);
    const bad = [
      [{ startsOn: day(0), endsOn: day(1) }, 'name'],
      [{ name: '  ', startsOn: day(0), endsOn: day(1) }, 'name'],
      [{ name: '攻势', startsOn: '2300-01-01', endsOn: day(1) }, 'startsOn'],
      [{ name: '攻势', startsOn: day(0), endsOn: '2026-02-30' }, 'endsOn'],
      [{ name: '攻势', startsOn: day(5), endsOn: day(1) }, 'endsOn'],
      [{ name: '攻势', startsOn: day(0), endsOn: day(1), targets: { signedProjects: -1 } }, 'targets.signedProjects'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await call('POST', '/campaigns', leader, body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(fieldOf(res)).toContain(field);
    }
    const unknownTeam = await call('PUT', `/campaigns/${campaignId}/roster`, leader, { teamIds: [randomUUID()], officerUserIds: [] });
    expect({ status: unknownTeam.status, fields: fieldOf(unknownTeam) }).toEqual({ status: 400, fields: ['teamIds'] });
    const unknownOfficer = await call('PUT', `/campaigns/${campaignId}/roster`, leader, { teamIds: [], officerUserIds: [randomUUID()] });
    expect({ status: unknownOfficer.status, fields: fieldOf(unknownOfficer) }).toEqual({ status: 400, fields: ['officerUserIds'] });
    // The refused roster changed nothing.
    expect((await call('GET', `/campaigns/${campaignId}`, auditor)).body.teams).toHaveLength(3);

    const missing = randomUUID();
    for (const [method, path] of [
      ['GET', `/campaigns/${missing}`],
      ['GET', `/campaigns/${missing}/leaderboard`],
      ['GET', `/campaigns/${missing}/projects`],
      ['PATCH', `/campaigns/${missing}`],
      ['POST', `/campaigns/${missing}/snapshot`],
    ] as const) {
      const res = await call(method, path, leader, method === 'PATCH' ? { name: '无' } : undefined);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
    expect((await call('GET', '/campaigns/not-a-uuid', auditor)).status).toBe(400);
    expect((await board('team')).status).toBe(200);
    expect((await call('GET', `/campaigns/${campaignId}/leaderboard?by=department`, auditor)).status).toBe(400);

    for (const [method, path, body] of [
      ['POST', '/campaigns', { name: '越权', startsOn: day(0), endsOn: day(1) }],
      ['PATCH', `/campaigns/${campaignId}`, { name: '越权' }],
      ['PUT', `/campaigns/${campaignId}/roster`, { teamIds: [], officerUserIds: [] }],
      ['POST', `/campaigns/${campaignId}/snapshot`, undefined],
    ] as const) {
      const res = await call(method, path, bystander, body);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'FORBIDDEN_ROLE' });
    }
    expect((await call('GET', `/campaigns/${campaignId}`, auditor)).body.name).toBe(`夏季招商攻势-${RUN}`);
  });

  it('ranks the roster on projects registered, decided, signed and funded through the API', async () => {
    projects.x = await signed(officerA, uniqueCompany('科技有限公司'), 8);
    const funds = await call('POST', `/projects/${projects.x}/funds`, officerA, { amountYi: 1.5, date: TODAY, source: 'equity', evidence: `进账单 ${RUN}` });
    expect(funds.status).toBe(200);
    projects.y = await signed(officerB, uniqueCompany('动力有限公司'), 12);
    projects.z = await accepted(officerB, uniqueCompany('材料有限公司'));
    // Not credited to the campaign: counts nowhere on its board.
    const outside = await call('POST', '/leads', officerA, sampleLead({ companyName: uniqueCompany('软件有限公司') }));
    expect(outside.status).toBe(201);

    const credited = await eventually('three credited projects', async () => {
      const res = await call('GET', `/campaigns/${campaignId}/projects`, auditor);
      return res.body.total === 3 ? res.body : undefined;
    });
    expect(credited.items.map((p: { id: string }) => p.id).sort()).toEqual(Object.values(projects).sort());
    expect(credited.items.find((p: { id: string }) => p.id === projects.x)).toMatchObject({
      signedOn: TODAY,
      contractInvestmentYi: 8,
      signedWithinPeriod: true,
      fundsInPlaceWithinPeriodYi: 1.5,
      owner: { userId: officerA.id, teamId: team.A },
    });

    const teams = await eventually('the funds on the board', async () => {
      const res = await board('team');
      return res.body.entries?.find((e: { id: string }) => e.id === team.A)?.fundsInPlaceYi === 1.5 ? res.body : undefined;
    });
    expect(teams).toMatchObject({ campaignId, by: 'team', byLabel: '小分队', from: day(-10), to: day(10), asOf: TODAY, frozen: false, frozenAt: null, unrosteredProjects: 0 });
    expect(teams.rankingRule).toContain('合同投资额');
    expect(teams.metrics.map((m: { code: string }) => m.code)).toEqual([
      'projects_signed',
      'contract_investment_yi',
      'funds_in_place_yi',
      'decision_48h_compliance',
      'lead_to_signing_days_mean',
    ]);
    expect(teams.entries).toEqual([
      {
        rank: 1,
        id: team.B,
        name: `攻势乙组-${RUN}`,
        creditedProjects: 2,
        signedProjects: 1,
        contractInvestmentYi: 12,
        fundsInPlaceYi: 0,
        decisionCompliance: { value: 100, numerator: 2, denominator: 2 },
        leadToSigningDays: { value: 0, numerator: 0, denominator: 1 },
      },
      {
        rank: 2,
        id: team.A,
        name: `攻势甲组-${RUN}`,
        creditedProjects: 1,
        signedProjects: 1,
        contractInvestmentYi: 8,
        fundsInPlaceYi: 1.5,
        decisionCompliance: { value: 100, numerator: 1, denominator: 1 },
        leadToSigningDays: { value: 0, numerator: 0, denominator: 1 },
      },
      // On the roster with no result: listed, last.
      {
        rank: 3,
        id: team.C,
        name: `攻势丙组-${RUN}`,
        creditedProjects: 0,
        signedProjects: 0,
        contractInvestmentYi: 0,
        fundsInPlaceYi: 0,
        decisionCompliance: { value: null, numerator: 0, denominator: 0 },
        leadToSigningDays: { value: null, numerator: 0, denominator: 0 },
      },
    ]);

    const officers = await board('officer');
    expect(officers.status).toBe(200);
    expect(officers.body.entries.map((e: { id: string; rank: number }) => [e.id, e.rank])).toEqual([
      [officerB.id, 1],
      [officerA.id, 2],
    ]);
  });

  it('refuses the snapshot before the period ends, then freezes the board once; later records no longer move it', async () => {
    const early = await call('POST', `/campaigns/${campaignId}/snapshot`, leader);
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 409, code: 'CAMPAIGN_NOT_ENDED' });
    expect((await board('team')).body.frozen).toBe(false);

    // The campaign is cut short: it ended yesterday (today's signings now fall after it).
    const cut = await call('PATCH', `/campaigns/${campaignId}`, leader, { endsOn: day(-1) });
    expect(cut.status).toBe(200);
    expect(cut.body.status).toBe('ended');
    const live = (await board('team')).body;
    // Nothing signed or funded within the period any more: all three tie (并列第1), listed by name in pinyin order (丙, 甲, 乙).
    expect(live.entries.map((e: { id: string; rank: number; creditedProjects: number; signedProjects: number }) => [e.id, e.rank, e.creditedProjects, e.signedProjects])).toEqual([
      [team.C, 1, 0, 0],
      [team.A, 1, 1, 0],
      [team.B, 1, 2, 0],
    ]);

    const frozen = await call('POST', `/campaigns/${campaignId}/snapshot`, ecbHead);
    expect(frozen.status).toBe(201);
    expect(frozen.body).toMatchObject({ campaignId, frozenBy: ecbHead.id, frozenAt: expect.any(String) });
    expect(frozen.body.team).toEqual({ ...live, frozen: true, frozenAt: frozen.body.frozenAt });
    expect(frozen.body.officer.entries.map((e: { id: string; creditedProjects: number }) => [e.id, e.creditedProjects]).sort()).toEqual(
      [
        [officerA.id, 1],
        [officerB.id, 2],
      ].sort(),
    );

    const read = await board('team');
    expect(read.body).toEqual(frozen.body.team);
    expect((await call('GET', `/campaigns/${campaignId}`, auditor)).body).toMatchObject({ status: 'frozen', statusLabel: '已封榜', frozenAt: frozen.body.frozenAt });

    // A later change to the record (project z moves to team A's officer) would move a live board; the frozen one stays.
    const moved = await call('POST', `/projects/${projects.z}/ownership`, ecbHead, { ownerUserId: officerA.id, reason: '攻势结束后调整归属' });
    expect(moved.status).toBe(200);
    await eventually('the new owner in the read model', async () => {
      const res = await call('GET', `/campaigns/${campaignId}/projects`, auditor);
      return res.body.items.find((p: { id: string; owner: { userId: string } }) => p.id === projects.z)?.owner.userId === officerA.id ? true : undefined;
    });
    expect((await board('team')).body).toEqual(frozen.body.team);
    expect((await board('officer')).body).toEqual(frozen.body.officer);

    // Frozen means final: no second snapshot, no change to the campaign or its roster.
    for (const [method, path, body] of [
      ['POST', `/campaigns/${campaignId}/snapshot`, undefined],
      ['PATCH', `/campaigns/${campaignId}`, { endsOn: day(10) }],
      ['PUT', `/campaigns/${campaignId}/roster`, { teamIds: [], officerUserIds: [] }],
    ] as const) {
      const res = await call(method, path, leader, body);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 409, code: 'CAMPAIGN_FROZEN' });
    }

    const audit = await call('GET', `/audit/admin-events?subject=campaign:${campaignId}&action=campaign.snapshot_frozen`, auditor);
    expect(audit.body.items).toHaveLength(1);

    // The snapshot is append-only in the database too: the app's role may not rewrite it.
    expect(await appendOnlyTables(h.dataSource)).toContain('campaign_snapshots');
    await expect(h.dataSource.query(`UPDATE campaign_snapshots SET leaderboard = '{}'::jsonb WHERE campaign_id = $1`, [campaignId])).rejects.toThrow();
    expect((await board('team')).body).toEqual(frozen.body.team);
  });

  it('ranks an ended campaign on projects imported with signings and funds inside its period, and freezes those figures', async () => {
    // The period is over (day -40 to yesterday): a project registered today could not be dated inside
    // it, so the projects come in through the 存量项目导入 with their past, credited to this campaign.
    const created = await call('POST', '/campaigns', leader, { name: `春季招商攻势-${RUN}`, startsOn: day(-40), endsOn: day(-1), targets: { contractInvestmentYi: 15 } });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('ended');
    const endedId = created.body.id as string;
    const roster = await call('PUT', `/campaigns/${endedId}/roster`, leader, { teamIds: [team.A, team.B, team.C], officerUserIds: [officerA.id, officerB.id] });
    expect(roster.status).toBe(200);

    const [a1, a2, b1, b2] = await importSignedProjects(h, ecbHead.token, [
      // Team A: 8亿 signed in the period, 2亿 in place in it (the 1亿 of today falls after it).
      {
        owner: usernameOf('a'),
        registeredOn: day(-50),
        signedOn: day(-30),
        contractInvestmentYi: 8,
        funds: [
          { date: day(-20), amountYi: 2 },
          { date: day(0), amountYi: 1 },
        ],
        campaignId: endedId,
      },
      // Team A: 20亿 signed and funded before the period started: counted nowhere on the board.
      { owner: usernameOf('a'), registeredOn: day(-60), signedOn: day(-45), contractInvestmentYi: 20, funds: [{ date: day(-44), amountYi: 1 }], campaignId: endedId },
      // Team B: reported by A's officer, owned by B's (the owner is credited); 5亿 and 1亿 in place.
      { reporter: usernameOf('a'), owner: usernameOf('b'), registeredOn: day(-35), signedOn: day(-10), contractInvestmentYi: 5, funds: [{ date: day(-5), amountYi: 1 }], campaignId: endedId },
      // Team B: 3亿 signed the day before the last.
      { owner: usernameOf('b'), registeredOn: day(-20), signedOn: day(-2), contractInvestmentYi: 3, campaignId: endedId },
    ]);

    const credited = await call('GET', `/campaigns/${endedId}/projects?pageSize=100`, auditor);
    expect(credited.body.total).toBe(4);
    const row = (id: string) => credited.body.items.find((p: { id: string }) => p.id === id);
    expect(row(a1)).toMatchObject({ signedOn: day(-30), contractInvestmentYi: 8, signedWithinPeriod: true, fundsInPlaceWithinPeriodYi: 2, owner: { userId: officerA.id, teamId: team.A } });
    expect(row(a2)).toMatchObject({ signedOn: day(-45), contractInvestmentYi: 20, signedWithinPeriod: false, fundsInPlaceWithinPeriodYi: 0, owner: { userId: officerA.id } });
    expect(row(b1)).toMatchObject({ signedOn: day(-10), contractInvestmentYi: 5, signedWithinPeriod: true, fundsInPlaceWithinPeriodYi: 1, owner: { userId: officerB.id, teamId: team.B } });
    expect(row(b2)).toMatchObject({ signedOn: day(-2), contractInvestmentYi: 3, signedWithinPeriod: true, fundsInPlaceWithinPeriodYi: 0, owner: { userId: officerB.id } });

    const endedBoard = (by: 'team' | 'officer') => call('GET', `/campaigns/${endedId}/leaderboard?by=${by}`, auditor);
    const live = (await endedBoard('team')).body;
    expect(live).toMatchObject({ campaignId: endedId, by: 'team', from: day(-40), to: day(-1), asOf: day(-1), frozen: false, frozenAt: null, unrosteredProjects: 0 });
    // 8亿 each: B ranks first on its two signings (the second key of the rule) although A has more funds in place.
    // Imported decisions were never timed here, so they are not measured for the 48-hour compliance.
    const notMeasured = { value: null, numerator: 0, denominator: 0 };
    expect(live.entries).toEqual([
      {
        rank: 1,
        id: team.B,
        name: `攻势乙组-${RUN}`,
        creditedProjects: 2,
        signedProjects: 2,
        contractInvestmentYi: 8,
        fundsInPlaceYi: 1,
        decisionCompliance: notMeasured,
        leadToSigningDays: { value: 21.5, numerator: 43, denominator: 2 },
      },
      {
        rank: 2,
        id: team.A,
        name: `攻势甲组-${RUN}`,
        creditedProjects: 2,
        signedProjects: 1,
        contractInvestmentYi: 8,
        fundsInPlaceYi: 2,
        decisionCompliance: notMeasured,
        leadToSigningDays: { value: 20, numerator: 20, denominator: 1 },
      },
      {
        rank: 3,
        id: team.C,
        name: `攻势丙组-${RUN}`,
        creditedProjects: 0,
        signedProjects: 0,
        contractInvestmentYi: 0,
        fundsInPlaceYi: 0,
        decisionCompliance: notMeasured,
        leadToSigningDays: { value: null, numerator: 0, denominator: 0 },
      },
    ]);
    const liveOfficers = (await endedBoard('officer')).body;
    expect(liveOfficers.entries.map((e: { id: string; rank: number; signedProjects: number; contractInvestmentYi: number; fundsInPlaceYi: number }) => [e.id, e.rank, e.signedProjects, e.contractInvestmentYi, e.fundsInPlaceYi])).toEqual([
      [officerB.id, 1, 2, 8, 1],
      [officerA.id, 2, 1, 8, 2],
    ]);

    const frozen = await call('POST', `/campaigns/${endedId}/snapshot`, leader);
    expect(frozen.status).toBe(201);
    expect(frozen.body).toMatchObject({ campaignId: endedId, frozenBy: leader.id });
    expect(frozen.body.team).toEqual({ ...live, frozen: true, frozenAt: frozen.body.frozenAt });
    expect(frozen.body.officer).toEqual({ ...liveOfficers, frozen: true, frozenAt: frozen.body.frozenAt });
    expect((await endedBoard('team')).body).toEqual(frozen.body.team);

    // b1 moves to A's officer after the snapshot: live, A would now lead with 13亿; the frozen board does not move.
    const moved = await call('POST', `/projects/${b1}/ownership`, ecbHead, { ownerUserId: officerA.id, reason: '封榜后调整归属' });
    expect(moved.status).toBe(200);
    await eventually('the new owner of b1 in the read model', async () => {
      const res = await call('GET', `/campaigns/${endedId}/projects?pageSize=100`, auditor);
      return res.body.items.find((p: { id: string; owner: { userId: string } }) => p.id === b1)?.owner.userId === officerA.id ? true : undefined;
    });
    // The record did move: the KPIs of the campaign's period, computed live, now credit team A with 13亿.
    const liveKpis = await call('GET', `/kpis?groupBy=team&campaign=${endedId}&from=${day(-40)}&to=${day(-1)}`, auditor);
    expect(liveKpis.status).toBe(200);
    const teamKpis = (id: string) => liveKpis.body.rows.find((r: { group: string }) => r.group === id)?.kpis;
    expect(teamKpis(team.A)).toMatchObject({ contract_investment_yi: { value: 13 }, projects_signed: { value: 2 }, funds_in_place_yi: { value: 3 } });
    expect(teamKpis(team.B)).toMatchObject({ contract_investment_yi: { value: 3 }, projects_signed: { value: 1 } });
    const after = (await endedBoard('team')).body;
    expect(after).toEqual(frozen.body.team);
    expect(after.entries.map((e: { id: string; contractInvestmentYi: number; signedProjects: number; fundsInPlaceYi: number }) => [e.id, e.contractInvestmentYi, e.signedProjects, e.fundsInPlaceYi])).toEqual([
      [team.B, 8, 2, 1],
      [team.A, 8, 1, 2],
      [team.C, 0, 0, 0],
    ]);
    expect((await endedBoard('officer')).body).toEqual(frozen.body.officer);
  });
});
