import {
  ApplicationFailure,
  isGrpcServiceError,
  QueryNotRegisteredError,
  QueryRejectedError,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ERROR_CODES, isErrorCode, localized, STAGE_LABELS, type ErrorCode, type Localized, type Stage } from '@zs/domain';
import { ApiException } from '../common/errors/api.exception';
import { TimeLimitExceededError } from './time-limit';

export const ENGINE_UNAVAILABLE_MESSAGE = localized('工作流引擎未及时响应，请稍后重试', 'no workflow worker answered in time');

/** Codes a workflow validator may refuse with; anything else from a workflow is our bug, not the caller's. */
const REFUSAL_CODES: readonly ErrorCode[] = [
  ERROR_CODES.VALIDATION_FAILED,
  ERROR_CODES.FORBIDDEN_ROLE,
  ERROR_CODES.FORBIDDEN_NOT_OWNER,
  ERROR_CODES.WRONG_STAGE,
  ERROR_CODES.NOT_FOUND,
  ERROR_CODES.IDEMPOTENCY_CONFLICT,
  /** A once-only record (首次纳税) recorded already (409). */
  ERROR_CODES.ALREADY_EXISTS,
];

/** Set when the server refuses an update because the run has already closed. */
const UPDATE_AFTER_CLOSE_TYPES = ['AcceptedUpdateCompletedWorkflow'];

export interface WorkflowErrorContext {
  /** The project's stage as the read model last saw it, for a clearer "finished" message. */
  stage?: Stage;
  /** Said instead when the run has closed, for a workflow other than the project's (a closed service request). */
  finishedMessage?: Localized;
}

/**
 * The one translation of Temporal client errors into API errors. Returns null for errors
 * it does not recognise, which the caller rethrows (they become a logged 500).
 */
export function mapWorkflowError(err: unknown, context: WorkflowErrorContext = {}): ApiException | null {
  if (err instanceof WorkflowUpdateFailedError) {
    return fromUpdateFailure(err.cause, context);
  }
  if (err instanceof WorkflowNotFoundError) {
    if (context.finishedMessage) return new ApiException(ERROR_CODES.WRONG_STAGE, context.finishedMessage);
    // The read model knows the project, so a missing run means the run has closed.
    const stage = context.stage;
    return new ApiException(
      ERROR_CODES.WRONG_STAGE,
      localized(
        `项目流程已结束${stage ? `（${STAGE_LABELS[stage]}）` : ''}，不能再办理任何步骤`,
        `the project's workflow has finished${stage ? ` (stage ${stage}, ${STAGE_LABELS[stage]})` : ''}; no further steps are possible`,
      ),
    );
  }
  if (
    err instanceof TimeLimitExceededError ||
    err instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    err instanceof ServiceError ||
    isGrpcServiceError(err)
  ) {
    return new ApiException(ERROR_CODES.ENGINE_UNAVAILABLE, ENGINE_UNAVAILABLE_MESSAGE, undefined, err);
  }
  if (err instanceof QueryRejectedError || err instanceof QueryNotRegisteredError) {
    return new ApiException(ERROR_CODES.ENGINE_UNAVAILABLE, localized('项目流程暂时无法应答查询，请稍后重试', 'the project workflow could not answer the query'), undefined, err);
  }
  return null;
}

function fromUpdateFailure(cause: Error | undefined, context: WorkflowErrorContext): ApiException | null {
  if (!(cause instanceof ApplicationFailure)) return null;
  const type = cause.type ?? '';
  if (isErrorCode(type) && REFUSAL_CODES.includes(type)) {
    const { field, text } = refusalOf(cause);
    return new ApiException(type, text, field ? [{ field, message: text }] : undefined);
  }
  if (UPDATE_AFTER_CLOSE_TYPES.includes(type)) {
    return new ApiException(
      ERROR_CODES.WRONG_STAGE,
      context.finishedMessage ?? localized('步骤完成前项目流程已结束', "the project's workflow finished before the step completed"),
    );
  }
  return null;
}

/**
 * The workflow puts the offending field and the text in both languages in details[0] (see the
 * workflow's refuse()); a failure without them (an older worker) is said as it came.
 */
function refusalOf(failure: ApplicationFailure): { field: string | null; text: Localized } {
  const first = failure.details?.[0] as { field?: unknown; zh?: unknown; en?: unknown } | undefined;
  const field = typeof first?.field === 'string' && first.field.length > 0 ? first.field : null;
  const text = typeof first?.zh === 'string' && typeof first?.en === 'string' ? localized(first.zh, first.en) : localized(failure.message, failure.message);
  return { field, text };
}
