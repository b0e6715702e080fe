/**
 * Who a project is credited to (issue 10): the officer who reported it (报送人), the officer,
 * team and department who own it now, and the campaign it counts for. Kept in the workflow's
 * state (the record), changed only by an audited step; KPIs group by these.
 */
export interface OrgRef {
  userId: string;
  displayName?: string;
  /** The person's department when credited; null for people outside any department. */
  departmentId: string | null;
  /** The team (小分队) credited with the person, if any. */
  teamId: string | null;
}

export interface Ownership {
  reporter: OrgRef;
  owner: OrgRef | null;
  /** 招商攻势/行动 the project is credited to. */
  campaignId: string | null;
}

/** A project imported from an existing portfolio (issue 10): who, when, from which file. */
export interface ImportMark {
  importId: string;
  importedBy: { userId: string; displayName?: string };
  importedAt: number;
  /** The uploaded file's name; null for an import through the JSON API. */
  file: string | null;
  /** The row in that file (1-based, header excluded) or the index in the JSON batch. */
  row: number;
}
