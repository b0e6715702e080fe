import { HttpException } from '@nestjs/common';
import { renderLocalized, type DomainError, type ErrorCode, type Localized } from '@zs/domain';
import { httpStatusForCode } from './error-status';

/**
 * One field's problem, in both languages: `field` is the path code clients key on
 * (`committed.production`, `nodes[2].kind`); `{field}` in the message stands for its label,
 * put in when the envelope is rendered for the caller's language (error-envelope.ts).
 */
export interface ErrorDetail {
  field: string;
  message: Localized;
}

/**
 * Every error the API raises on purpose: a domain code, a text for people in Chinese and
 * English (`localized(zh, en)`; `{field}` names the first detail's field), optional field details.
 */
export class ApiException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    readonly text: Localized,
    readonly details?: ErrorDetail[],
    /** What went wrong underneath; logged, never sent. */
    cause?: unknown,
  ) {
    // The English text with field codes: what logs and stack traces show.
    super(renderLocalized(text, 'en', details?.[0]?.field), httpStatusForCode(code), cause === undefined ? undefined : { cause });
    this.name = 'ApiException';
  }
}

/** The usual single-field refusal: the message names the field, and so does its one detail. */
export function fieldRefusal(code: ErrorCode, field: string, message: Localized, cause?: unknown): ApiException {
  return new ApiException(code, message, [{ field, message }], cause);
}

/** A domain rule's refusal (a DomainError thrown in the API process, not through a workflow). */
export function fromDomainError(err: DomainError): ApiException {
  return new ApiException(err.code, err.text, err.field ? [{ field: err.field, message: err.text }] : undefined, err);
}
