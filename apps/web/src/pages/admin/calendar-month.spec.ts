import { monthView, shiftMonth } from './calendar-month';

describe('monthView', () => {
  it('shows whole weeks, Monday first: January 2027 starts on a Friday', () => {
    const view = monthView('2027-01');
    expect(view.from).toBe('2026-12-28');
    expect(view.to).toBe('2027-01-31');
    expect(view.weeks).toHaveLength(5);
    expect(view.weeks[0]).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(view.weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('a month starting on a Monday and ending on a Sunday has no days of its neighbours', () => {
    const view = monthView('2027-02');
    expect([view.from, view.to, view.weeks.length]).toEqual(['2027-02-01', '2027-02-28', 4]);
  });

  it('knows leap years and refuses what is not a month', () => {
    expect(monthView('2028-02').weeks.flat()).toContain('2028-02-29');
    expect(() => monthView('2027-13')).toThrow();
  });
});

describe('shiftMonth', () => {
  it('crosses year boundaries both ways', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2026-05', 12)).toBe('2027-05');
  });
});
