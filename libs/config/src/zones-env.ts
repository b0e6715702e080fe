import { z } from 'zod';
import { findZone, parseZones, type Zone } from '@zs/domain';
import { ConfigError } from './config-error';

/**
 * Issue 12: the zones one deployment serves, `code:名称` separated by commas (e.g.
 * `jingkai:经开区,gaoxin:高新区`); unset, the one zone of a single-zone installation. Each zone
 * has the schema and Temporal namespace zoneOf derives; README "Several zones".
 */
export const zonesEnv = {
  ZONES: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(2000).optional()),
};

/** Adds a ZONES problem per bad entry (start-up refuses the configuration, naming each). */
export function checkZones(env: { ZONES?: string; TEMPORAL_NAMESPACE: string }, ctx: z.RefinementCtx): void {
  const parsed = parseZones(env.ZONES, env.TEMPORAL_NAMESPACE);
  if (!parsed.ok) for (const problem of parsed.problems) ctx.addIssue({ code: 'custom', path: ['ZONES'], message: problem });
}

/** The configured zones (the first is the home zone); the configuration was checked at load. */
export function configuredZones(config: { ZONES?: string; TEMPORAL_NAMESPACE: string }): Zone[] {
  const parsed = parseZones(config.ZONES, config.TEMPORAL_NAMESPACE);
  if (!parsed.ok) throw new Error(`ZONES: ${parsed.problems.join('; ')}`);
  return parsed.zones;
}

/**
 * The zone a command-line tool acts in (audit:verify, audit:reconcile): ZONE among ZONES, the
 * home zone when ZONE is unset. A bad value is a ConfigError naming the variable.
 */
export function toolZone(env: Record<string, string | undefined>): Zone {
  const parsed = parseZones(env.ZONES, env.TEMPORAL_NAMESPACE || 'default');
  if (!parsed.ok) throw new ConfigError(parsed.problems.map((p) => `ZONES: ${p}`));
  if (!env.ZONE) return parsed.zones[0];
  const zone = findZone(parsed.zones, env.ZONE);
  if (!zone) throw new ConfigError([`ZONE: ${env.ZONE} is not one of ZONES (${parsed.zones.map((z) => z.code).join(', ')})`]);
  return zone;
}
