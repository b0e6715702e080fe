import { STEPPER_KEYS, stepperLabel, stepperState } from './stage-stepper';

describe('stage stepper', () => {
  it('follows the open stages, the lead always behind', () => {
    expect(stepperState({ stage: 'intake' })).toEqual({ current: 1, status: 'process' });
    expect(stepperState({ stage: 'negotiation' })).toEqual({ current: 2, status: 'process' });
    expect(stepperState({ stage: 'construction' })).toEqual({ current: 4, status: 'process' });
    expect(stepperState({ stage: 'service' })).toEqual({ current: 6, status: 'process' });
  });

  it('shows an ended project where it ended, as failed, and a completed one as finished', () => {
    expect(stepperState({ stage: 'rejected' })).toEqual({ current: STEPPER_KEYS.indexOf('intake'), status: 'error' });
    expect(stepperState({ stage: 'lost' })).toEqual({ current: STEPPER_KEYS.indexOf('negotiation'), status: 'error' });
    expect(stepperState({ stage: 'terminated', fulfilment: null })).toEqual({ current: STEPPER_KEYS.indexOf('construction'), status: 'error' });
    expect(stepperState({ stage: 'terminated', fulfilment: { checks: [] } })).toEqual({ current: STEPPER_KEYS.indexOf('service'), status: 'error' });
    expect(stepperState({ stage: 'completed' })).toEqual({ current: STEPPER_KEYS.indexOf('service'), status: 'finish' });
  });

  it('labels the steps with the domain stage labels', () => {
    expect(STEPPER_KEYS.map((k) => stepperLabel(k, '线索'))).toEqual(['线索', '48小时研判', '洽谈', '签约', '建设', '投产', '投产后服务']);
  });
});
