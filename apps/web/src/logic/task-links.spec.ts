import { stepParamOfTask, taskLink } from './task-links';

describe('task links', () => {
  const id = '0b6c3a52-1f0e-4a8e-9b1a-2f9f4f6d2a10';

  it('opens the project with the form that completes the task', () => {
    expect(taskLink(id, 'intake.decide')).toBe(`/projects/${id}?step=intake-decision`);
    expect(taskLink(id, 'handover.assign_commissioner')).toBe(`/projects/${id}?step=commissioner`);
    expect(taskLink(id, 'construction.milestone:land_handover')).toBe(`/projects/${id}?step=${encodeURIComponent('milestones/land_handover/complete')}`);
  });

  it('maps every project task code of the work queue to a form', () => {
    expect(
      ['intake.decide', 'intake.provide_info', 'negotiation.follow_up', 'signing.record_contract', 'handover.assign_commissioner', 'construction.plan', 'construction.record_production', 'fulfilment.check'].map(
        stepParamOfTask,
      ),
    ).toEqual(['intake-decision', 'intake-info', 'negotiation-contacts', 'contract', 'commissioner', 'milestone-plan', 'production', 'fulfilment-checks']);
  });

  it('opens a service request in the project service requests tab, and an unknown task on the project alone', () => {
    expect(taskLink(id, 'service.resolve:r-1')).toBe(`/projects/${id}?tab=service-requests&request=r-1`);
    expect(taskLink(id, 'something.new')).toBe(`/projects/${id}`);
  });
});
