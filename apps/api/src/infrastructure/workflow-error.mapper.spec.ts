import {
  ApplicationFailure,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { toErrorResponse } from '../common/errors/error-envelope';
import { TimeLimitExceededError } from './time-limit';
import { ENGINE_UNAVAILABLE_MESSAGE, mapWorkflowError } from './workflow-error.mapper';

const refused = (type: string, message: string, details: unknown[] = []) =>
  new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message, details, nonRetryable: true }));

describe('mapWorkflowError', () => {
  it('turns a validator refusal with VALIDATION_FAILED into 400 with the field', () => {
    const text = { zh: '{field}为必填项，不能为空', en: '{field} is required and must be a non-empty string' };
    const e = mapWorkflowError(refused('VALIDATION_FAILED', 'reason is required and must be a non-empty string', [{ field: 'reason', ...text }]));
    expect(e?.getStatus()).toBe(400);
    expect(e?.code).toBe('VALIDATION_FAILED');
    expect(e?.details).toEqual([{ field: 'reason', message: text }]);
    expect(toErrorResponse(e)).toMatchObject({ message: '原因为必填项，不能为空', details: [{ field: 'reason', label: '原因' }] });
    expect(toErrorResponse(e, 'en').message).toBe('reason is required and must be a non-empty string');
  });

  it('says a refusal from an older worker (no texts in its details) as it came', () => {
    const e = mapWorkflowError(refused('WRONG_STAGE', 'project is in stage signing', [{ field: null }]));
    expect(toErrorResponse(e)).toMatchObject({ code: 'WRONG_STAGE', message: 'project is in stage signing' });
  });

  it.each([
    ['FORBIDDEN_ROLE', 403],
    ['FORBIDDEN_NOT_OWNER', 403],
    ['WRONG_STAGE', 409],
    ['NOT_FOUND', 404],
  ])('turns %s into %i', (type, status) => {
    const e = mapWorkflowError(refused(type, 'refused', [{ field: null }]));
    expect(e?.getStatus()).toBe(status);
    expect(e?.code).toBe(type);
    expect(e?.details).toBeUndefined();
  });

  it('treats a closed run as WRONG_STAGE', () => {
    expect(mapWorkflowError(new WorkflowNotFoundError('workflow execution already completed', 'project-x', undefined), { stage: 'rejected' })).toMatchObject({
      code: 'WRONG_STAGE',
      message: expect.stringContaining('rejected'),
    });
    expect(mapWorkflowError(refused('AcceptedUpdateCompletedWorkflow', 'completed'))?.code).toBe('WRONG_STAGE');
  });

  it.each([
    new WorkflowUpdateRPCTimeoutOrCancelledError('timeout'),
    new ServiceError('unreachable'),
    new TimeLimitExceededError(100),
  ])('answers 503 ENGINE_UNAVAILABLE for %p', (err) => {
    const e = mapWorkflowError(err);
    expect(e?.getStatus()).toBe(503);
    expect(e?.code).toBe('ENGINE_UNAVAILABLE');
    expect(e?.text).toBe(ENGINE_UNAVAILABLE_MESSAGE);
  });

  it('leaves unknown failures to the 500 path', () => {
    expect(mapWorkflowError(refused('SomethingElse', 'bug'))).toBeNull();
    expect(mapWorkflowError(new Error('bug'))).toBeNull();
  });
});
