import { shanghaiDate } from '../project/calendar-dates';
import {
  addWorkingDays,
  localTimeToEpoch,
  parseTimeOfDay,
  weekdayLookup,
  workingInstantAtFraction,
  type WorkdayLookup,
} from './working-days';

/**
 * The State Council's 2026 arrangement (https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm), written out here so these tests do
 * not depend on the npm dataset: the holidays of the periods the cases cross, and every make-up
 * working day (调休上班) of the year.
 */
const REST_DAYS_2026 = new Set([
  // 春节: Sunday 02-15 to Monday 02-23
  ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d}`),
  // 中秋: Friday 09-25 to Sunday 09-27
  '2026-09-25', '2026-09-26', '2026-09-27',
  // 国庆: Thursday 10-01 to Wednesday 10-07
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`),
]);
const MAKE_UP_WORKDAYS_2026 = new Set(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);

const calendar2026: WorkdayLookup = (date) => MAKE_UP_WORKDAYS_2026.has(date) || (!REST_DAYS_2026.has(date) && weekdayLookup(date));

/** An administrator's overrides on top of a lookup: date → working. */
function withOverrides(base: WorkdayLookup, overrides: Record<string, boolean>): WorkdayLookup {
  return (date) => overrides[date] ?? base(date);
}

const at = (local: string): number => Date.parse(`${local}+08:00`);
const iso = (ms: number): string => new Date(ms).toISOString();
const deadline = (startLocal: string, days: number, lookup: WorkdayLookup = calendar2026): string =>
  iso(addWorkingDays(at(startLocal), days, '17:30', lookup));

