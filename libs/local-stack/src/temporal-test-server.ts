import { resolveTemporalTestServer } from './binaries';
import { startProcess, type ManagedProcess } from './managed-process';
import { portAcceptsConnections, waitFor } from './ports';

/** Starts the time-skipping test server (Java SDK's, native build) on `port`. */
export async function startTemporalTestServer(port: number, logFile: string): Promise<{ address: string; process: ManagedProcess }> {
  const proc = startProcess('temporal-test-server', resolveTemporalTestServer(), [String(port)], { logFile });
  await waitFor('Temporal time-skipping test server', () => portAcceptsConnections(port), 60_000);
  return { address: `127.0.0.1:${port}`, process: proc };
}
