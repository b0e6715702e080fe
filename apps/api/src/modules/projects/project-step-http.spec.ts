import 'reflect-metadata';
import { PROJECT_STEPS, SERVICE_REQUEST_STEPS } from '@zs/contracts';
import { SERVICE_REQUEST_STEP_HTTP } from '../service-requests/service-request-step-http';
import { PROJECT_STEP_HTTP } from './project-step-http';

describe('the API half of the step catalogues', () => {
  it('has a DTO entry for every project step and no entry without a step', () => {
    expect(Object.keys(PROJECT_STEP_HTTP).sort()).toEqual(Object.keys(PROJECT_STEPS).sort());
  });

  it('has a DTO entry for every service-request step and no entry without a step', () => {
    expect(Object.keys(SERVICE_REQUEST_STEP_HTTP).sort()).toEqual(Object.keys(SERVICE_REQUEST_STEPS).sort());
  });

  it('gives every step with input a body class', () => {
    for (const http of [...Object.values(PROJECT_STEP_HTTP), ...Object.values(SERVICE_REQUEST_STEP_HTTP)]) {
      expect(http.body === 'empty' || typeof http.body === 'function').toBe(true);
    }
  });
});
