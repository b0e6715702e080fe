import { PERMISSIONS } from '@zs/domain';
import { readShowsStep, REQUEST_STEP_ROUTES, requestActions, type ActionRequest, type ActionUser } from './service-request-actions';

const ESB: ActionUser = { id: 'u-esb', role: 'enterprise_service_bureau', departmentName: '企业服务局' };
const PSB: ActionUser = { id: 'u-psb', role: 'project_service_bureau', departmentName: '项目服务局' };
const POWER_STAFF: ActionUser = { id: 'u-power', role: 'department_staff', departmentName: '供电公司' };
const WATER_STAFF: ActionUser = { id: 'u-water', role: 'department_staff', departmentName: '水务公司' };
const HOMELESS_STAFF: ActionUser = { id: 'u-none', role: 'department_staff', departmentName: null };
const LEADER: ActionUser = { id: 'u-leader', role: 'zone_leadership' };
const OFFICER: ActionUser = { id: 'u-officer', role: 'investment_officer' };
const AUDITOR: ActionUser = { id: 'u-audit', role: 'auditor' };

const running = (clock: string) => ({ clock, paused: false, stoppedAt: null });
const paused = (clock: string) => ({ clock, paused: true, stoppedAt: null });
const stopped = (clock: string) => ({ clock, paused: false, stoppedAt: '2026-03-02T00:00:00.000Z' });

function request(overrides: Partial<ActionRequest> = {}): ActionRequest {
  return { status: 'dispatched', department: '供电公司', clocks: [running('service_accept')], ...overrides };
}
const accepted = (overrides: Partial<ActionRequest> = {}) => request({ status: 'accepted', clocks: [stopped('service_accept'), running('service_resolve')], ...overrides });
const resolved = request({ status: 'resolved', clocks: [stopped('service_accept'), stopped('service_resolve')] });
const closed = request({ status: 'closed', clocks: [stopped('service_accept'), stopped('service_resolve')] });

const ids = (r: ActionRequest, user: ActionUser) => requestActions(r, user).map((a) => (a.clock ? `${a.id}:${a.clock}` : a.id));

describe('requestActions: what a service request offers to whom', () => {
  it('a dispatched request offers 接单 and 转办 to its department, the bureaus; the clock to its owners', () => {
    expect(ids(request(), POWER_STAFF)).toEqual(['accept', 'transfer']);
    expect(ids(request(), ESB)).toEqual(['accept', 'transfer', 'pauseClock:service_accept']);
    expect(ids(request(), PSB)).toEqual(['accept', 'transfer', 'pauseClock:service_accept']);
  });

  it("a department's staff act only on requests with their own department (names compared trimmed)", () => {
    expect(ids(request(), WATER_STAFF)).toEqual([]);
    expect(ids(request(), HOMELESS_STAFF)).toEqual([]);
    expect(ids(request({ department: ' 供电公司 ' }), POWER_STAFF)).toEqual(['accept', 'transfer']);
    expect(ids(accepted(), WATER_STAFF)).toEqual([]);
  });

  it('once accepted: 销单, and the resolve clock (not the stopped acceptance clock)', () => {
    expect(ids(accepted(), POWER_STAFF)).toEqual(['resolve']);
    expect(ids(accepted(), ESB)).toEqual(['resolve', 'pauseClock:service_resolve']);
  });

  it('a paused clock offers resume instead of pause', () => {
    expect(ids(accepted({ clocks: [stopped('service_accept'), paused('service_resolve')] }), ESB)).toEqual(['resolve', 'resumeClock:service_resolve']);
    expect(ids(request({ clocks: [paused('service_accept')] }), PSB)).toEqual(['accept', 'transfer', 'resumeClock:service_accept']);
  });

  it('a resolved request waits for the rating, which only the Enterprise Service Bureau records', () => {
    expect(ids(resolved, ESB)).toEqual(['rate']);
    expect(ids(resolved, PSB)).toEqual([]);
    expect(ids(resolved, POWER_STAFF)).toEqual([]);
  });

  it('a closed request offers nothing', () => {
    for (const user of [ESB, PSB, POWER_STAFF, LEADER]) expect(ids(closed, user)).toEqual([]);
  });

  it('zone leadership only pauses and resumes clocks; officers and auditors do nothing', () => {
    expect(ids(request(), LEADER)).toEqual(['pauseClock:service_accept']);
    expect(ids(accepted(), LEADER)).toEqual(['pauseClock:service_resolve']);
    for (const user of [OFFICER, AUDITOR]) {
      expect(ids(request(), user)).toEqual([]);
      expect(ids(accepted(), user)).toEqual([]);
      expect(ids(resolved, user)).toEqual([]);
    }
  });

  it("the routes' permissions are the domain's", () => {
    for (const { permission } of Object.values(REQUEST_STEP_ROUTES)) expect(Object.keys(PERMISSIONS)).toContain(permission);
  });
});

describe('readShowsStep: has the read model caught up with a step', () => {
  const base = { status: 'dispatched', department: '供电公司', transfers: [], resolutions: [], ratings: [], clocks: [running('service_accept')] };

  it('the same request shows it', () => {
    expect(readShowsStep(base, base)).toBe(true);
  });

  it('an older read does not: status, department, a transfer, a rating, a paused or stopped clock behind', () => {
    const acceptedAnswer = { ...base, status: 'accepted', clocks: [stopped('service_accept'), running('service_resolve')] };
    expect(readShowsStep(base, acceptedAnswer)).toBe(false);
    expect(readShowsStep(base, { ...base, department: '水务公司', transfers: [{}] })).toBe(false);
    expect(readShowsStep({ ...base, status: 'closed' }, { ...base, status: 'closed', ratings: [{}] })).toBe(false);
    expect(readShowsStep(base, { ...base, clocks: [paused('service_accept')] })).toBe(false);
    expect(readShowsStep({ ...acceptedAnswer, clocks: [running('service_accept'), running('service_resolve')] }, acceptedAnswer)).toBe(false);
  });

  it('a reopened request (unsatisfied) is shown once its ratings are', () => {
    const reopened = { ...base, status: 'accepted', resolutions: [{}], ratings: [{}], clocks: [stopped('service_accept'), running('service_resolve')] };
    expect(readShowsStep({ ...reopened, ratings: [] }, reopened)).toBe(false);
    expect(readShowsStep(reopened, reopened)).toBe(true);
  });
});
