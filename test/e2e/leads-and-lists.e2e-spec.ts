import { randomBytes, randomUUID } from 'node:crypto';
import { addDays, shanghaiDate } from '@zs/domain';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { sampleContract } from '../support/sample-contract';
import { sampleLead } from '../support/sample-lead';

/**
 * Issue 10, items 4, 8 and 9: richer leads, duplicate detection, the /projects filters and
 * sorting, and dates coherent with the registration. The database is shared with other suites:
 * every name here carries this run's token, and every list query is narrowed with `q` to it.
 */
describe('richer leads, duplicates and project lists', () => {
  let h: E2eHarness;
  let officer: string;
  let ecbHead: string;
  let taskForce: string;
  let auditor: string;
  let officerId: string;
  // 12 hex digits: the list's `q` also matches names holding most (60 %) of its character pairs, and
  // a 6-digit token's five pairs turned up in other suites' hex-suffixed names in the same database.
  const run = randomBytes(6).toString('hex');
  const today = shanghaiDate(Date.now());
  // Stems of their own (8+ characters), so names sharing this run's token are not similar to each other.
  const name = (stem: string) => `${stem}${run}有限公司`;
  const ids: Record<string, string> = {};

  const post = (path: string, token: string, body: unknown) => h.http('POST', path, { token, body });
  const list = async (query: string): Promise<string[]> => {
    const res = await h.http('GET', `/projects?q=${encodeURIComponent(run)}&pageSize=100&${query}`, { token: auditor });
    expect(res.status).toBe(200);
    return res.body.items.map((p: { id: string }) => p.id);
  };
  const names = (...keys: string[]) => keys.map((k) => ids[k]).sort();
  const refusal = (res: { status: number; body: any }, status: number, field: string) => {
    expect({ status: res.status, fields: (res.body.details ?? []).map((d: { field: string }) => d.field) }).toEqual({ status, fields: expect.arrayContaining([field]) });
  };

  beforeAll(async () => {
    h = await startE2eHarness();
    [officer, ecbHead, taskForce, auditor] = await Promise.all([h.login('officer'), h.login('ecb-head'), h.login('taskforce'), h.login('auditor')]);
    [{ id: officerId }] = await h.dataSource.query(`SELECT id::text AS id FROM users WHERE username = 'officer'`);

    // The small dataset every list test reads (registered today, in this order).
    const register = async (key: string, body: object, token = officer) => {
      const res = await post('/leads', token, body);
      expect({ key, status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ key, status: 201, body: null });
      ids[key] = res.body.id;
    };
    await register('rail', {
      ...sampleLead({ companyName: name('湘江轨道交通装备制造'), estimatedInvestmentYi: 0.5, kind: 'new', sourceChannel: 'small_team' }),
      fortune500: undefined,
      specializedSme: undefined,
      fortune500Lists: ['global', 'china'],
      listedCompany: true,
      specializedSmeLevel: 'national_little_giant',
      origin: 'outside_province',
      creditCode: '91440300708461136T',
    });
    await register('battery', {
      ...sampleLead({ companyName: name('醴陵电池储能材料研发'), estimatedInvestmentYi: 6, kind: 'expansion', sourceChannel: 'agency', industryChain: '新能源汽车', fortune500: false, specializedSme: false }),
      origin: 'first_in_province',
      listedCompany: false,
    });
    await register('ceramic', { ...sampleLead({ companyName: name('攸县陶瓷窑炉烧成技术'), estimatedInvestmentYi: 2, specializedSme: false }), specializedSmeLevel: 'provincial', specializedSme: true, ownerUserId: officerId }, ecbHead);
    // Signed today for 12 亿 (the contract's amount counts as the investment from then on).
    await register('signed', sampleLead({ companyName: name('茶陵机电设备精密加工'), estimatedInvestmentYi: 3 }));
    expect((await post(`/projects/${ids.signed}/intake-decision`, taskForce, { action: 'accept' })).status).toBe(200);
    expect((await post(`/projects/${ids.signed}/negotiation-outcome`, officer, { outcome: 'proceed' })).status).toBe(200);
    const committed = { constructionStart: addDays(today, 30), equipmentEntry: addDays(today, 60), production: addDays(today, 120), firstTax: addDays(today, 200) };
    const signed = await post(`/projects/${ids.signed}/contract`, officer, sampleContract({ contractInvestmentYi: 12, signedOn: today, committed }));
    expect({ status: signed.status, body: signed.status === 200 ? null : signed.body }).toEqual({ status: 200, body: null });
  }, 120_000);
  afterAll(async () => {
    await h?.teardown();
  });

  it('registers a richer lead and keeps every field, the derived flags and the ownership', async () => {
    const read = await h.http('GET', `/projects/${ids.rail}`, { token: auditor });
    expect(read.body.lead).toMatchObject({
      fortune500: true,
      fortune500Lists: ['global', 'china'],
      listedCompany: true,
      specializedSme: true,
      specializedSmeLevel: 'national_little_giant',
      origin: 'outside_province',
      creditCode: '91440300708461136T',
    });
    const [row] = await h.dataSource.query(
      `SELECT fortune500_lists, listed_company, specialized_sme_level, origin, credit_code, reporter_user_id, owner_user_id, normalized_name FROM projects WHERE id = $1`,
      [ids.rail],
    );
    expect(row).toMatchObject({ fortune500_lists: ['global', 'china'], listed_company: true, credit_code: '91440300708461136T', reporter_user_id: officerId, owner_user_id: officerId });
    expect(row.normalized_name).toBe(`湘江轨道交通装备制造${run}`);
    // Registered by the bureau head for an officer: the head reports, the officer owns.
    const [ceramic] = await h.dataSource.query(`SELECT reporter_user_id, owner_user_id FROM projects WHERE id = $1`, [ids.ceramic]);
    expect(ceramic.owner_user_id).toBe(officerId);
    expect(ceramic.reporter_user_id).not.toBe(officerId);
    const history = await h.http('GET', `/projects/${ids.ceramic}/history`, { token: auditor });
    expect(history.body.items[0].payload.ownership).toMatchObject({ owner: { userId: officerId }, campaignId: null });
  });

  it('refuses a bad credit code, an unregistered chain, contradicting flags, a non-officer owner and an unknown campaign with 400 naming the field', async () => {
    const lead = (extra: Record<string, unknown>) => ({ ...sampleLead(), ...extra });
    refusal(await post('/leads', officer, lead({ creditCode: '91440300708461137T' })), 400, 'creditCode');
    refusal(await post('/leads', officer, lead({ industryChain: 'x' })), 400, 'industryChain');
    refusal(await post('/leads', officer, lead({ fortune500: false, fortune500Lists: ['private'] })), 400, 'fortune500');
    refusal(await post('/leads', officer, lead({ specializedSme: false, specializedSmeLevel: 'provincial' })), 400, 'specializedSme');
    const [{ id: auditorId }] = await h.dataSource.query(`SELECT id::text AS id FROM users WHERE username = 'auditor'`);
    refusal(await post('/leads', ecbHead, lead({ ownerUserId: auditorId })), 400, 'ownerUserId');
    refusal(await post('/leads', officer, lead({ campaignId: randomUUID() })), 400, 'campaignId');
  });

  it('answers 409 DUPLICATE_SUSPECTED naming the project for a name variant and for the same credit code', async () => {
    const variant = await post('/leads', officer, sampleLead({ companyName: `湘江 轨道交通装备制造${run}（集团）股份有限公司` }));
    expect(variant.status).toBe(409);
    expect(variant.body.code).toBe('DUPLICATE_SUSPECTED');
    expect(variant.body.message).toContain(ids.rail);
    expect(variant.body.details).toEqual([expect.objectContaining({ field: 'companyName', message: expect.stringContaining(ids.rail) })]);
    expect(variant.body.details[0].message).toContain(name('湘江轨道交通装备制造'));
    expect(variant.body.details[0].message).toContain('48小时研判');

    const sameCode = await post('/leads', officer, { ...sampleLead(), creditCode: '91440300708461136t' });
    expect(sameCode.status).toBe(409);
    expect(sameCode.body.details).toEqual([expect.objectContaining({ field: 'creditCode', message: expect.stringContaining(ids.rail) })]);

    // A name one character off is similar enough to be named too.
    const similar = await post('/leads', officer, sampleLead({ companyName: `醴陵电地储能材料研发${run}有限公司` }));
    expect(similar.status).toBe(409);
    expect(similar.body.message).toContain(ids.battery);

    // Confirming another id than the ones named does not pass.
    expect((await post('/leads', officer, { ...sampleLead({ companyName: name('湘江轨道交通装备制造') }), confirmDuplicateOf: ids.battery })).status).toBe(409);
  });

  it('registers a confirmed duplicate and records the confirmation in its history', async () => {
    const confirmed = await post('/leads', officer, { ...sampleLead({ companyName: `湘江轨道交通装备制造${run}有限责任公司` }), confirmDuplicateOf: ids.rail });
    expect(confirmed.status).toBe(201);
    const history = await h.http('GET', `/projects/${confirmed.body.id}/history`, { token: auditor });
    expect(history.body.items[0]).toMatchObject({ action: 'lead.registered' });
    expect(history.body.items[0].payload.duplicateConfirmation).toEqual({
      confirmedDuplicateOf: ids.rail,
      candidates: [expect.objectContaining({ projectId: ids.rail, companyName: name('湘江轨道交通装备制造'), stage: 'intake', matchedOn: 'name' })],
    });
    ids.confirmed = confirmed.body.id;
  });

  it('filters by registration and signing dates, investment band and amount', async () => {
    const all = names('rail', 'battery', 'ceramic', 'signed', 'confirmed');
    expect((await list(`registeredFrom=${today}&registeredTo=${today}`)).sort()).toEqual(all);
    expect(await list(`registeredTo=${addDays(today, -1)}`)).toEqual([]);
    expect(await list(`signedFrom=${today}&signedTo=${today}`)).toEqual([ids.signed]);
    expect(await list(`signedTo=${addDays(today, -1)}`)).toEqual([]);
    expect((await list('band=ge5')).sort()).toEqual(names('battery', 'signed', 'confirmed'));
    expect(await list('band=ge10')).toEqual([ids.signed]);
    expect((await list('band=lt1')).sort()).toEqual(names('rail'));
    expect((await list('minYi=2&maxYi=6')).sort()).toEqual(names('battery', 'ceramic', 'confirmed'));
  });

  it('filters by every flag, kind, channel, chain, stage and person', async () => {
    expect(await list('fortune500List=china')).toEqual([ids.rail]);
    expect(await list('fortune500=true')).toEqual([ids.rail]);
    expect(await list('listedCompany=true')).toEqual([ids.rail]);
    expect(await list('listedCompany=false')).toEqual([ids.battery]);
    expect(await list('specializedSmeLevel=provincial')).toEqual([ids.ceramic]);
    expect(await list('origin=first_in_province')).toEqual([ids.battery]);
    expect(await list('imported=true')).toEqual([]);
    expect(await list('kind=expansion')).toEqual([ids.battery]);
    expect(await list('sourceChannel=agency')).toEqual([ids.battery]);
    expect(await list(`industryChain=${encodeURIComponent('新能源汽车')}`)).toEqual([ids.battery]);
    expect(await list('stage=construction')).toEqual([ids.signed]);
    expect((await list('stage=construction,intake')).length).toBe(5);
    expect((await list(`ownerUserId=${officerId}`)).length).toBe(5);
    expect((await list(`reporterUserId=${officerId}`)).sort()).toEqual(names('rail', 'battery', 'signed', 'confirmed'));
    expect(await list(`campaignId=${randomUUID()}`)).toEqual([]);
    const [{ dept, team }] = await h.dataSource.query(`SELECT owner_department_id AS dept, owner_team_id AS team FROM projects WHERE id = $1`, [ids.battery]);
    if (dept) expect((await list(`departmentId=${dept}`)).length).toBe(5);
    if (team) expect((await list(`teamId=${team}`)).length).toBe(5);
    expect(await list(`departmentId=${randomUUID()}&teamId=${randomUUID()}`)).toEqual([]);
    expect(await list('overdue=true')).toEqual([]);
  });

  it('sorts by registration, investment, signing date and company name', async () => {
    expect(await list('sort=registeredAt')).toEqual(['rail', 'battery', 'ceramic', 'signed', 'confirmed'].map((k) => ids[k]));
    // Contract amount once signed (12), the estimate before (6, 5.5 of the sample lead, 2, 0.5).
    expect(await list('sort=-investment')).toEqual(['signed', 'battery', 'confirmed', 'ceramic', 'rail'].map((k) => ids[k]));
    expect(await list('sort=investment')).toEqual(['rail', 'ceramic', 'confirmed', 'battery', 'signed'].map((k) => ids[k]));
    expect((await list('sort=signedOn'))[0]).toBe(ids.signed);
    expect((await list('sort=-signedOn'))[0]).toBe(ids.signed);
    const byName = await list('sort=companyName');
    expect(byName.length).toBe(5);
    const rows: Array<{ id: string; company_name: string }> = await h.dataSource.query(`SELECT id, company_name FROM projects WHERE id = ANY($1::uuid[])`, [byName]);
    const nameOf = new Map(rows.map((r) => [r.id, r.company_name]));
    const sorted = [...byName].sort((a, b) => (nameOf.get(a)! < nameOf.get(b)! ? -1 : nameOf.get(a)! > nameOf.get(b)! ? 1 : a < b ? -1 : 1));
    expect(byName).toEqual(sorted);
    expect((await list('sort=-updatedAt'))[0]).toBe(ids.confirmed);
  });

  it('finds a project by a partial or slightly misspelt name', async () => {
    const search = async (q: string) => {
      const res = await h.http('GET', `/projects?q=${encodeURIComponent(q)}&pageSize=100`, { token: auditor });
      expect(res.status).toBe(200);
      return res.body.items.map((p: { id: string }) => p.id);
    };
    expect(await search(`电池储能材料研发${run}`)).toEqual([ids.battery]);
    expect(await search(`醴陵电池储能材料研发${run}公司`)).toContain(ids.battery);
    // Substrings, narrowed by the names' bigrams (company_name_grams) and still case-insensitive.
    expect(await search(`储能材料研`)).toContain(ids.battery);
    expect(await search(`研发${run}`.toUpperCase())).toContain(ids.battery);
    expect(await search(run.toUpperCase())).toEqual(expect.arrayContaining([ids.battery, ids.rail, ids.ceramic]));
    // % and _ are literal, not wildcards (letters no company name here has around them; digits alone would
    // match any name with those digits once punctuation is set aside).
    expect(await search('qz%_\\zq')).toEqual([]);
  });

  it('refuses bad list parameters with 400 naming them', async () => {
    for (const [query, field] of [
      ['registeredFrom=2026-02-30', 'registeredFrom'],
      ['signedTo=9999-01-01', 'signedTo'],
      [`registeredFrom=${today}&registeredTo=${addDays(today, -1)}`, 'registeredFrom'],
      ['signedFrom=2026-05-01&signedTo=2026-04-01', 'signedFrom'],
      ['minYi=5&maxYi=1', 'minYi'],
      ['minYi=abc', 'minYi'],
      ['band=ge2', 'band'],
      ['band=ge1&minYi=1', 'band'],
      ['fortune500List=fortune', 'fortune500List'],
      ['listedCompany=yes', 'listedCompany'],
      ['ownerUserId=42', 'ownerUserId'],
      ['stage=intake,nowhere', 'stage'],
      ['sort=-margin', 'sort'],
      ['origin=abroad', 'origin'],
    ]) {
      refusal(await h.http('GET', `/projects?${query}`, { token: auditor }), 400, field);
    }
  });

  it('refuses a signing dated before the lead was registered with 400 naming signedOn', async () => {
    const { body: project } = await post('/leads', officer, sampleLead({ companyName: name('炎陵签约智能终端组装') }));
    expect((await post(`/projects/${project.id}/intake-decision`, taskForce, { action: 'accept' })).status).toBe(200);
    expect((await post(`/projects/${project.id}/negotiation-outcome`, officer, { outcome: 'proceed' })).status).toBe(200);
    const committed = { constructionStart: addDays(today, 30), equipmentEntry: addDays(today, 60), production: addDays(today, 120), firstTax: addDays(today, 200) };
    const early = await post(`/projects/${project.id}/contract`, officer, sampleContract({ contractInvestmentYi: 3, signedOn: addDays(today, -60), committed }));
    refusal(early, 400, 'signedOn');
    expect(early.body.message).toMatch(/登记日期/);
    const read = await h.http('GET', `/projects/${project.id}`, { token: auditor });
    expect(read.body.stage).toBe('signing');
  });
});
