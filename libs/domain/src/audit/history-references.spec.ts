import { payloadReferences } from './history-references';

describe('payloadReferences', () => {
  it('finds the people, departments, teams, chains and campaigns a payload names, with their paths', () => {
    const payload = {
      commissionerUserId: 'u-1',
      plan: { nodes: [{ kind: 'registration', responsibleUserId: 'u-2' }, { kind: 'production', responsibleUserId: 'u-3' }] },
      ownership: { owner: { userId: 'u-4', departmentId: 'd-1', teamId: 't-1' }, campaignId: 'c-1' },
      industryChainId: 'ch-1',
      memberUserIds: ['u-5', 'u-6'],
      decidedBy: { userId: 'system', role: 'system' },
      note: 'userId in text is not an id',
    };
    expect(payloadReferences(payload)).toEqual([
      { field: 'commissionerUserId', kind: 'user', id: 'u-1' },
      { field: 'plan.nodes[0].responsibleUserId', kind: 'user', id: 'u-2' },
      { field: 'plan.nodes[1].responsibleUserId', kind: 'user', id: 'u-3' },
      { field: 'ownership.owner.userId', kind: 'user', id: 'u-4' },
      { field: 'ownership.owner.departmentId', kind: 'department', id: 'd-1' },
      { field: 'ownership.owner.teamId', kind: 'team', id: 't-1' },
      { field: 'ownership.campaignId', kind: 'campaign', id: 'c-1' },
      { field: 'industryChainId', kind: 'industry_chain', id: 'ch-1' },
      { field: 'memberUserIds[0]', kind: 'user', id: 'u-5' },
      { field: 'memberUserIds[1]', kind: 'user', id: 'u-6' },
      { field: 'decidedBy.userId', kind: 'user', id: 'system' },
    ]);
  });

  it('ignores empty and null ids, look-alike keys and non-objects', () => {
    expect(payloadReferences({ ownerUserId: null, teamId: '', requestId: 'r-1', userIdentity: 'x', username: 'officer' })).toEqual([]);
    expect(payloadReferences(null)).toEqual([]);
    expect(payloadReferences('u-1')).toEqual([]);
  });
});
