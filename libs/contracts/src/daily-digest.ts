/** The Temporal Schedule that starts the daily digest: 08:30 every day, Asia/Shanghai. */
export const DAILY_DIGEST_SCHEDULE_ID = 'sla-daily-digest';
export const DAILY_DIGEST_WORKFLOW_TYPE = 'dailyDigestWorkflow';
export const DAILY_DIGEST_TIME = { hour: 8, minute: 30, timezone: 'Asia/Shanghai' } as const;

export interface SendDailyDigestInput {
  /** The instant the digest describes (the workflow's start). */
  asOf: number;
}

export interface DailyDigestResult {
  date: string | null;
  departments: { department: string; overdue: number; dueToday: number }[];
}

export interface DigestActivities {
  sendDailyDigest(input: SendDailyDigestInput): Promise<DailyDigestResult>;
}
