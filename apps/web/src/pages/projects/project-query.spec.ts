import {
  EMPTY_QUERY,
  activeFilterCount,
  listProjectsParams,
  parseProjectQuery,
  projectExportPath,
  projectQuerySearch,
  withFilters,
} from './project-query';

describe('项目库 query ⇄ address', () => {
  it('the bare address is the default list, and the default list has the bare address', () => {
    expect(parseProjectQuery('')).toEqual(EMPTY_QUERY);
    expect(projectQuerySearch(EMPTY_QUERY)).toBe('');
  });

  it('reads every kind of filter and writes it back to the same address', () => {
    const search =
      'stage=intake%2Cnegotiation&overdue=true&industryChain=%E6%96%B0%E8%83%BD%E6%BA%90&infoGrade=A&kind=new&sourceChannel=small_team' +
      '&registeredFrom=2026-01-01&registeredTo=2026-03-31&signedFrom=2026-02-01&signedTo=2026-02-28&minYi=1&maxYi=10.5&fortune500=true' +
      '&fortune500List=global&listedCompany=false&specializedSme=true&specializedSmeLevel=provincial&origin=outside_province&imported=false' +
      '&reporterUserId=0b6c3c5e-1111-4222-8333-444455556666&ownerUserId=0b6c3c5e-1111-4222-8333-444455556667' +
      '&teamId=0b6c3c5e-1111-4222-8333-444455556668&departmentId=0b6c3c5e-1111-4222-8333-444455556669&campaignId=0b6c3c5e-1111-4222-8333-44445555666a' +
      '&q=%E6%99%BA%E9%80%A0&sort=-investment&page=3&pageSize=50';
    const query = parseProjectQuery(search);
    expect(query).toMatchObject({ stages: ['intake', 'negotiation'], sort: '-investment', page: 3, pageSize: 50 });
    expect(query.filters).toMatchObject({ industryChain: '新能源', minYi: '1', maxYi: '10.5', q: '智造', origin: 'outside_province' });
    // 24 single filters (all but band and reporterDepartmentId) and the stages.
    expect(activeFilterCount(query)).toBe(25);
    expect(parseProjectQuery(projectQuerySearch(query))).toEqual(query);
  });

  it('drops what the API would refuse instead of failing the page', () => {
    const query = parseProjectQuery('stage=intake,nonsense,intake&infoGrade=Z&registeredFrom=2026-02-30&minYi=abc&ownerUserId=42&sort=height&page=0&pageSize=7&unknown=1&q=%20');
    expect(query).toEqual({ ...EMPTY_QUERY, stages: ['intake'] });
  });

  it('a 投资额档次 wins over a minimum or maximum (the API takes one or the other)', () => {
    expect(parseProjectQuery('band=ge5&minYi=1&maxYi=3').filters).toEqual({ band: 'ge5' });
    expect(withFilters(EMPTY_QUERY, { band: 'lt1', minYi: '2' }, []).filters).toEqual({ band: 'lt1' });
  });

  it('new filters go back to page 1 and keep the sort and page size; blanks are not filters', () => {
    const before = { ...EMPTY_QUERY, page: 4, pageSize: 50, sort: 'companyName' as const };
    const after = withFilters(before, { q: '  宁德 ', industryChain: '', kind: undefined }, ['construction']);
    expect(after).toEqual({ filters: { q: '宁德' }, stages: ['construction'], sort: 'companyName', page: 1, pageSize: 50 });
  });

  it('gives GET /projects its parameters and the export the same filters without paging', () => {
    const query = parseProjectQuery('stage=signing,construction&q=%E5%AE%81%E5%BE%B7&band=ge1&page=2');
    expect(listProjectsParams(query)).toEqual({ stage: 'signing,construction', q: '宁德', band: 'ge1', sort: '-registeredAt', page: 2, pageSize: 20 });
    const path = projectExportPath(query, 'xlsx');
    expect(path.startsWith('/projects/export?')).toBe(true);
    expect(Object.fromEntries(new URLSearchParams(path.split('?')[1]))).toEqual({ stage: 'signing,construction', q: '宁德', band: 'ge1', format: 'xlsx' });
  });
});
