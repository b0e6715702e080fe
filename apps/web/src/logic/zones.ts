import { CITY_ROLES } from '@zs/domain';

/**
 * Issue 12 (several zones) in the console, the pure part: which zone the login page offers, and
 * which requests carry the X-ZS-Zone header a city role (市领导) reads another zone with.
 */
export interface ZoneOption {
  code: string;
  name: string;
}

/** The header a city role names the zone it reads with (the API accepts it on GET/HEAD only). */
export const ZONE_HEADER = 'X-ZS-Zone';

/** Where the login page remembers the zone last chosen (the same office signs in to the same zone). */
export const LOGIN_ZONE_STORAGE_KEY = 'zs.loginZone';

/** Whether a role reads across the zones of the city (CITY_ROLES of @zs/domain; the session keeps the role as text). */
export function isCityRole(role: string | null | undefined): boolean {
  return !!role && (CITY_ROLES as readonly string[]).includes(role);
}

/** The login page shows a 园区 choice only when the deployment serves several zones. */
export function showsZoneChoice(zones: readonly ZoneOption[] | undefined): boolean {
  return (zones?.length ?? 0) > 1;
}

/** The zone the login page starts with: the one remembered if still served, else the first (the default zone); null without zones. */
export function initialLoginZone(zones: readonly ZoneOption[] | undefined, remembered: string | null | undefined): string | null {
  if (!zones || zones.length === 0) return null;
  return zones.some((z) => z.code === remembered) ? remembered! : zones[0].code;
}

/**
 * The `zone` sent with POST /auth/login: the chosen code when the page offered a choice; none
 * with a single zone (the API then takes its first, as before issue 12).
 */
export function loginZoneField(zones: readonly ZoneOption[] | undefined, chosen: string | null | undefined): { zone?: string } {
  return showsZoneChoice(zones) && chosen ? { zone: chosen } : {};
}

/** A zone's name among those listed; its code when unknown (a zone no longer listed), null without a code. */
export function zoneName(zones: readonly ZoneOption[] | undefined, code: string | null | undefined): string | null {
  if (!code) return null;
  return zones?.find((z) => z.code === code)?.name ?? code;
}

const READ_METHODS = new Set(['GET', 'HEAD']);
/**
 * Reads that are not one zone's: the session and the inbox live in the home zone, the zone list
 * and 全市汇总 (GET /kpis/city) are the city's.
 */
const NOT_ONE_ZONES = [/^\/auth(\/|$)/, /^\/me(\/|$)/, /^\/notifications(\/|$)/, /^\/zones(\/|$)/, /^\/kpis\/city(\/|$)/];

export interface ZoneHeaderInput {
  method: string;
  /** The request's path (without origin or query). */
  path: string;
  role: string | null | undefined;
  /** The zone the city user chose to view; null or undefined: their own. */
  viewedZone: string | null | undefined;
  /** The user's home zone (sent as nothing: the token already names it). */
  homeZone?: string | null;
}

/**
 * The X-ZS-Zone value a request carries, or null for none: only a city role's reads (GET/HEAD)
 * while viewing a zone other than their own, and not the reads of their own session and inbox.
 * Writes never carry it (the API refuses a city role's writes in another zone).
 */
export function zoneHeaderFor({ method, path, role, viewedZone, homeZone }: ZoneHeaderInput): string | null {
  if (!viewedZone || !isCityRole(role)) return null;
  if (homeZone && viewedZone === homeZone) return null;
  if (!READ_METHODS.has(method.toUpperCase())) return null;
  if (NOT_ONE_ZONES.some((p) => p.test(path))) return null;
  return viewedZone;
}