describe('local dates and times in Asia/Shanghai', () => {
  it('gives the local date, which changes at midnight +08:00 (16:00 UTC)', () => {
    expect(shanghaiDate(Date.parse('2026-02-13T15:59:59.999Z'))).toBe('2026-02-13');
    expect(shanghaiDate(Date.parse('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
  });

  it('turns a local wall time into the instant', () => {
    expect(iso(localTimeToEpoch('2026-02-24', '17:30'))).toBe('2026-02-24T09:30:00.000Z');
    expect(iso(localTimeToEpoch('2026-01-01', '00:00'))).toBe('2025-12-31T16:00:00.000Z');
  });

  it('refuses a date that does not exist', () => {
    expect(() => localTimeToEpoch('2026-02-30', '09:00')).toThrow(/date must be a calendar date/);
  });
});

describe('parseTimeOfDay', () => {
  it.each([
    ['00:00', 0],
    ['09:00', 540],
    ['17:30', 1050],
    ['23:59', 1439],
  ])('reads %s as %i minutes after midnight', (text, minutes) => {
    expect(parseTimeOfDay(text)).toBe(minutes);
  });

  it.each(['24:00', '9:5', '9:05', '09:5', '12:60', '', '17:30:00', ' 17:30', '17h30', '-1:00'])('refuses %p', (text) => {
    expect(() => parseTimeOfDay(text)).toThrow(/HH:MM/);
  });
});

describe('weekdayLookup', () => {
  it('works Monday to Friday and rests at weekends, knowing no holidays', () => {
    // 2026-11-16 is a Monday.
    const week = ['16', '17', '18', '19', '20', '21', '22'].map((d) => weekdayLookup(`2026-11-${d}`));
    expect(week).toEqual([true, true, true, true, true, false, false]);
    expect(weekdayLookup('2026-10-01')).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('skips the Spring Festival but counts the make-up Saturday before it', () => {
    // Thu 02-12 not counted; Fri 02-13, make-up Sat 02-14, then Tue 02-24 after the holiday.
    expect(deadline('2026-02-12T10:00', 3)).toBe(iso(at('2026-02-24T17:30')));
  });

  it('ends on the make-up Saturday after the Spring Festival', () => {
    // Started on the last holiday (Mon 02-23): Tue 24, Wed 25, Thu 26, Fri 27, make-up Sat 28.
    expect(deadline('2026-02-23T10:00', 5)).toBe(iso(at('2026-02-28T17:30')));
    // One more working day passes the ordinary Sunday 03-01.
    expect(deadline('2026-02-23T10:00', 6)).toBe(iso(at('2026-03-02T17:30')));
  });

  it('counts the make-up Sunday before National Day', () => {
    // Fri 09-18 not counted; Sat 09-19 rests; Sun 09-20 is a working day; Mon 09-21.
    expect(deadline('2026-09-18T15:00', 2)).toBe(iso(at('2026-09-21T17:30')));
  });

  it('skips the Mid-Autumn Friday and the week of National Day, ending on the make-up Saturday', () => {
    // Thu 09-24: Fri 09-25 is 中秋, so one working day is Monday 09-28.
    expect(deadline('2026-09-24T11:00', 1)).toBe(iso(at('2026-09-28T17:30')));
    // Wed 09-30 not counted; 10-01..07 rest; Thu 10-08, Fri 10-09, make-up Sat 10-10.
    expect(deadline('2026-09-30T09:30', 3)).toBe(iso(at('2026-10-10T17:30')));
    // Mon 09-28: Tue 29, Wed 30, (holiday), Thu 10-08, Fri 09, Sat 10, then Mon 10-12.
    expect(deadline('2026-09-28T10:00', 6)).toBe(iso(at('2026-10-12T17:30')));
  });

  it('gives three working days from a Friday evening until Wednesday at the end of day', () => {
    expect(deadline('2026-11-20T19:00', 3)).toBe(iso(at('2026-11-25T17:30')));
  });

  it('never counts the start day, so a start just before or just after the end of day gives the same deadline', () => {
    // Thu 2026-11-19: 17:29 still has a minute of the working day left, 17:31 has none; the start day is
    // excluded either way (民法典 第二百零一条), so both periods run Fri, Mon, Tue.
    const justBefore = deadline('2026-11-19T17:29', 3);
    const justAfter = deadline('2026-11-19T17:31', 3);
    expect(justBefore).toBe(iso(at('2026-11-24T17:30')));
    expect(justAfter).toBe(justBefore);
    // The same at the very edges of the local day.
    expect(deadline('2026-11-19T00:00', 3)).toBe(justBefore);
    expect(deadline('2026-11-19T23:59:59.999', 3)).toBe(justBefore);
  });

  it('follows an administrator: a weekday declared a holiday and a Saturday declared a working day', () => {
    const baseline = deadline('2026-11-20T19:00', 3);
    // 台风停工 on Monday 11-23: Tue, Wed, Thu.
    expect(deadline('2026-11-20T19:00', 3, withOverrides(calendar2026, { '2026-11-23': false }))).toBe(iso(at('2026-11-26T17:30')));
    // A make-up Saturday 11-21: Sat, Mon, Tue.
    expect(deadline('2026-11-20T19:00', 3, withOverrides(calendar2026, { '2026-11-21': true }))).toBe(iso(at('2026-11-24T17:30')));
    expect(baseline).toBe(iso(at('2026-11-25T17:30')));
    // An override wins over the State Council's arrangement too: Tue 02-24 declared a rest day.
    expect(deadline('2026-02-12T10:00', 3, withOverrides(calendar2026, { '2026-02-24': false }))).toBe(iso(at('2026-02-25T17:30')));
  });

  it('uses the end of day it is given', () => {
    expect(iso(addWorkingDays(at('2026-11-20T19:00'), 1, '12:00', calendar2026))).toBe(iso(at('2026-11-23T12:00')));
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %p working days', (days) => {
    expect(() => addWorkingDays(at('2026-11-20T19:00'), days, '17:30', calendar2026)).toThrow(/at least 1/);
  });

  it('refuses a bad end of day', () => {
    expect(() => addWorkingDays(at('2026-11-20T19:00'), 1, '24:00', calendar2026)).toThrow(/HH:MM/);
  });

  it('fails instead of looping for ever when the calendar has no working days', () => {
    expect(() => addWorkingDays(at('2026-11-20T19:00'), 1, '17:30', () => false)).toThrow(/no working day/);
  });
});

describe('workingInstantAtFraction', () => {
  // Fri 2026-11-20 19:00 → Wed 11-25 17:30: the working time is Mon, Tue and Wed 09:00–17:30 = 3 × 8.5 h.
  const start = at('2026-11-20T19:00');
  const due = at('2026-11-25T17:30');
  const instantAt = (fraction: number, lookup: WorkdayLookup = calendar2026) => iso(workingInstantAtFraction(start, due, fraction, '17:30', lookup));

  it('puts 50 % in office hours on Tuesday: 12.75 h = Monday 8.5 h + Tuesday 4.25 h after 09:00', () => {
    expect(instantAt(0.5)).toBe(iso(at('2026-11-24T13:15')));
  });

  it('puts 75 % on Wednesday: 19.125 h = 17 h + 2 h 7.5 min after 09:00', () => {
    expect(instantAt(0.75)).toBe(iso(at('2026-11-25T11:07:30')));
  });

  it('reaches 100 % at the deadline and 0 % at the first opening after the start', () => {
    expect(instantAt(1)).toBe(iso(due));
    expect(instantAt(0)).toBe(iso(at('2026-11-23T09:00')));
  });

  it('lands a share used up exactly at a day\'s close on that close', () => {
    expect(instantAt(1 / 3)).toBe(iso(at('2026-11-23T17:30')));
  });

  it('counts the rest of the start day when the start falls in office hours', () => {
    // Thu 02-12 10:00 → Tue 02-24 17:30: Thu 7.5 h + Fri 8.5 h + make-up Sat 8.5 h + Tue 8.5 h = 33 h.
    // Half is 16.5 h: Thursday's 7.5 h, then 9 h more = Friday's 8.5 h and 0.5 h on the make-up Saturday.
    const half = workingInstantAtFraction(at('2026-02-12T10:00'), at('2026-02-24T17:30'), 0.5, '17:30', calendar2026);
    expect(iso(half)).toBe(iso(at('2026-02-14T09:30')));
  });

  it('skips the whole Spring Festival week for 75 %', () => {
    // 75 % of 33 h = 24.75 h: 7.5 + 8.5 + 8.5 = 24.5 h by Saturday's close, the last 0.25 h on Tuesday 02-24.
    const late = workingInstantAtFraction(at('2026-02-12T10:00'), at('2026-02-24T17:30'), 0.75, '17:30', calendar2026);
    expect(iso(late)).toBe(iso(at('2026-02-24T09:15')));
  });

  it('falls back to the wall clock when there is no working time between start and deadline', () => {
    // Sat 2026-11-21 10:00 → Sun 11-22 10:00: 24 wall-clock hours, none of them working.
    const half = workingInstantAtFraction(at('2026-11-21T10:00'), at('2026-11-22T10:00'), 0.5, '17:30', calendar2026);
    expect(iso(half)).toBe(iso(at('2026-11-21T22:00')));
    // Thu 17:40 → Fri 08:00: a working day, but outside office hours.
    const quarter = workingInstantAtFraction(at('2026-11-19T17:40'), at('2026-11-20T08:00'), 0.25, '17:30', calendar2026);
    expect(quarter).toBe(at('2026-11-19T17:40') + Math.round((at('2026-11-20T08:00') - at('2026-11-19T17:40')) * 0.25));
  });

  it('follows an override: a rest Monday moves 50 % to Wednesday', () => {
    // With Monday 11-23 a rest day only Tue and Wed remain (17 h): half is 8.5 h, Tuesday's close.
    expect(instantAt(0.5, withOverrides(calendar2026, { '2026-11-23': false }))).toBe(iso(at('2026-11-24T17:30')));
  });

  it.each([-0.1, 1.1, Number.NaN])('refuses the fraction %p', (fraction) => {
    expect(() => workingInstantAtFraction(start, due, fraction, '17:30', calendar2026)).toThrow(/fraction/);
  });

  it('refuses a deadline before the start', () => {
    expect(() => workingInstantAtFraction(due, start, 0.5, '17:30', calendar2026)).toThrow(/before the start/);
  });
});
