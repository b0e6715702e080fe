import { readFileSync } from 'node:fs';

/** The TLS options of a Temporal connection (the SDK's TLSConfig shape). */
export interface TemporalTls {
  serverNameOverride?: string;
  serverRootCACertificate: Buffer;
  clientCertPair: { crt: Buffer; key: Buffer };
}

/**
 * Issue 9: mTLS to the Temporal frontend (docker-compose.yml). Set all three of
 * TEMPORAL_TLS_CA_FILE, TEMPORAL_TLS_CERT_FILE, TEMPORAL_TLS_KEY_FILE (PEM paths) and optionally
 * TEMPORAL_TLS_SERVER_NAME; none means plain TCP (the local dev server). A partial set, or a file
 * that cannot be read, stops start-up.
 */
export function temporalTlsFromEnv(env: Record<string, string | undefined> = process.env): TemporalTls | undefined {
  const names = ['TEMPORAL_TLS_CA_FILE', 'TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_KEY_FILE'] as const;
  const given = names.filter((n) => env[n]);
  if (given.length === 0) return undefined;
  if (given.length < names.length) throw new Error(`Temporal mTLS needs ${names.join(', ')}: missing ${names.filter((n) => !env[n]).join(', ')}`);
  const read = (n: (typeof names)[number]) => readFileSync(env[n]!);
  return {
    ...(env.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME } : {}),
    serverRootCACertificate: read('TEMPORAL_TLS_CA_FILE'),
    clientCertPair: { crt: read('TEMPORAL_TLS_CERT_FILE'), key: read('TEMPORAL_TLS_KEY_FILE') },
  };
}
