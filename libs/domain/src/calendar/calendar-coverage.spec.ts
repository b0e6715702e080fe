import { calendarCoverage } from './calendar-coverage';

/** The dataset as shipped today (chinese-days 1.5.7): 2004 to 2026. */
const PUBLISHED_2004_2026 = Array.from({ length: 23 }, (_, i) => 2004 + i);

describe('calendarCoverage (is next year’s State Council arrangement known?)', () => {
  it('on the last day of a published year, warns that the next one is missing, counting its overrides only', () => {
    expect(calendarCoverage('2026-12-31', PUBLISHED_2004_2026, ['2026-10-09', '2027-01-01', '2027-02-11'])).toEqual({
      today: '2026-12-31',
      coveredThrough: '2026-12-31',
      currentYear: 2026,
      nextYear: 2027,
      currentYearMissing: false,
      nextYearMissing: true,
      missingYears: [{ year: 2027, overrides: 2 }],
    });
  });

  it('a day later the year itself is missing, and the one after it too', () => {
    const coverage = calendarCoverage('2027-01-01', PUBLISHED_2004_2026, ['2027-01-01']);
    expect(coverage).toMatchObject({ currentYear: 2027, nextYear: 2028, currentYearMissing: true, nextYearMissing: true, coveredThrough: '2026-12-31' });
    expect(coverage.missingYears).toEqual([
      { year: 2027, overrides: 1 },
      { year: 2028, overrides: 0 },
    ]);
  });

  it('says nothing is missing once the dataset has next year', () => {
    const coverage = calendarCoverage('2026-12-31', [...PUBLISHED_2004_2026, 2027], []);
    expect(coverage).toMatchObject({ coveredThrough: '2027-12-31', currentYearMissing: false, nextYearMissing: false, missingYears: [] });
  });

  it('entering overrides does not make a year covered: one rest day is not the whole arrangement', () => {
    const allOf2027 = ['2027-01-01', '2027-02-06', '2027-02-07', '2027-10-01'];
    expect(calendarCoverage('2026-11-20', PUBLISHED_2004_2026, allOf2027).nextYearMissing).toBe(true);
  });

  it('answers for an empty dataset and refuses a date that is not one', () => {
    expect(calendarCoverage('2026-06-01', [], [])).toMatchObject({ coveredThrough: null, currentYearMissing: true, nextYearMissing: true });
    expect(() => calendarCoverage('2026-13-01', PUBLISHED_2004_2026, [])).toThrow();
  });
});
