import { PERMISSIONS } from '@zs/domain';
import type { StepDefinition } from './step-definition';
import { PROJECT_STEPS } from './project-steps';
import { SERVICE_REQUEST_STEPS } from './service-request-steps';

// The update names are recorded in workflow histories: a rename breaks replay of every running project.
const RECORDED_PROJECT_UPDATES = [
  'decideIntake',
  'provideIntakeInfo',
  'recordNegotiationContact',
  'concludeNegotiation',
  'signContract',
  'assignCommissioner',
  'establishMilestonePlan',
  'completeMilestone',
  'logConstructionProgress',
  'rebaselinePlan',
  'recordProduction',
  'recordFulfilmentCheck',
  'completeProject',
  'terminateContract',
  'pauseProjectClock',
  'resumeProjectClock',
];
const RECORDED_SERVICE_UPDATES = ['acceptServiceRequest', 'transferServiceRequest', 'resolveServiceRequest', 'rateServiceRequest', 'pauseServiceClock', 'resumeServiceClock'];

describe.each([
  ['project', PROJECT_STEPS, RECORDED_PROJECT_UPDATES],
  ['service request', SERVICE_REQUEST_STEPS, RECORDED_SERVICE_UPDATES],
] as const)('the %s step catalogue', (_name, catalogue, recorded) => {
  const entries = Object.entries(catalogue as Record<string, StepDefinition<any, any, any, any>>);

  it('keys every entry by its id, which is its update name', () => {
    for (const [key, def] of entries) {
      expect(def.id).toBe(key);
      expect(def.update.name).toBe(key);
    }
  });

  it('keeps every recorded update name', () => {
    expect(entries.map(([key]) => key)).toEqual(expect.arrayContaining([...recorded]));
  });

  it('gives every step a known permission, a route of its own, a summary and its audit actions', () => {
    const routes = entries.map(([, d]) => d.path);
    expect(new Set(routes).size).toBe(routes.length);
    for (const [, def] of entries) {
      expect(Object.keys(PERMISSIONS)).toContain(def.permission);
      expect(def.summary.length).toBeGreaterThan(5);
      expect(def.auditActions.length).toBeGreaterThan(0);
      const inPath = [...def.path.matchAll(/:([A-Za-z]\w*)/g)].map((m) => m[1]);
      expect(inPath).toEqual((def.pathParams ?? []).map((p) => p.name));
    }
  });
});
