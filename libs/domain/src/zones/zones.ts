/**
 * Issue 12: one deployment serves the development zones of one city. A zone's data lives in a
 * PostgreSQL schema of its own and its workflows in a Temporal namespace of its own, so a
 * query or a workflow call made for one zone cannot reach another's rows, hash chains or runs.
 * The zone `default` is the single-zone installation as it always was (schema public, the
 * configured namespace); any other zone `x` is schema `zone_x` and namespace `<namespace>-x`.
 */
export interface Zone {
  /** Lower-case ASCII, as in URLs, headers, schema and namespace names. */
  code: string;
  /** 园区名称 as staff read it, e.g. 经开区. */
  name: string;
  /** The PostgreSQL schema that holds every table of the zone. */
  schema: string;
  /** The Temporal namespace that holds every workflow of the zone. */
  namespace: string;
}

export const DEFAULT_ZONE_CODE = 'default';
export const DEFAULT_ZONE_NAME = '本园区';

const ZONE_CODE = /^[a-z][a-z0-9_]{0,29}$/;

export function isZoneCode(value: unknown): value is string {
  return typeof value === 'string' && ZONE_CODE.test(value);
}

export function zoneOf(code: string, name: string, baseNamespace: string): Zone {
  const isDefault = code === DEFAULT_ZONE_CODE;
  return { code, name, schema: isDefault ? 'public' : `zone_${code}`, namespace: isDefault ? baseNamespace : `${baseNamespace}-${code}` };
}

/**
 * The ZONES setting: `code:名称` pairs separated by commas, the first being the home zone (where
 * tools and the single-zone defaults act). Unset or blank: the one zone `default`.
 * Returns the zones, or the problems with the setting (each naming the entry).
 */
export function parseZones(spec: string | undefined, baseNamespace: string): { ok: true; zones: Zone[] } | { ok: false; problems: string[] } {
  if (!spec || !spec.trim()) return { ok: true, zones: [zoneOf(DEFAULT_ZONE_CODE, DEFAULT_ZONE_NAME, baseNamespace)] };
  const problems: string[] = [];
  const zones: Zone[] = [];
  for (const entry of spec.split(',').map((e) => e.trim())) {
    const [code, ...rest] = entry.split(':');
    const name = rest.join(':').trim() || code;
    if (!isZoneCode(code)) problems.push(`"${entry}": a zone code is a lower-case letter then up to 29 letters, digits or _ (e.g. gaoxin:高新区)`);
    else if (zones.some((z) => z.code === code)) problems.push(`"${entry}": zone ${code} is listed twice`);
    else zones.push(zoneOf(code, name, baseNamespace));
  }
  return problems.length ? { ok: false, problems } : { ok: true, zones };
}

/** The zone with this code among the configured ones, or null. */
export function findZone(zones: readonly Zone[], code: unknown): Zone | null {
  return zones.find((z) => z.code === code) ?? null;
}

/**
 * Each zone's hash chain has checkpoints of its own, so each has its own file outside the
 * database: the configured file for the default zone, `<name>.<zone>.<ext>` beside it for the others.
 */
export function zoneCheckpointFile(file: string, zone: Zone): string {
  if (zone.code === DEFAULT_ZONE_CODE) return file;
  const dot = file.lastIndexOf('.');
  const slash = file.lastIndexOf('/');
  return dot > slash + 1 ? `${file.slice(0, dot)}.${zone.code}${file.slice(dot)}` : `${file}.${zone.code}`;
}
