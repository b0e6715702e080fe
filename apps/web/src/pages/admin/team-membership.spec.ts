import { teamMembershipChanges } from './team-membership';

const teams = [
  { id: 't1', leaderUserId: 'u1', memberUserIds: ['u1', 'u2'] },
  { id: 't2', leaderUserId: null, memberUserIds: ['u2'] },
  { id: 't3', leaderUserId: 'u3', memberUserIds: ['u3'] },
];

describe('teamMembershipChanges', () => {
  it('adds the user to teams joined and removes them from teams left; others untouched', () => {
    expect(teamMembershipChanges(teams, 'u2', ['t1', 't3'])).toEqual([
      { teamId: 't2', memberUserIds: [] },
      { teamId: 't3', memberUserIds: ['u3', 'u2'] },
    ]);
  });

  it('a leader leaving a team leaves it without a leader (a leader must be a member)', () => {
    expect(teamMembershipChanges(teams, 'u1', [])).toEqual([{ teamId: 't1', memberUserIds: ['u2'], leaderUserId: null }]);
  });

  it('sends nothing when the teams did not change', () => {
    expect(teamMembershipChanges(teams, 'u2', ['t2', 't1'])).toEqual([]);
  });
});
