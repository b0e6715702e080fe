import { randomBytes } from 'node:crypto';
import { addDays, shanghaiDate } from '@zs/domain';
import { listProjects, type ProjectOrderColumn } from '@zs/persistence';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { importSignedProjects, type SignedImport } from '../support/imported-signings';

/**
 * GET /projects finds a page in one of two ways (libs/persistence/src/projects/project-list.ts):
 * sorting the matches found through their indexes (few matches, or a signing-date filter), or
 * walking the sort order's index until a page of matches turns up. Both must give the same pages,
 * in the same order, ties broken by id. Over HTTP these few projects are sorted; the walk is asked
 * for directly (limits of zero) on the same database.
 */
describe('GET /projects: the same pages whichever way they are found', () => {
  let h: E2eHarness;
  let importer: Staff;
  let officer: Staff;
  // A token only this run's companies hold: `q` selects exactly them in the shared database.
  const token = randomBytes(4).toString('hex');
  const day = (n: number) => addDays(shanghaiDate(Date.now()), n);
  const projects: Array<SignedImport & { id?: string }> = [
    { owner: 'officer', registeredOn: day(-90), signedOn: day(-40), contractInvestmentYi: 3, lead: { companyName: `丙页测试${token}有限公司` } },
    { owner: 'officer', registeredOn: day(-80), signedOn: day(-30), contractInvestmentYi: 7, lead: { companyName: `甲页测试${token}有限公司` } },
    // Two signed the same day for the same amount: the id decides between them.
    { owner: 'officer', registeredOn: day(-70), signedOn: day(-20), contractInvestmentYi: 5, lead: { companyName: `乙页测试${token}有限公司` } },
    { owner: 'officer', registeredOn: day(-60), signedOn: day(-20), contractInvestmentYi: 5, lead: { companyName: `丁页测试${token}有限公司` } },
    { owner: 'officer', registeredOn: day(-50), signedOn: day(-10), contractInvestmentYi: 9, lead: { companyName: `戊页测试${token}有限公司` } },
  ];

  beforeAll(async () => {
    h = await startE2eHarness();
    [importer, officer] = await Promise.all([loginStaff(h, 'ecb-head'), loginStaff(h, 'officer')]);
    const ids = await importSignedProjects(h, importer.token, projects);
    ids.forEach((id, i) => (projects[i].id = id));
  }, 120_000);

  afterAll(async () => {
    await h?.teardown();
  });

  async function pages(query: string, pageSize: number): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const res = await h.http('GET', `/projects?q=${token}&${query}&page=${page}&pageSize=${pageSize}`, { token: officer.token });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(projects.length);
      const items = res.body.items as Array<{ id: string }>;
      if (items.length === 0) return ids;
      ids.push(...items.map((i) => i.id));
    }
  }

  /** The order the list promises: by the key, then by id. */
  const expected = (key: (p: SignedImport) => string | number, direction: 1 | -1) =>
    [...projects].sort((a, b) => (key(a) < key(b) ? -direction : key(a) > key(b) ? direction : a.id! < b.id! ? -1 : 1)).map((p) => p.id);

  /** The same pages read through listProjects with the walk forced (no filter-first at any count). */
  async function walkedPages(sort: string, signedRange: boolean): Promise<string[]> {
    const column = sort.replace(/^-/, '') as ProjectOrderColumn;
    const filter = {
      q: token,
      ...(signedRange ? { signedFrom: day(-60), signedTo: day(0) } : {}),
      orderBy: { column, direction: sort.startsWith('-') ? ('DESC' as const) : ('ASC' as const) },
      pageSize: 2,
    };
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const { rows, total } = await listProjects(h.dataSource, { ...filter, page }, { fewMatches: 0, signedRange: 0 });
      expect(total).toBe(projects.length);
      if (rows.length === 0) return ids;
      ids.push(...rows.map((r) => r.id));
    }
  }

  it.each([
    ['-registeredAt', (p: SignedImport) => p.registeredOn, -1],
    ['signedOn', (p: SignedImport) => p.signedOn, 1],
    ['-signedOn', (p: SignedImport) => p.signedOn, -1],
    ['-investment', (p: SignedImport) => p.contractInvestmentYi, -1],
    ['investment', (p: SignedImport) => p.contractInvestmentYi, 1],
  ] as const)('sort=%s: pages of two, sorted from the matches or walked, with or without a signing-date filter, give the promised order', async (sort, key, direction) => {
    const order = expected(key, direction);
    expect(await pages(`sort=${sort}&signedFrom=${day(-60)}&signedTo=${day(0)}`, 2)).toEqual(order);
    expect(await pages(`sort=${sort}`, 2)).toEqual(order);
    expect(await walkedPages(sort, true)).toEqual(order);
    expect(await walkedPages(sort, false)).toEqual(order);
  });
});
