import { historyDetails } from './history-details';

describe('historyDetails', () => {
  it('names the node and lists a re-baselining\'s new due dates, in the template\'s order, with the reason', () => {
    expect(historyDetails({ version: 2, reason: '施工许可审批延期', changes: { construction_start: '2026-05-17', construction_permit: '2026-05-15' } })).toEqual([
      { field: 'changes', value: '施工许可 → 2026-05-15；开工建设 → 2026-05-17' },
      { field: 'reason', value: '施工许可审批延期' },
    ]);
    expect(historyDetails({ kind: 'equipment_entry', completedOn: '2026-04-01', evidence: '验收单', dueOn: '2026-04-03', late: false })).toEqual([
      { field: 'node', value: '设备进场' },
      { field: 'date', value: '2026-04-01' },
      { field: 'evidence', value: '验收单' },
    ]);
    expect(historyDetails({ kind: 'project_filing', level: 2, dueOn: '2026-04-03' })).toEqual([
      { field: 'node', value: '项目备案' },
      { field: 'level', value: '2' },
    ]);
  });

  it('shows amounts and typed texts, and leaves out codes, ids and empty texts', () => {
    expect(historyDetails({ entryId: 'e-1', amountYi: 1.25, date: '2026-03-01', source: 'loan', evidence: '进账单', note: ' ' })).toEqual([
      { field: 'date', value: '2026-03-01' },
      { field: 'amountYi', value: '1.25' },
      { field: 'evidence', value: '进账单' },
    ]);
    expect(historyDetails({ outcome: 'proceed', commissionerUserId: 'u-1', kind: 'site_inspection' })).toEqual([]);
  });
});
