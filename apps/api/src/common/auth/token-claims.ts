import { isRole, isZoneCode, type Role } from '@zs/domain';

/** What an access token carries: the user id, role, display name and the account's token version. */
export interface TokenClaims {
  sub: string;
  role: string;
  name: string;
  /** users.token_version when the token was issued: logout, revocation, password change and role change bump it. */
  ver: number;
  /** The zone whose account this is (issue 12); tokens issued before zones name none: the home zone. */
  zone?: string;
}

/** A signed token's claims, checked for shape (the account behind them is checked by the guard). */
export interface VerifiedClaims {
  sub: string;
  role: Role;
  name: string;
  ver: number;
  exp: number;
  zone: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A signed token is still checked for shape: a role renamed since issue must not pass as a valid
 * one, and a token without `exp` (which the JWT library accepts) would be valid for ever.
 */
export function parseClaims(claims: unknown): { ok: true; claims: VerifiedClaims } | { ok: false; reason: 'malformed' | 'no_exp' } {
  if (typeof claims !== 'object' || claims === null) return { ok: false, reason: 'malformed' };
  const { sub, role, name, ver, exp, zone } = claims as Partial<TokenClaims> & { exp?: unknown };
  if (typeof sub !== 'string' || !UUID.test(sub) || !isRole(role) || typeof name !== 'string') return { ok: false, reason: 'malformed' };
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return { ok: false, reason: 'no_exp' };
  if (typeof ver !== 'number' || !Number.isInteger(ver)) return { ok: false, reason: 'malformed' };
  if (zone !== undefined && !isZoneCode(zone)) return { ok: false, reason: 'malformed' };
  return { ok: true, claims: { sub, role, name, ver, exp, zone: zone ?? null } };
}
