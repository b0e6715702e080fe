import type { StepDefinition } from '@zs/contracts';
import { cadencePoliciesStarted, PROJECT_CADENCES, type Actor, type ProjectState, type VersionedSlaPolicy } from '@zs/domain';
import { latestPolicyVersions, type Database } from '@zs/persistence';

/**
 * The policies of the cadences a step would start, foreseen on the state the read model holds
 * (issue 12): sent with the step, they spare its workflow task a local activity that reads them
 * (about 9 ms of a decision's Update, measured with `npm run bench`). Only a forecast: the
 * workflow takes them if they cover every cadence it starts on its own state, and reads them
 * itself otherwise. Undefined when the step starts none, when the transition refuses here (the
 * workflow's validator gives the refusal) or when a policy is missing.
 */
export async function foreseenStepPolicies<C>(
  db: Database,
  step: Pick<StepDefinition<ProjectState, C, unknown>, 'transition'>,
  state: ProjectState,
  command: C,
  actor: Actor,
): Promise<VersionedSlaPolicy[] | undefined> {
  let keys;
  try {
    const after = step.transition(state, command, actor, Date.now(), { trustedSeen: true, updateId: null, newId: () => 'foreseen' });
    keys = cadencePoliciesStarted(PROJECT_CADENCES, state, after.state);
  } catch {
    return undefined;
  }
  if (keys.length === 0) return undefined;
  const policies = await latestPolicyVersions(db, keys);
  return policies.every((p) => p !== undefined) ? (policies as VersionedSlaPolicy[]) : undefined;
}
