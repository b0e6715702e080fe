import { escalationsSummary, recipientLabel, warningsSummary } from './policy-summary';

describe('policy summaries', () => {
  it('names recipients by their Chinese label, with the department when narrowed', () => {
    expect(recipientLabel({ notify: 'zone_leadership', department: '管委会' })).toBe('管委会领导（管委会）');
    expect(recipientLabel({ notify: 'responsible' })).toBe('责任人');
  });

  it('reads warnings as shares of the time and escalations as hours after the deadline', () => {
    expect(warningsSummary([{ fraction: 0.5, notify: 'investment_officer' }, { fraction: 0.755, notify: 'admin' }])).toBe('50% → 招商专员；75.5% → 系统管理员');
    expect(escalationsSummary([{ afterBreachHours: 0, notify: 'economic_cooperation_bureau_head' }, { afterBreachHours: 24, notify: 'zone_leadership' }])).toBe('+0h → 经济合作局局长；+24h → 管委会领导');
  });
});
