/**
 * Lifecycle stages of an investment project (domain.md, "The lifecycle").
 * Later stages are declared now so names never change once histories are recorded.
 */
export const STAGES = [
  'intake',
  'negotiation',
  'signing',
  'construction',
  'production',
  'service',
  'completed',
  'rejected',
  'lost',
  'terminated',
] as const;

export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  intake: '48小时研判',
  negotiation: '洽谈',
  signing: '签约',
  construction: '建设',
  production: '投产',
  service: '投产后服务',
  completed: '履约完成',
  rejected: '不予承接',
  lost: '项目流失',
  terminated: '合同终止',
};

export const TERMINAL_STAGES: readonly Stage[] = ['completed', 'rejected', 'lost', 'terminated'];

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}
