import { knownPeople } from './known-people';

describe('known people', () => {
  it('offers the user first, then the commissioner, the responsible people and the owner, each once', () => {
    const project = {
      handover: { commissioner: { userId: 'u-zhang', name: '张专员' } },
      construction: { nodes: [{ responsible: { userId: 'u-zhang', name: '张专员' } }, { responsible: { userId: 'u-wang', name: '王工' } }] },
      ownership: { owner: { userId: 'u-me', displayName: '刘洋' } },
    };
    expect(knownPeople(project, { id: 'u-me', displayName: '刘洋' })).toEqual([
      { userId: 'u-me', name: '刘洋' },
      { userId: 'u-zhang', name: '张专员' },
      { userId: 'u-wang', name: '王工' },
    ]);
  });

  it('is the user alone on a project that names nobody yet (an owner without a name is left out)', () => {
    expect(knownPeople({ handover: null, construction: null, ownership: { owner: { userId: 'u-x' } } }, { id: 'u-me', displayName: '刘洋' })).toEqual([{ userId: 'u-me', name: '刘洋' }]);
  });
});
