import { join } from 'node:path';
import { decideIntakeUpdate, recordNegotiationContactUpdate } from '@zs/contracts';
import { reconcileProject, summarize } from '@zs/api';
import { withDatabase } from '@zs/persistence';
import { buildWorkflowBundle } from '@zs/worker';
import { stackEnv } from '../setup/stack-env';
import { datesFrom } from '../support/relative-dates';
import { OFFICER, startTimeSkippingHarness, TASK_FORCE, type TimeSkippingHarness } from '../support/time-skipping-harness';
import { eventually } from '../support/eventually';

const PREVIOUS = join(__dirname, 'fixtures/v0-intake-only');

/**
 * The reconciler's limit (issue 8): events written by the local activities of code before
 * issue 8 are not in the workflow history, so only their continuity can be checked; events
 * projected since (patch trusted-record-v1) are verified against the history.
 */
describe('reconciling projects started before issue 8 (time-skipping)', () => {
  let h: TimeSkippingHarness;
  let previousBundle: { code: string };
  beforeAll(async () => {
    h = await startTimeSkippingHarness({ worker: false });
    previousBundle = { code: (await buildWorkflowBundle(join(PREVIOUS, 'workflows/src/index.ts'), join(PREVIOUS, 'tsconfig.json'))).code };
  });
  afterAll(async () => {
    await h?.teardown();
  });

  const reconcile = async (projectId: string, liveState = false) => summarize([(await reconcileProject({ db: h.dataSource, client: h.env.client }, projectId, { liveState }))!]);

  /** Tampering behind the engine's back, the append-only trigger off only inside the transaction. */
  const tamper = (sql: string, params: unknown[]) =>
    // As the superuser: the app role the engine connects with cannot (test/e2e/database-roles.e2e-spec.ts).
    withDatabase({ url: stackEnv('superuserDatabaseUrl'), poolSize: 1 }, (db) =>
      db.transaction(async (m) => {
        await m.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change');
        await m.query(sql, params);
        await m.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change');
      }),
    );

  it('verifies from the first projected event and checks only the continuity of older ones', async () => {
    const stopPrevious = await h.runWorker(previousBundle, { maxCachedWorkflows: 0 });
    const upgraded = await h.register({ infoGrade: 'A', companyName: '对账升级一号有限公司' });
    await upgraded.handle.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'accept' } }] });
    const legacyOnly = await h.register({ infoGrade: 'B', companyName: '对账升级二号有限公司' });
    await stopPrevious();

    const stopCurrent = await h.runWorker({ codePath: stackEnv('workflowBundle') });
    try {
      // Dated on the registration day: a contact before it is refused (issue 10).
      const visit = { kind: 'visit', date: datesFrom(upgraded.snapshot.state.registeredAt).registeredOn, participants: '李明', location: '企业总部', outcome: '确认意向' };
      await upgraded.handle.executeUpdate(recordNegotiationContactUpdate, { args: [{ actor: OFFICER, command: visit as never }] });

      // Seqs 1 and 2 were written by the old local activities; seq 3 by the projection, in the history.
      // The step answered when its task committed; its projection activity completes just after.
      const clean = await eventually('the projection activity to complete', async () => {
        const r = await reconcile(upgraded.projectId);
        return r.workflows[0]?.pendingEvents === 0 ? r : undefined;
      });
      expect(clean.discrepancies).toEqual([]);
      expect(clean.workflows).toEqual([expect.objectContaining({ checkedEvents: 3, verifiableFromSeq: 3, unverifiableEvents: 2, pendingEvents: 0 })]);

      // Only registered on the old code: nothing to verify, the read model held to the end of the log.
      const old = await reconcile(legacyOnly.projectId);
      expect(old.discrepancies).toEqual([]);
      expect(old.workflows).toEqual([expect.objectContaining({ checkedEvents: 1, verifiableFromSeq: null, unverifiableEvents: 1 })]);

      // The limit: a changed payload before the verifiable range cannot be seen …
      await tamper(`UPDATE audit_events SET payload = payload || '{"forged":true}'::jsonb WHERE project_id = $1 AND seq = 2`, [upgraded.projectId]);
      expect((await reconcile(upgraded.projectId)).discrepancies).toEqual([]);
      // … but a changed event after it is, and so is a gap before it.
      await tamper(`UPDATE audit_events SET actor_id = 'someone-else' WHERE project_id = $1 AND seq = 3`, [upgraded.projectId]);
      await tamper(`DELETE FROM audit_events WHERE project_id = $1 AND seq = 1`, [upgraded.projectId]);
      const found = await reconcile(upgraded.projectId);
      expect(found.discrepancies.map((d) => [d.kind, d.seq, d.message])).toEqual([
        ['altered', 3, expect.stringContaining('actor.userId')],
        ['out_of_order', 1, expect.stringContaining('skips seq 1')],
      ]);

      // With no batch in the history, the live state (its query) is the reference, if asked for.
      await h.dataSource.query(`UPDATE projects SET state = jsonb_set(state, '{overdue}', 'true') WHERE id = $1`, [legacyOnly.projectId]);
      expect((await reconcile(legacyOnly.projectId)).discrepancies).toEqual([]);
      expect((await reconcile(legacyOnly.projectId, true)).discrepancies.map((d) => [d.kind, d.seq])).toEqual([['state_mismatch', 1]]);
    } finally {
      await stopCurrent();
    }
  });
});
