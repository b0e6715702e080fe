import { hasCampaignEnded, isCampaignActiveOn, isWithinPeriod } from './campaign';

const summer = { startsOn: '2026-07-01', endsOn: '2026-08-31' };

describe('campaign period', () => {
  it('includes both ends', () => {
    expect(isCampaignActiveOn(summer, '2026-07-01')).toBe(true);
    expect(isCampaignActiveOn(summer, '2026-08-31')).toBe(true);
    expect(isCampaignActiveOn(summer, '2026-06-30')).toBe(false);
    expect(isCampaignActiveOn(summer, '2026-09-01')).toBe(false);
  });

  it('treats a missing date as outside', () => {
    expect(isWithinPeriod(summer, null)).toBe(false);
    expect(isWithinPeriod(summer, undefined)).toBe(false);
  });

  it('ends only after the last day in Asia/Shanghai', () => {
    // 2026-08-31 23:59 in Shanghai is 15:59 UTC: still the last day.
    expect(hasCampaignEnded(summer, Date.parse('2026-08-31T15:59:00Z'))).toBe(false);
    // 2026-09-01 00:00 in Shanghai is 2026-08-31 16:00 UTC.
    expect(hasCampaignEnded(summer, Date.parse('2026-08-31T16:00:00Z'))).toBe(true);
  });
});
