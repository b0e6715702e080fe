import { cityFiltersFromQuery, cityFiltersToQuery, cityRows } from './city-filters';

describe('全市汇总 filters', () => {
  it('default to the year to date and no asOf', () => {
    expect(cityFiltersFromQuery(new URLSearchParams(''), '2026-06-15')).toEqual({ from: '2026-01-01', to: '2026-06-15', asOf: null });
  });

  it('keep a valid period and asOf from the URL, and drop malformed ones', () => {
    expect(cityFiltersFromQuery(new URLSearchParams('from=2026-02-01&to=2026-03-31&asOf=2026-04-01'), '2026-06-15')).toEqual({ from: '2026-02-01', to: '2026-03-31', asOf: '2026-04-01' });
    expect(cityFiltersFromQuery(new URLSearchParams('from=2026-05-01&to=2026-03-31&asOf=yesterday'), '2026-06-15')).toEqual({ from: '2026-01-01', to: '2026-06-15', asOf: null });
  });

  it('write asOf only when set', () => {
    expect(cityFiltersToQuery({ from: '2026-01-01', to: '2026-06-15', asOf: null })).toEqual({ from: '2026-01-01', to: '2026-06-15' });
    expect(cityFiltersToQuery({ from: '2026-01-01', to: '2026-06-15', asOf: '2026-06-30' })).toEqual({ from: '2026-01-01', to: '2026-06-15', asOf: '2026-06-30' });
  });
});

describe('全市汇总 rows', () => {
  const zones = [
    { code: 'jingkai', name: '经开区' },
    { code: 'gaoxin', name: '高新区' },
  ];
  const row = (group: string, groupLabel: string, projectCount: number) => ({ group, groupLabel, period: null, from: '2026-01-01', to: '2026-06-30', projectCount, kpis: { fulfilment_rate: { value: 50, numerator: 1, denominator: 2 } } });

  it('one per zone in the order of GET /zones, a zone without projects with 0 and no figures', () => {
    expect(cityRows(zones, [row('gaoxin', '高新区', 3)], { from: '2026-01-01', to: '2026-06-30' })).toEqual([
      { group: 'jingkai', groupLabel: '经开区', period: null, from: '2026-01-01', to: '2026-06-30', projectCount: 0, kpis: {} },
      row('gaoxin', '高新区', 3),
    ]);
  });

  it('keeps rows of zones the list does not name, and the rows alone without a list', () => {
    expect(cityRows(zones, [row('binhai', '滨海新区', 1), row('jingkai', '经开区', 2)], { from: null, to: '2026-06-30' }).map((r) => [r.group, r.projectCount])).toEqual([
      ['jingkai', 2],
      ['gaoxin', 0],
      ['binhai', 1],
    ]);
    expect(cityRows(undefined, [row('gaoxin', '高新区', 3)], { from: null, to: '2026-06-30' })).toEqual([row('gaoxin', '高新区', 3)]);
  });

  it('names every listed zone as GET /zones does, whatever name the KPI row carries', () => {
    expect(cityRows(zones, [row('jingkai', '本园区', 2)], { from: null, to: '2026-06-30' }).map((r) => [r.group, r.groupLabel, r.projectCount])).toEqual([
      ['jingkai', '经开区', 2],
      ['gaoxin', '高新区', 0],
    ]);
  });
});
