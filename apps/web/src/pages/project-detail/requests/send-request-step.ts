import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { REQUEST_STEP_ROUTES, type RequestAction } from '../../../logic/service-request-actions';

export type ServiceRequestView = components['schemas']['ServiceRequestViewDto'];

type RequestPost = (
  route: string,
  init: { params: { path: Record<string, string> }; body: unknown; headers: Record<string, string> },
) => Promise<{ data?: ServiceRequestView; error?: unknown; response: Response }>;

/**
 * Sends one step of a service request (POST /service-requests/:requestId/<route>) under its
 * Idempotency-Key; answers the request as the step left it, or throws the API's error. As
 * steps/send-step.ts: the routes are the typed client's, their bodies differ, so one signature.
 */
export function sendRequestStep(requestId: string, action: RequestAction, body: unknown, idempotencyKey: string): Promise<ServiceRequestView> {
  const post = api.POST as unknown as RequestPost;
  const path: Record<string, string> = { requestId };
  if (action.clock) path.clock = action.clock;
  return unwrap(post(REQUEST_STEP_ROUTES[action.id].route, { params: { path }, body, headers: { 'Idempotency-Key': idempotencyKey } }));
}
