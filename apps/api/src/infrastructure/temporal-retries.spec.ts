import { Connection } from '@temporalio/client';
import { TemporalRetries } from './temporal.provider';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The API's shutdown against a real gRPC channel whose calls fail (nothing listens on the port):
 * the SDK retries them on timers, and one that fired after the channel closed threw "Channel has
 * been shut down" out of every handler (it failed a CI run's chaos suite at teardown).
 */
describe('TemporalRetries (the API closing its Temporal connection)', () => {
  it('closes only once the retries already scheduled have fired, and schedules none after: nothing throws from a timer', async () => {
    const retries = new TemporalRetries();
    const connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [retries.interceptor()], connectTimeout: '5s' });
    const answer = connection.workflowService.getSystemInfo({}).then(
      () => 'answered',
      (err: Error) => err.message,
    );
    // The first attempt is refused at once; its retry is then waiting on a timer.
    await sleep(150);
    const started = Date.now();
    await retries.settle();
    await connection.close();
    expect(Date.now() - started).toBeLessThan(10_100);
    // Had a retry fired after the close, it would have thrown here, failing this test.
    await sleep(1_000);
    expect(await answer).not.toBe('answered');
  });

  it('settles at once when no retry is scheduled', async () => {
    const retries = new TemporalRetries();
    const started = Date.now();
    await retries.settle();
    expect(Date.now() - started).toBeLessThan(50);
  });
});
