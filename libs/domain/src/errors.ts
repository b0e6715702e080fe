import { FIELD_PLACEHOLDER, type Localized } from './i18n/localized';

/**
 * Error codes shared by the workflows (as ApplicationFailure types), the API
 * (mapped to HTTP status in one place) and clients.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN_ROLE: 'FORBIDDEN_ROLE',
  /** The role may take the step, but not this person on this project (step-rules.ts). */
  FORBIDDEN_NOT_OWNER: 'FORBIDDEN_NOT_OWNER',
  NOT_FOUND: 'NOT_FOUND',
  WRONG_STAGE: 'WRONG_STAGE',
  IDEMPOTENCY_CONFLICT: 'IDEMPOTENCY_CONFLICT',
  ENGINE_UNAVAILABLE: 'ENGINE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
  /** The account must change its (temporary) password before anything but POST /auth/password and logout. */
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  /** A request body over the size limit (API_BODY_LIMIT_KB). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** Too many logins or writes in the window; the answer's Retry-After says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A record with that unique key (a username, a department code, a chain name) exists already (409). */
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  /** A campaign's snapshot may be frozen only after its last day (409). */
  CAMPAIGN_NOT_ENDED: 'CAMPAIGN_NOT_ENDED',
  /** The campaign's leaderboard is frozen: no second snapshot, no change to its period or roster (409). */
  CAMPAIGN_FROZEN: 'CAMPAIGN_FROZEN',
  /** A lead looks like a project already registered (same credit code or company name); repeat with confirmDuplicateOf to go on. */
  DUPLICATE_SUSPECTED: 'DUPLICATE_SUSPECTED',
  /** X-ZS-Zone names another zone than the caller's (only a city role reads others, on GET), or no zone served here (403). */
  FORBIDDEN_ZONE: 'FORBIDDEN_ZONE',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/**
 * A rule of the domain was broken; `code` tells the caller which, `text` says it in Chinese and
 * English (`{field}` standing for the field's label, see i18n/localized.ts). `message` holds both,
 * the field named by its code, for logs and stack traces.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: Localized,
    readonly field?: string,
  ) {
    const named = (s: string) => s.split(FIELD_PLACEHOLDER).join(field ?? 'field');
    super(text.en === text.zh ? named(text.en) : `${named(text.en)}（${named(text.zh)}）`);
    this.name = 'DomainError';
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.values(ERROR_CODES).includes(value as ErrorCode);
}
