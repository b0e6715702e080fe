/** The fields of a team its membership needs (TeamViewDto has more). */
export interface TeamMembership {
  id: string;
  leaderUserId: string | null;
  memberUserIds: string[];
}

export interface TeamMembershipChange {
  teamId: string;
  memberUserIds: string[];
  /** Present only when the user led a team they leave: the team is then without a leader. */
  leaderUserId?: null;
}

/**
 * What to send so that `userId` belongs to exactly the teams `wanted` (the user form edits
 * teams; the API keeps membership on the team): joined teams get the user at the end, left
 * teams lose them, and lose their leader too when it was this user (a leader must be a member).
 */
export function teamMembershipChanges(teams: readonly TeamMembership[], userId: string, wanted: readonly string[]): TeamMembershipChange[] {
  const want = new Set(wanted);
  const changes: TeamMembershipChange[] = [];
  for (const team of teams) {
    const member = team.memberUserIds.includes(userId);
    if (want.has(team.id) && !member) changes.push({ teamId: team.id, memberUserIds: [...team.memberUserIds, userId] });
    if (!want.has(team.id) && member) {
      const change: TeamMembershipChange = { teamId: team.id, memberUserIds: team.memberUserIds.filter((id) => id !== userId) };
      if (team.leaderUserId === userId) change.leaderUserId = null;
      changes.push(change);
    }
  }
  return changes;
}
