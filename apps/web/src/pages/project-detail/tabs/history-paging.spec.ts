import { distinctReferences, historyPageToLoad, mergeHistory, type HistoryItem } from './history-paging';

function item(position: number, workflowId = 'project-1', seq = position): HistoryItem {
  return { position, workflowId, seq, references: [] } as unknown as HistoryItem;
}

describe('historyPageToLoad', () => {
  it('reads pages forwards oldest first, backwards newest first, and stops after the last', () => {
    // 45 events in pages of 20: pages 1, 2, 3 (the last with 5).
    expect([0, 1, 2, 3].map((n) => historyPageToLoad('oldest', n, 45, 20))).toEqual([1, 2, 3, null]);
    expect([0, 1, 2, 3].map((n) => historyPageToLoad('newest', n, 45, 20))).toEqual([3, 2, 1, null]);
    expect(historyPageToLoad('newest', 0, 40, 20)).toBe(2);
    expect(historyPageToLoad('oldest', 0, 0, 20)).toBeNull();
  });
});

describe('mergeHistory', () => {
  it('keeps each event once, in the order chosen, across pages that overlap', () => {
    const first = mergeHistory([], [item(5), item(4), item(3)], 'newest');
    // A new event arrived meanwhile: the next page repeats position 3.
    const more = mergeHistory(first, [item(3), item(2), item(1)], 'newest');
    expect(more.map((i) => i.position)).toEqual([5, 4, 3, 2, 1]);
    expect(mergeHistory([], more, 'oldest').map((i) => i.position)).toEqual([1, 2, 3, 4, 5]);
  });

  it('tells apart a service request event from the project event with the same sequence', () => {
    const merged = mergeHistory([item(1, 'project-1', 1)], [item(2, 'service-request-9', 1)], 'oldest');
    expect(merged.map((i) => i.workflowId)).toEqual(['project-1', 'service-request-9']);
  });
});

describe('distinctReferences', () => {
  it('names each person once and leaves out ids that name nobody known', () => {
    const it = {
      references: [
        { field: 'plan.nodes[0].responsibleUserId', kind: 'user', kindLabel: '人员', id: 'u1', name: '刘洋' },
        { field: 'plan.nodes[1].responsibleUserId', kind: 'user', kindLabel: '人员', id: 'u1', name: '刘洋' },
        { field: 'departmentId', kind: 'department', kindLabel: '部门', id: 'd1', name: '项目服务局' },
        { field: 'teamId', kind: 'team', kindLabel: '小分队', id: 't-gone', name: null },
      ],
    } as unknown as HistoryItem;
    expect(distinctReferences(it)).toEqual([
      { kindLabel: '人员', name: '刘洋' },
      { kindLabel: '部门', name: '项目服务局' },
    ]);
  });
});
