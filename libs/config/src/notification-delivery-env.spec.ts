import { ConfigError, loadWorkerConfig } from './env';

const base = { DATABASE_URL: 'postgres://zs:zs@localhost:5432/zs', TEMPORAL_PAYLOAD_KEY: 'k'.repeat(32) };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadWorkerConfig({ ...base, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('worker config: notification delivery', () => {
  it('needs no SMTP at all, and has bounded outbox defaults', () => {
    const config = loadWorkerConfig(base);
    expect(config.SMTP_URL ?? config.SMTP_HOST ?? config.MAIL_FROM).toBeUndefined();
    expect(config).toMatchObject({
      SMTP_PORT: 587,
      SMTP_SECURE: false,
      OUTBOX_POLL_MS: 1000,
      OUTBOX_MAX_ATTEMPTS: 10,
      OUTBOX_BACKOFF_BASE_MS: 5000,
      OUTBOX_BACKOFF_MAX_MS: 3_600_000,
      OUTBOX_BACKOFF_JITTER: true,
    });
  });

  it('reads an SMTP URL with a sender, treating blank variables as unset', () => {
    const config = loadWorkerConfig({ ...base, SMTP_URL: 'smtps://u:p@mail.zone.gov.cn:465', SMTP_HOST: '', MAIL_FROM: '招商平台 <noreply@zone.gov.cn>', SMTP_SECURE: 'true' });
    expect(config).toMatchObject({ SMTP_URL: 'smtps://u:p@mail.zone.gov.cn:465', SMTP_HOST: undefined, SMTP_SECURE: true, MAIL_FROM: '招商平台 <noreply@zone.gov.cn>' });
  });

  it('names every bad variable', () => {
    expect(problemsOf({ SMTP_SECURE: 'yes' })).toEqual(['SMTP_SECURE: must be true or false']);
    expect(problemsOf({ SMTP_HOST: 'mail' })).toEqual(['MAIL_FROM: is required when SMTP_URL or SMTP_HOST is set']);
    expect(problemsOf({ SMTP_URL: 'http://mail' })).toEqual(expect.arrayContaining([expect.stringMatching(/^SMTP_URL: must be an smtp/)]));
    expect(problemsOf({ MAIL_FROM: 'not an address' })).toEqual([expect.stringMatching(/^MAIL_FROM: must be an address/)]);
    expect(problemsOf({ OUTBOX_BACKOFF_BASE_MS: '1000', OUTBOX_BACKOFF_MAX_MS: '500' })).toEqual(['OUTBOX_BACKOFF_MAX_MS: must not be below OUTBOX_BACKOFF_BASE_MS']);
    expect(problemsOf({ OUTBOX_MAX_ATTEMPTS: '0' })).toEqual([expect.stringMatching(/^OUTBOX_MAX_ATTEMPTS: /)]);
  });
});
