import { calendarDateProblem, DATE_PROBLEMS, dateTimeProblem } from './date-range';

const RANGE = DATE_PROBLEMS.outOfRange;
const SHAPE = DATE_PROBLEMS.shape;

describe('calendarDateProblem', () => {
  it.each(['1900-01-01', '2026-02-28', '2028-02-29', '2199-12-31'])('accepts %s', (date) => {
    expect(calendarDateProblem(date)).toBeNull();
  });

  it.each([
    ['0000-01-01', RANGE],
    ['1899-12-31', RANGE],
    ['2200-01-01', RANGE],
    ['9999-12-31', RANGE],
    ['2026-02-30', DATE_PROBLEMS.notReal],
    ['2027-02-29', DATE_PROBLEMS.notReal],
    ['2026-13-01', DATE_PROBLEMS.notReal],
    ['2026-00-10', DATE_PROBLEMS.notReal],
    ['2026-1-1', SHAPE],
    ['+02026-01-01', SHAPE],
    [20260101, SHAPE],
    [null, SHAPE],
  ])('refuses %p: %s', (value, problem) => {
    expect(calendarDateProblem(value)).toBe(problem);
  });
});

describe('dateTimeProblem', () => {
  it.each(['2026-03-01T00:00:00+08:00', '2026-03-01T00:00Z', '2026-03-01T08:30:15.123Z', '1900-01-01T00:00:00Z', '2199-12-31T23:59:59.999Z', '2026-03-01T00:00:00-0500'])(
    'accepts %s',
    (value) => {
      expect(dateTimeProblem(value)).toBeNull();
    },
  );

  it.each([
    ['9999-12-31T00:00:00Z', RANGE],
    ['0000-01-01T00:00:00Z', RANGE],
    ['1900-01-01T00:00:00+08:00', RANGE],
    ['2026-02-30T00:00:00Z', DATE_PROBLEMS.notReal],
    ['2026-03-01T24:00:00Z', DATE_PROBLEMS.dateTime],
    ['2026-03-01T00:00:00', DATE_PROBLEMS.dateTime],
    ['2026-03-01', DATE_PROBLEMS.dateTime],
    ['yesterday', DATE_PROBLEMS.dateTime],
  ])('refuses %p', (value, problem) => {
    expect(dateTimeProblem(value)).toEqual(problem);
  });
});
