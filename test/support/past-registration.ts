import type { Lead } from '@zs/domain';
import type { E2eHarness } from './e2e-harness';
import { eventually } from './eventually';
import { datesFrom } from './relative-dates';
import { sampleLead } from './sample-lead';

/**
 * A project registered `registeredDaysAgo` days ago and accepted the day after, now in negotiation,
 * for an e2e test that needs past dates. Since issue 10 nothing that happened (a signing, a completion,
 * production) may be dated before the lead's registration nor after today, so a lead registered through
 * POST /leads (registered "now", on the wall clock) leaves a single day for every recorded date. The
 * 存量项目导入 (POST /imports/projects, the one way a project carries its real past registration) gives
 * the test the past it needs; the following steps go through the ordinary API.
 *
 * `adminToken`: a user with `projects.import`. Reporter and owner are the demo officer (`owner`),
 * so the negotiation steps stay the officer's.
 */
export async function importedInNegotiation(
  h: E2eHarness,
  adminToken: string,
  opts: { registeredDaysAgo: number; lead?: Partial<Lead>; owner?: string },
): Promise<string> {
  const { day } = datesFrom(Date.now());
  const lead = sampleLead(opts.lead);
  const owner = opts.owner ?? 'officer';
  const record = {
    ...lead,
    stage: 'negotiation',
    registeredOn: day(-opts.registeredDaysAgo),
    decidedOn: day(-opts.registeredDaysAgo + 1),
    reporter: owner,
    owner,
  };
  const res = await h.http('POST', '/imports/projects', { token: adminToken, body: { records: [record] } });
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 201, body: { status: 'started', startedCount: 1 } });
  const id = res.body.rows[0].projectId as string;
  await eventually(
    `imported project ${id} in negotiation`,
    async () => {
      const view = await h.http('GET', `/projects/${id}`, { token: adminToken });
      return view.status === 200 && view.body.stage === 'negotiation' ? true : undefined;
    },
    30_000,
  );
  return id;
}
