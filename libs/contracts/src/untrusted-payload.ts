/**
 * Issue 9, item 4: the Temporal frontend is not a trusted write path. Every payload the API and
 * the worker write is signed (HMAC-SM3, libs/temporal-codec); a payload that arrives unsigned or
 * altered is not decoded into its claimed value but into this marker, which the workflow's
 * interceptor (workflows/src/untrusted-payload.interceptor.ts) refuses wherever a caller can put
 * a value into a workflow: update validators, signals, the start input.
 *
 * Pure and sandbox-safe: the workflow bundle imports it.
 */
export const UNTRUSTED_PAYLOAD_FIELD = '$zsUntrustedPayload';

/** The failure type an update refused for an untrusted payload carries. */
export const UNTRUSTED_PAYLOAD_ERROR = 'UNTRUSTED_PAYLOAD';

/** Why a payload is not trusted: no signature, a signature that does not verify (altered, or another key). */
export type UntrustedReason = 'unsigned' | 'bad_signature';

export interface UntrustedPayloadInfo {
  reason: UntrustedReason;
  /** SM3 of the payload as received (metadata and data): the same forged payload always has the same digest. */
  digest: string;
  /** The key id the payload claims (first bytes of SM3 of the key), when it carries one. */
  keyId: string | null;
  /** What the payload claimed to be, cut short, for the security record (never trusted, never used). */
  preview: string;
}

export interface UntrustedPayloadMarker {
  [UNTRUSTED_PAYLOAD_FIELD]: UntrustedPayloadInfo;
}

export function untrustedPayloadMarker(info: UntrustedPayloadInfo): UntrustedPayloadMarker {
  return { [UNTRUSTED_PAYLOAD_FIELD]: info };
}

export function isUntrustedPayload(value: unknown): value is UntrustedPayloadMarker {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && UNTRUSTED_PAYLOAD_FIELD in value;
}

/** The first untrusted argument of a call, if any. */
export function firstUntrusted(args: readonly unknown[]): UntrustedPayloadInfo | null {
  for (const arg of args) if (isUntrustedPayload(arg)) return arg[UNTRUSTED_PAYLOAD_FIELD];
  return null;
}

/** Where an untrusted payload was refused, as the workflow reports it (the sink adds the workflow's identity). */
export interface UntrustedPayloadRefusal {
  /** update | signal | start */
  via: 'update' | 'signal' | 'start';
  /** The update or signal name, or the workflow type for a start. */
  name: string;
  /** The update id (unique per update request; a retried task carries the same one). */
  updateId: string | null;
  payload: UntrustedPayloadInfo;
}

/**
 * The worker-side sink the workflow interceptor reports a refusal to: it records the
 * `temporal.forged_payload` security event outside the sandbox (sinks are not called on replay).
 */
// A type, not an interface: the SDK's Sinks constraint needs an index signature.
export type UntrustedPayloadSinks = {
  untrustedPayload: {
    refused: (refusal: UntrustedPayloadRefusal) => void;
  };
};
