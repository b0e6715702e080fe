import { describeDay, overridesByDate, type OverridesByDate } from './calendar-day';
import type { CalendarOverride } from './calendar-overrides';

const NONE: OverridesByDate = new Map();

function override(day: string, working: boolean, name: string): CalendarOverride {
  return { day, working, name, reason: '测试', updatedBy: 'admin', updatedAt: '2026-11-24T00:00:00.000Z' };
}

describe('describeDay', () => {
  it('answers from the published 2026 arrangement: make-up working days, holidays, ordinary days', () => {
    expect(describeDay('2026-02-14', NONE)).toEqual({ date: '2026-02-14', working: true, source: 'dataset', name: '春节调休上班' });
    expect(describeDay('2026-02-16', NONE)).toEqual({ date: '2026-02-16', working: false, source: 'dataset', name: '春节' });
    // The dataset's 调休 ("in lieu") days are rest days, even on a weekday.
    expect(describeDay('2026-10-07', NONE)).toEqual({ date: '2026-10-07', working: false, source: 'dataset', name: '国庆节' });
    expect(describeDay('2026-10-08', NONE)).toEqual({ date: '2026-10-08', working: true, source: 'dataset', name: '工作日' });
    expect(describeDay('2026-10-10', NONE)).toEqual({ date: '2026-10-10', working: true, source: 'dataset', name: '国庆节调休上班' });
    expect(describeDay('2026-10-11', NONE)).toEqual({ date: '2026-10-11', working: false, source: 'dataset', name: '周末' });
  });

  it('falls back to Monday–Friday, saying so, for a year the dataset does not cover', () => {
    // 2031-01-01 is a Wednesday.
    expect(describeDay('2031-01-01', NONE)).toEqual({ date: '2031-01-01', working: true, source: 'weekday', name: '工作日' });
    expect(describeDay('2031-01-04', NONE)).toEqual({ date: '2031-01-04', working: false, source: 'weekday', name: '周末' });
  });

  it('lets an override win over the dataset and over the weekday', () => {
    const overrides = overridesByDate([override('2026-02-14', false, '专班休整'), override('2031-01-01', false, '元旦'), override('2026-11-21', true, '补班')]);
    expect(describeDay('2026-02-14', overrides)).toEqual({ date: '2026-02-14', working: false, source: 'override', name: '专班休整' });
    expect(describeDay('2031-01-01', overrides)).toEqual({ date: '2031-01-01', working: false, source: 'override', name: '元旦' });
    expect(describeDay('2026-11-21', overrides)).toEqual({ date: '2026-11-21', working: true, source: 'override', name: '补班' });
    expect(describeDay('2026-11-22', overrides).source).toBe('dataset');
  });

  it('refuses a date that does not exist', () => {
    expect(() => describeDay('2026-02-30', NONE)).toThrow(/calendar date/);
  });
});
