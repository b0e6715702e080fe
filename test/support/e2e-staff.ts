import type { E2eHarness, HttpResult } from './e2e-harness';
import { auditOf, tableCounts } from './read-model';

/** A logged-in demo user, as end-to-end tests act through them. */
export interface Staff {
  token: string;
  id: string;
  displayName: string;
  role: string;
}

export async function loginStaff(h: E2eHarness, username: string): Promise<Staff> {
  const token = await h.login(username);
  const me = await h.http('GET', '/auth/me', { token });
  expect(me.status).toBe(200);
  return { token, id: me.body.id, displayName: me.body.displayName, role: me.body.role };
}

/** A refusal: exact status and code, naming the field when given; nothing in the database moved. */
export async function expectRefused(
  h: E2eHarness,
  projectId: string,
  send: () => Promise<HttpResult>,
  status: number,
  code: string,
  field?: string,
): Promise<HttpResult> {
  const before = { counts: await tableCounts(h.dataSource), history: await auditOf(h.dataSource, projectId) };
  const res = await send();
  expect({ status: res.status, body: res.body }).toMatchObject({
    status,
    body: { statusCode: status, code, message: expect.any(String), correlationId: expect.any(String) },
  });
  if (field) expect((res.body.details ?? []).map((d: { field: string }) => d.field)).toContain(field);
  expect({ counts: await tableCounts(h.dataSource), history: await auditOf(h.dataSource, projectId) }).toEqual(before);
  return res;
}
