import { api, unwrap } from '../../../api/client';
import { PROJECT_STEP_ROUTES, type AvailableStep } from '../../../logic/project-steps';
import type { ProjectView } from '../project-tab';

type StepPost = (
  route: string,
  init: { params: { path: Record<string, string> }; body: unknown; headers: Record<string, string> },
) => Promise<{ data?: ProjectView; error?: unknown; response: Response }>;

/**
 * Sends one step (POST /projects/:id/<route>) under its Idempotency-Key; answers the project as
 * the step left it, or throws the API's error. The route is one of the typed client's (see
 * PROJECT_STEP_ROUTES); its body type differs per route, so the call is made through one signature.
 */
export function sendStep(projectId: string, step: AvailableStep, body: unknown, idempotencyKey: string): Promise<ProjectView> {
  const post = api.POST as unknown as StepPost;
  const path: Record<string, string> = { id: projectId };
  if (step.kind) path.kind = step.kind;
  if (step.clock) path.clock = step.clock;
  return unwrap(post(PROJECT_STEP_ROUTES[step.id].route, { params: { path }, body, headers: { 'Idempotency-Key': idempotencyKey } }));
}
