import { can, clockPauseVerdict, serviceRequestStepVerdict, type Permission } from '@zs/domain';
import type { paths } from '../api/schema';

/** The API routes that take a POST below a service request: a route the API does not serve fails the type check. */
export type RequestStepRoute = {
  [P in keyof paths]: P extends `/service-requests/{requestId}/${string}` ? (paths[P]['post'] extends undefined ? never : P) : never;
}[keyof paths];

/** The steps of a service request: route and permission (libs/domain permissions.ts). */
export const REQUEST_STEP_ROUTES = {
  accept: { route: '/service-requests/{requestId}/accept', permission: 'service.handle' },
  transfer: { route: '/service-requests/{requestId}/transfer', permission: 'service.handle' },
  resolve: { route: '/service-requests/{requestId}/resolve', permission: 'service.handle' },
  rate: { route: '/service-requests/{requestId}/rating', permission: 'service.rate' },
  pauseClock: { route: '/service-requests/{requestId}/clocks/{clock}/pause', permission: 'sla.pause_clock' },
  resumeClock: { route: '/service-requests/{requestId}/clocks/{clock}/resume', permission: 'sla.pause_clock' },
} as const satisfies Record<string, { route: RequestStepRoute; permission: Permission }>;

export type RequestStepId = keyof typeof REQUEST_STEP_ROUTES;

/** What of a request the rule reads (ServiceRequestViewDto carries all of it). */
export interface ActionRequest {
  status: 'dispatched' | 'accepted' | 'resolved' | 'closed';
  /** The department the request is with now. */
  department: string;
  clocks: readonly { clock: string; paused: boolean; stoppedAt: string | null }[];
}

/** Who asks: the signed-in user; `departmentName` is the account's department (absent in a session from before it was sent). */
export interface ActionUser {
  id: string;
  role: string;
  departmentName?: string | null;
}

/** One step the user may take on the request now; `clock` names the clock for pause/resume. */
export interface RequestAction {
  id: RequestStepId;
  clock?: string;
}

/** The request's open clock of each status: acceptance while dispatched, resolution while accepted (SERVICE_CLOCK_SLOTS). */
const OPEN_CLOCK: Partial<Record<ActionRequest['status'], string>> = { dispatched: 'service_accept', accepted: 'service_resolve' };

/**
 * The steps this user may take on this request now, the first the one the request waits for: its
 * status says which steps exist (接单 or 转办 while dispatched, 销单 once accepted, 评价 once resolved),
 * the role table and the department rule of libs/domain (a department's staff act only on requests
 * with their department; the bureaus on any) say whether this user may. Pausing the open clock is
 * for the clock's owners (CLOCK_OWNERS). The workflow stays the authority.
 */
export function requestActions(request: ActionRequest, user: ActionUser): RequestAction[] {
  const actions: RequestAction[] = [];
  const actor = { userId: user.id, role: user.role, departmentName: user.departmentName ?? null };
  const handles = serviceRequestStepVerdict(actor, request).allowed;
  const add = (id: RequestStepId, allowed: boolean, clock?: string) => {
    if (allowed && can(user.role, REQUEST_STEP_ROUTES[id].permission)) actions.push(clock ? { id, clock } : { id });
  };
  switch (request.status) {
    case 'dispatched':
      add('accept', handles);
      add('transfer', handles);
      break;
    case 'accepted':
      add('resolve', handles);
      break;
    case 'resolved':
      add('rate', true);
      break;
    default:
      break;
  }
  const open = request.clocks.find((c) => c.clock === OPEN_CLOCK[request.status] && c.stoppedAt === null);
  if (open) {
    const action = open.paused ? 'resume' : 'pause';
    add(open.paused ? 'resumeClock' : 'pauseClock', clockPauseVerdict(actor, { clock: open.clock, action }).allowed, open.clock);
  }
  return actions;
}

/** What of a request shows how far it has come. */
export interface RequestProgress {
  status: string;
  department: string;
  transfers: readonly unknown[];
  resolutions: readonly unknown[];
  ratings: readonly unknown[];
  clocks: readonly { clock: string; paused: boolean; stoppedAt: string | null }[];
}

/**
 * Whether a read of the request (the list reads the read model, which follows the workflow a
 * moment later) already shows what a step's answer showed: same status, department, clocks
 * paused and stopped, and at least as many transfers, resolutions and ratings.
 */
export function readShowsStep(read: RequestProgress, answer: RequestProgress): boolean {
  const clock = (r: RequestProgress, name: string) => r.clocks.find((c) => c.clock === name);
  return (
    read.status === answer.status &&
    read.department === answer.department &&
    read.transfers.length >= answer.transfers.length &&
    read.resolutions.length >= answer.resolutions.length &&
    read.ratings.length >= answer.ratings.length &&
    answer.clocks.every((c) => clock(read, c.clock)?.paused === c.paused && (clock(read, c.clock)?.stoppedAt === null) === (c.stoppedAt === null))
  );
}
