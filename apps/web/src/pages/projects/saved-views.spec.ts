import { deleteView, loadViews, MAX_VIEW_NAME, saveView } from './saved-views';

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('项目库 saved views (this browser, per user)', () => {
  it('saves, replaces by name, keeps each user apart and deletes', () => {
    const store = memoryStore();
    saveView(store, 'u1', '  超期项目 ', 'overdue=true');
    saveView(store, 'u1', '签约', 'stage=signing');
    expect(saveView(store, 'u1', '超期项目', 'overdue=true&kind=new')).toEqual([
      { name: '超期项目', search: 'overdue=true&kind=new' },
      { name: '签约', search: 'stage=signing' },
    ]);
    expect(loadViews(store, 'u2')).toEqual([]);
    expect(deleteView(store, 'u1', '签约')).toEqual([{ name: '超期项目', search: 'overdue=true&kind=new' }]);
    expect(loadViews(store, 'u1')).toEqual([{ name: '超期项目', search: 'overdue=true&kind=new' }]);
  });

  it('ignores a blank name, cuts a long one, and survives a corrupted entry', () => {
    const store = memoryStore({ 'zs.projects.views.u1': '{not json', 'zs.projects.views.u2': '[{"name":1},{"name":"好","search":"q=a"}]' });
    expect(loadViews(store, 'u1')).toEqual([]);
    expect(loadViews(store, 'u2')).toEqual([{ name: '好', search: 'q=a' }]);
    expect(saveView(store, 'u1', '   ', 'q=x')).toEqual([]);
    expect(saveView(store, 'u1', '长'.repeat(50), 'q=x')[0].name).toHaveLength(MAX_VIEW_NAME);
  });
});
