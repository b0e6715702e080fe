import type { WorkflowHandle } from '@temporalio/client';
import {
  assignCommissionerUpdate,
  completeMilestoneUpdate,
  concludeNegotiationUpdate,
  decideIntakeUpdate,
  establishMilestonePlanUpdate,
  logConstructionProgressUpdate,
  recordNegotiationContactUpdate,
  recordProductionUpdate,
  signContractUpdate,
} from '@zs/contracts';
import { addDays, MILESTONE_KINDS, type Actor, type Lead } from '@zs/domain';
import { datesFrom } from './relative-dates';
import { sampleContract } from './sample-contract';
import { OFFICER, TASK_FORCE, type TimeSkippingHarness } from './time-skipping-harness';

export const PSB: Actor = { userId: 'u-psb', role: 'project_service_bureau', displayName: '刘洋' };
/** The commissioner PSB names (项目专员): the one who takes the project's construction steps (access/step-rules.ts). */
export const COMMISSIONER: Actor = { userId: 'u-zhang', role: 'project_service_bureau', displayName: '张专员' };
export const ESB: Actor = { userId: 'u-esb', role: 'enterprise_service_bureau', displayName: '赵静' };
export const LEADER: Actor = { userId: 'u-leader', role: 'zone_leadership', displayName: '陈刚' };

/** One staff step (a workflow Update) by `actor`; the command's shape is the workflow's to check. */
export const step = (handle: WorkflowHandle, update: unknown, actor: Actor, command: unknown) =>
  (handle.executeUpdate as (u: unknown, o: unknown) => Promise<any>)(update, { args: [{ actor, command }] });

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Lead → accepted → a site inspection on the registration day → proceed → signed that day →
 * commissioner → 30 days pass on the server's clock → plan → a progress entry → every node
 * (equipment entry 14 days after signing) → production today, 30 days after signing. Every date
 * is counted from the registration (issue 10: nothing before it; nothing that happened in the future).
 */
export async function driveToService(h: TimeSkippingHarness, lead: Partial<Lead> = {}) {
  const { projectId, handle } = await h.register(lead);
  const accepted = await step(handle, decideIntakeUpdate, TASK_FORCE, { action: 'accept' });
  const { day } = datesFrom(accepted.state.registeredAt);
  const signedOn = day(0);
  await step(handle, recordNegotiationContactUpdate, OFFICER, { kind: 'site_inspection', date: signedOn, participants: '李明、王经理', location: '标准厂房', outcome: '确定选址' });
  await step(handle, concludeNegotiationUpdate, OFFICER, { outcome: 'proceed' });
  const contract = sampleContract({ signedOn, committed: { constructionStart: day(10), equipmentEntry: day(14), production: day(35), firstTax: day(130) } });
  await step(handle, signContractUpdate, OFFICER, contract);
  await step(handle, assignCommissionerUpdate, PSB, { commissionerUserId: 'u-zhang', commissionerName: '张专员' });
  // The construction happens over the next 30 days: production is recorded (dated) 30 days after signing.
  await h.env.sleep(30 * DAY_MS);
  const today = day(30);
  // Due dates in the future: the template's (from committed dates now past) would already be overdue.
  const nodes = MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: 'u-zhang', responsibleName: '张专员', todos: ['办理'], dueOn: addDays(today, 30) }));
  await step(handle, establishMilestonePlanUpdate, COMMISSIONER, { nodes });
  await step(handle, logConstructionProgressUpdate, COMMISSIONER, { date: today, note: '设备安装调试中' });
  for (const kind of MILESTONE_KINDS.filter((k) => k !== 'production')) {
    await step(handle, completeMilestoneUpdate, COMMISSIONER, { kind, completedOn: kind === 'equipment_entry' ? addDays(signedOn, 14) : today, evidence: '验收单' });
  }
  const produced = await step(handle, recordProductionUpdate, COMMISSIONER, { actualDate: today, evidence: '投产仪式' });
  return { projectId, handle: handle as WorkflowHandle, produced, today };
}
