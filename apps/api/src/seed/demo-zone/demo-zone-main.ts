import { DEFAULT_DEMO_PASSWORD } from '../demo-users';
import { DemoSeedError } from './demo-zone-client';
import { seedDemoZone } from './demo-zone-seed';

/**
 * `npm run demo:seed [-- --force]`: fills the engine that `npm start` runs (API_URL, default
 * http://127.0.0.1:3000) with the demo zone, through its HTTP API. Refused unless the API runs on
 * the embedded PostgreSQL (GET /health), or with --force / DEMO_SEED_FORCE=true. A second run adds nothing.
 */
async function main(): Promise<void> {
  const baseUrl = process.env.API_URL || `http://127.0.0.1:${process.env.API_PORT || '3000'}`;
  const force = process.argv.includes('--force') || process.env.DEMO_SEED_FORCE === 'true';
  const out = (line: string) => process.stdout.write(`[demo:seed] ${line}\n`);
  out(`seeding the demo zone into ${baseUrl}${force ? ' (forced)' : ''} …`);
  const started = Date.now();
  const result = await seedDemoZone({ baseUrl, password: process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD, force, log: out });
  out(
    result.seeded
      ? `done in ${Math.round((Date.now() - started) / 1000)} s: campaign「${result.campaignName}」(${result.campaignId}) with ${result.projectIds.length} projects`
      : `nothing to do: campaign「${result.campaignName}」is there`,
  );
  out(`look: GET ${baseUrl}/kpis, ${baseUrl}/campaigns/${result.campaignId}/leaderboard, ${baseUrl}/projects?campaign=${result.campaignId} (e.g. as leader / ${DEFAULT_DEMO_PASSWORD})`);
}

main().catch((err: unknown) => {
  const unreachable = err instanceof Error && /fetch failed|ECONNREFUSED/.test(`${err.message} ${String((err as { cause?: unknown }).cause ?? '')}`);
  const message = err instanceof DemoSeedError || unreachable ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`[demo:seed] failed: ${message}\n`);
  if (unreachable) process.stderr.write('[demo:seed] is the engine running? start it with `npm start` in another terminal (API_URL if it listens elsewhere)\n');
  process.exit(1);
});
