import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Role } from '@zs/domain';
import { inTransaction, insertUserIfAbsent, setUserActive } from '@zs/persistence';
import { eventually } from '../support/eventually';
import { speaking } from '../support/in-language';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';

/**
 * Issue 9, item 5: a hardened identity over HTTP with the real API and PostgreSQL. Tokens are tied
 * to the account (exp required, existing active account, current role and token version), logout
 * and revocation, the password policy, an administrator's reset forcing a change, lockout, and
 * every event readable by auditors. Uses accounts of its own (the demo users are shared by every suite).
 */
const PASSWORD = 'Start-Harbour-2026';
/** Long enough for a burst of 30 attempts (each one Argon2 verification) to end inside the lock. */
const LOCKOUT_MS = 8_000;
const FAILURE_DELAY_MS = 200;
const CACHE_TTL_MS = 2_000;

type Body = Record<string, unknown>;

function hs256(claims: Body, secret: string): string {
  const part = (v: Body) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const signingInput = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

function claimsOf(token: string): Body {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

function expectUnauthenticated(res: HttpResult, message?: RegExp): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  if (message) expect(res.body.message).toMatch(message);
}

describe('identity: tokens tied to the account, passwords, lockout, security audit', () => {
  let h: E2eHarness;
  let admin: string;
  let auditor: string;
  let officer: string;

  beforeAll(async () => {
    h = await startE2eHarness({
      apiEnv: {
        LOGIN_MAX_FAILURES: '5',
        LOGIN_LOCKOUT_MINUTES: String(LOCKOUT_MS / 60_000),
        LOGIN_FAILURE_DELAY_MS: String(FAILURE_DELAY_MS),
        AUTH_CACHE_TTL_MS: String(CACHE_TTL_MS),
        // This suite tries logins by the dozen from one address: the HTTP rate limits are another suite's subject.
        RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000',
        RATE_LIMIT_LOGIN_PER_IP: '10000',
        RATE_LIMIT_WRITES: '100000',
      },
    });
    // Refusals are read in English here (issue 11: Chinese unless asked); the password rules in Chinese, asked per request.
    h = speaking(h, 'en');
    [admin, auditor, officer] = await Promise.all([h.login('admin'), h.login('auditor'), h.login('officer')]);
  });
  afterAll(async () => {
    await h?.teardown();
  });

  // Argon2id by default; the API verifies any PHC-encoded parameters.
  const startHash = hash(PASSWORD);

  /** A fresh account of its own, so lockouts and password changes touch nobody else. */
  async function newUser(role: Role = 'investment_officer'): Promise<{ id: string; username: string }> {
    const username = `id-${randomBytes(4).toString('hex')}`;
    await insertUserIfAbsent(h.dataSource, { username, displayName: '测试用户', role, department: '招商一局', passwordHash: await startHash, email: `${username}@example.test` });
    const [{ id }] = await h.dataSource.query(`SELECT id FROM users WHERE username = $1`, [username]);
    return { id, username };
  }

  const login = (username: string, password = PASSWORD) => h.http('POST', '/auth/login', { body: { username, password } });

  async function tokenOf(username: string, password = PASSWORD): Promise<string> {
    const res = await login(username, password);
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  }

  async function securityEvents(query: string): Promise<Array<Record<string, any>>> {
    const res = await h.http('GET', `/audit/security-events?pageSize=100&${query}`, { token: auditor });
    expect(res.status).toBe(200);
    return res.body.items;
  }

  describe('the JWT negative suite: each refused with 401', () => {
    let user: { id: string; username: string };
    let token: string;
    const now = () => Math.floor(Date.now() / 1000);

    beforeAll(async () => {
      user = await newUser();
      token = await tokenOf(user.username);
    });

    it('accepts the real token and a hand-built one with the same claims (control)', async () => {
      expect((await h.http('GET', '/projects', { token })).status).toBe(200);
      const rebuilt = hs256({ ...claimsOf(token), exp: now() + 600 }, h.jwtSecret);
      const me = await h.http('GET', '/auth/me', { token: rebuilt });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: user.id, username: user.username });
    });

    it('refuses a request without a token', async () => {
      expectUnauthenticated(await h.http('GET', '/projects'), /bearer token is required/);
    });

    it('refuses a token signed with another secret', async () => {
      expectUnauthenticated(await h.http('GET', '/projects', { token: hs256(claimsOf(token), 'another-secret-of-at-least-32-characters!!') }), /invalid/);
    });

    it('refuses an edited payload (role admin) under the original signature', async () => {
      const [head, , signature] = token.split('.');
      const edited = Buffer.from(JSON.stringify({ ...claimsOf(token), role: 'admin' })).toString('base64url');
      expectUnauthenticated(await h.http('GET', '/admin/outbox', { token: `${head}.${edited}.${signature}` }), /invalid/);
    });

    it('refuses a correctly signed token without exp, and records it', async () => {
      const { exp: _exp, ...claims } = claimsOf(token);
      const res = await h.http('GET', '/projects', { token: hs256(claims, h.jwtSecret) });
      expectUnauthenticated(res, /no expiry/);
      const events = await securityEvents(`kind=token.refused&userId=${user.id}`);
      expect(events.map((e) => e.payload.reason)).toContain('no_exp');
    });

    it('refuses an expired token', async () => {
      expectUnauthenticated(await h.http('GET', '/projects', { token: hs256({ ...claimsOf(token), iat: now() - 3600, exp: now() - 60 }, h.jwtSecret) }), /expired/);
    });

    it('refuses a signed token whose sub does not exist, even saying role admin, and records it', async () => {
      const ghost = randomUUID();
      const forged = hs256({ sub: ghost, role: 'admin', name: '管理员', ver: 1, exp: now() + 600 }, h.jwtSecret);
      expectUnauthenticated(await h.http('GET', '/admin/outbox', { token: forged }), /does not exist or is no longer active/);
      expectUnauthenticated(await h.http('GET', '/audit/security-events', { token: forged }));
      const events = await securityEvents('kind=token.refused');
      const mine = events.filter((e) => e.subject === `user:${ghost}`);
      // Two refusals, one record: a replayed token cannot flood the log.
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ outcome: 'refused', userId: null, clientIp: '127.0.0.1', payload: { reason: 'unknown_account', claimedRole: 'admin' } });
    });

    it('refuses every token of the account after logout (the cached state is dropped at once)', async () => {
      const u = await newUser();
      const first = await tokenOf(u.username);
      const second = await tokenOf(u.username);
      expect((await h.http('GET', '/projects', { token: first })).status).toBe(200);
      expect((await h.http('GET', '/projects', { token: second })).status).toBe(200);
      expect((await h.http('POST', '/auth/logout', { token: first })).status).toBe(204);
      expectUnauthenticated(await h.http('GET', '/projects', { token: first }), /revoked/);
      expectUnauthenticated(await h.http('GET', '/projects', { token: second }), /revoked/);
      expectUnauthenticated(await h.http('POST', '/auth/logout', { token: first }), /revoked/);
      // A new login works again.
      expect((await h.http('GET', '/projects', { token: await tokenOf(u.username) })).status).toBe(200);
      expect((await securityEvents(`kind=logout&userId=${u.id}`)).length).toBe(1);
    });

    it('refuses a token revoked by an administrator; only administrators may revoke', async () => {
      const u = await newUser();
      const t = await tokenOf(u.username);
      expect((await h.http('GET', '/projects', { token: t })).status).toBe(200);
      const refused = await h.http('POST', `/admin/users/${u.id}/revoke-tokens`, { token: officer });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'FORBIDDEN_ROLE' });
      expect((await h.http('GET', '/projects', { token: t })).status).toBe(200);

      const revoked = await h.http('POST', `/admin/users/${u.id}/revoke-tokens`, { token: admin, body: { reason: '设备遗失' } });
      expect(revoked.status).toBe(204);
      expectUnauthenticated(await h.http('GET', '/projects', { token: t }), /revoked/);
      const [event] = await securityEvents(`kind=token.revoked&userId=${u.id}`);
      expect(event).toMatchObject({ outcome: 'success', username: u.username, subject: `user:${u.id}`, clientIp: '127.0.0.1' });
      const audit = await h.http('GET', `/audit/admin-events?action=user.tokens_revoked&subject=user:${u.id}`, { token: auditor });
      expect(audit.status).toBe(200);
      expect(audit.body.items).toEqual([expect.objectContaining({ actorRole: 'admin', action: 'user.tokens_revoked', subject: `user:${u.id}`, reason: '设备遗失' })]);

      const missing = await h.http('POST', `/admin/users/${randomUUID()}/revoke-tokens`, { token: admin });
      expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    });

    it('refuses the token of a deactivated account', async () => {
      const u = await newUser();
      const t = await tokenOf(u.username);
      expect((await h.http('GET', '/projects', { token: t })).status).toBe(200);
      // Straight in the table, token version untouched: the guard's own check of `active` refuses it.
      await h.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [u.id]);
      const res = await eventually('the deactivation to be seen', async () => {
        const r = await h.http('GET', '/projects', { token: t });
        return r.status === 401 ? r : undefined;
      }, CACHE_TTL_MS + 3000);
      expectUnauthenticated(res, /no longer active/);
      expectUnauthenticated(await login(u.username));
    });

    it('refuses the token of an account deactivated through the store (its tokens revoked with it)', async () => {
      const u = await newUser();
      const t = await tokenOf(u.username);
      await inTransaction(h.dataSource, (tx) => setUserActive(tx, u.id, false));
      const res = await eventually('the deactivation to be seen', async () => {
        const r = await h.http('GET', '/projects', { token: t });
        return r.status === 401 ? r : undefined;
      }, CACHE_TTL_MS + 3000);
      expectUnauthenticated(res);
    });

    it('refuses a token whose role is no longer the account role', async () => {
      const u = await newUser('investment_officer');
      const t = await tokenOf(u.username);
      expect((await h.http('GET', '/projects', { token: t })).status).toBe(200);
      // Token version untouched: the guard's comparison of roles refuses it.
      await h.dataSource.query(`UPDATE users SET role = 'auditor' WHERE id = $1`, [u.id]);
      const res = await eventually('the role change to be seen', async () => {
        const r = await h.http('GET', '/projects', { token: t });
        return r.status === 401 ? r : undefined;
      }, CACHE_TTL_MS + 3000);
      expectUnauthenticated(res, /role/);
      const events = await securityEvents(`kind=token.refused&userId=${u.id}`);
      expect(events[0].payload).toMatchObject({ reason: 'role_changed', claimedRole: 'investment_officer' });
      // A new login carries the new role.
      const fresh = await login(u.username);
      expect(fresh.body.user.role).toBe('auditor');
    });
  });

  describe('password change', () => {
    it('refuses each policy breach naming newPassword with the rule in Chinese, then changes it: the old password and tokens stop working', async () => {
      const u = await newUser();
      const t = await tokenOf(u.username);
      const change = (currentPassword: string, newPassword: string, token = t) =>
        h.http('POST', '/auth/password', { token, body: { currentPassword, newPassword }, headers: { 'accept-language': 'zh-CN' } });

      const wrongCurrent = await change('not-my-password', 'Fresh-Harbour-77');
      expect({ status: wrongCurrent.status, code: wrongCurrent.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(wrongCurrent.body.details).toEqual([{ field: 'currentPassword', label: '当前密码', message: '当前密码不正确' }]);

      const cases: Array<[string, string, string]> = [
        ['too short', 'Ab1-short', '不少于10位'],
        ['two classes', 'harbourharbour', '至少3类'],
        ['contains the username', `X-${u.username}-2026`, '不得包含用户名'],
        ['the current password', PASSWORD, '最近5次'],
      ];
      for (const [label, candidate, rule] of cases) {
        const res = await change(PASSWORD, candidate);
        expect({ label, status: res.status, code: res.body.code }).toEqual({ label, status: 400, code: 'VALIDATION_FAILED' });
        expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(res.body.details.map(() => 'newPassword'));
        expect(res.body.details.map((d: { message: string }) => d.message).join(' ')).toContain(rule);
      }
      // Nothing changed: the password and the token still work.
      expect((await h.http('GET', '/projects', { token: t })).status).toBe(200);

      const changed = await change(PASSWORD, 'Fresh-Harbour-77');
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ tokenType: 'Bearer', mustChangePassword: false, user: { id: u.id } });
      expectUnauthenticated(await h.http('GET', '/projects', { token: t }), /revoked/);
      expect((await h.http('GET', '/projects', { token: changed.body.accessToken })).status).toBe(200);
      expectUnauthenticated(await login(u.username, PASSWORD));
      expect((await login(u.username, 'Fresh-Harbour-77')).status).toBe(200);

      // The previous password stays refused after another change (history).
      const third = await change('Fresh-Harbour-77', 'Third-Harbour-88', changed.body.accessToken);
      expect(third.status).toBe(200);
      const back = await change('Third-Harbour-88', PASSWORD, third.body.accessToken);
      expect(back.status).toBe(400);
      expect(back.body.details).toEqual([{ field: 'newPassword', label: '新密码', message: expect.stringContaining('最近5次') }]);

      const events = await securityEvents(`userId=${u.id}`);
      expect(events.filter((e) => e.kind === 'password.changed')).toHaveLength(2);
      const refusals = events.filter((e) => e.kind === 'password.change_refused').map((e) => e.payload.reason === 'policy' ? e.payload.rules : e.payload.reason);
      expect(refusals.reverse()).toEqual(['wrong_current_password', ['min_length'], ['character_classes'], ['contains_username'], ['reused'], ['reused']]);
    });
  });

  describe('administrator reset', () => {
    it('sets a temporary password that must be changed: until then only POST /auth/password and logout', async () => {
      const u = await newUser();
      const before = await tokenOf(u.username);
      expect((await h.http('POST', `/admin/users/${u.id}/reset-password`, { token: officer })).status).toBe(403);

      const reset = await h.http('POST', `/admin/users/${u.id}/reset-password`, { token: admin, body: { reason: '用户遗忘密码' } });
      expect(reset.status).toBe(200);
      expect(reset.headers.get('cache-control')).toBe('no-store');
      expect(reset.body).toMatchObject({ userId: u.id, username: u.username, mustChangePassword: true, temporaryPassword: expect.any(String) });
      const temporary = reset.body.temporaryPassword as string;
      expectUnauthenticated(await h.http('GET', '/projects', { token: before }), /revoked/);
      expectUnauthenticated(await login(u.username, PASSWORD));

      const signedIn = await login(u.username, temporary);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.mustChangePassword).toBe(true);
      const limited = signedIn.body.accessToken as string;
      for (const [method, path] of [['GET', '/projects'], ['GET', '/auth/me'], ['GET', '/tasks']] as const) {
        const res = await h.http(method, path, { token: limited });
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });
      }
      const weak = await h.http('POST', '/auth/password', { token: limited, body: { currentPassword: temporary, newPassword: 'short' } });
      expect(weak.status).toBe(400);

      const changed = await h.http('POST', '/auth/password', { token: limited, body: { currentPassword: temporary, newPassword: 'Fresh-Harbour-77' } });
      expect(changed.status).toBe(200);
      expect(changed.body.mustChangePassword).toBe(false);
      expectUnauthenticated(await h.http('GET', '/projects', { token: limited }), /revoked/);
      expect((await h.http('GET', '/projects', { token: changed.body.accessToken })).status).toBe(200);
      expect((await login(u.username, 'Fresh-Harbour-77')).body.mustChangePassword).toBe(false);

      const [event] = await securityEvents(`kind=password.reset&userId=${u.id}`);
      expect(event).toMatchObject({ outcome: 'success', username: u.username, clientIp: '127.0.0.1' });
      expect(JSON.stringify(event)).not.toContain(temporary);
      const audit = await h.http('GET', `/audit/admin-events?action=user.password_reset&subject=user:${u.id}`, { token: auditor });
      expect(audit.body.items).toEqual([expect.objectContaining({ action: 'user.password_reset', reason: '用户遗忘密码', actorRole: 'admin' })]);
      expect(JSON.stringify(audit.body)).not.toContain(temporary);
    });

    it('lets an account that must change its password log out', async () => {
      const u = await newUser();
      const reset = await h.http('POST', `/admin/users/${u.id}/reset-password`, { token: admin });
      const limited = await tokenOf(u.username, reset.body.temporaryPassword);
      expect((await h.http('POST', '/auth/logout', { token: limited })).status).toBe(204);
      expectUnauthenticated(await h.http('POST', '/auth/password', { token: limited, body: { currentPassword: reset.body.temporaryPassword, newPassword: 'Fresh-Harbour-77' } }));
    });
  });

  describe('lockout', () => {
    it('locks after 5 consecutive failures: the right password is refused alike until the lock runs out, then the count resets', async () => {
      const u = await newUser();
      const wrong = [];
      for (let i = 0; i < 5; i++) wrong.push(await login(u.username, `Wrong-Password-${i}`));
      for (const res of wrong) expectUnauthenticated(res, /^invalid username or password$/);

      const whileLocked = await login(u.username, PASSWORD);
      expectUnauthenticated(whileLocked, /^invalid username or password$/);
      expect(whileLocked.body.message).toBe(wrong[0].body.message);
      const lockedAt = Date.now();

      const unknown = await login(`nobody-${randomBytes(4).toString('hex')}`, PASSWORD);
      expect({ status: unknown.status, code: unknown.body.code, message: unknown.body.message }).toEqual({
        status: whileLocked.status,
        code: whileLocked.body.code,
        message: whileLocked.body.message,
      });

      const events = await securityEvents(`userId=${u.id}`);
      expect(events.map((e) => e.kind).reverse()).toEqual(['login.failed', 'login.failed', 'login.failed', 'login.failed', 'login.failed', 'account.locked', 'login.locked_out']);
      expect(events.find((e) => e.kind === 'account.locked')?.payload).toMatchObject({ consecutiveFailures: 5 });

      await new Promise((r) => setTimeout(r, Math.max(0, LOCKOUT_MS + 300 - (Date.now() - lockedAt))));
      expect((await login(u.username, PASSWORD)).status).toBe(200);
      const [{ failed_login_count, locked_until }] = await h.dataSource.query(`SELECT failed_login_count, locked_until FROM users WHERE id = $1`, [u.id]);
      expect({ failed_login_count, locked_until }).toEqual({ failed_login_count: 0, locked_until: null });
    });

    it('counts a burst of 30 concurrent wrong passwords exactly: 5 failures, then locked; the right password after it is refused', async () => {
      const u = await newUser();
      const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => login(u.username, `Wrong-Password-${i}`)));
      for (const res of burst) expectUnauthenticated(res, /^invalid username or password$/);
      expectUnauthenticated(await login(u.username, PASSWORD), /^invalid username or password$/);
      const kinds = (await securityEvents(`userId=${u.id}`)).map((e) => e.kind);
      expect(kinds.filter((k) => k === 'login.failed')).toHaveLength(5);
      expect(kinds.filter((k) => k === 'account.locked')).toHaveLength(1);
      expect(kinds.filter((k) => k === 'login.locked_out')).toHaveLength(26);
    });

    it('answers an unknown name like a wrong password, no sooner than the failure delay, and records the name typed', async () => {
      const u = await newUser();
      const name = `nobody-${randomBytes(4).toString('hex')}`;
      const started = Date.now();
      const unknown = await login(name, PASSWORD);
      const unknownMs = Date.now() - started;
      const wrong = await login(u.username, 'Wrong-Password-0');
      expect({ status: unknown.status, code: unknown.body.code, message: unknown.body.message, details: unknown.body.details }).toEqual({
        status: wrong.status,
        code: wrong.body.code,
        message: wrong.body.message,
        details: wrong.body.details,
      });
      expect(unknownMs).toBeGreaterThanOrEqual(FAILURE_DELAY_MS - 5);
      const [event] = await securityEvents(`username=${name}`);
      expect(event).toMatchObject({ kind: 'login.failed', outcome: 'failure', userId: null, username: name, clientIp: '127.0.0.1', payload: { reason: 'unknown_user' } });
    });
  });

  describe('GET /audit/security-events and /audit/admin-events', () => {
    it('shows a login with its client IP, filters by kind, user, username and time, and pages', async () => {
      const u = await newUser();
      const from = new Date(Date.now() - 1000).toISOString();
      await tokenOf(u.username);
      await login(u.username, 'Wrong-Password-0');
      await tokenOf(u.username);
      const all = await h.http('GET', `/audit/security-events?userId=${u.id}&from=${encodeURIComponent(from)}`, { token: auditor });
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(all.body.items.map((e: any) => e.kind)).toEqual(['login.succeeded', 'login.failed', 'login.succeeded']);
      expect(all.body.items[0]).toMatchObject({ kindLabel: '登录成功', outcome: 'success', userId: u.id, username: u.username, clientIp: '127.0.0.1', subject: `user:${u.id}` });

      const page2 = await h.http('GET', `/audit/security-events?userId=${u.id}&pageSize=2&page=2`, { token: auditor });
      expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [expect.objectContaining({ kind: 'login.succeeded' })] });
      const failed = await h.http('GET', `/audit/security-events?userId=${u.id}&kind=login.failed`, { token: auditor });
      expect(failed.body.total).toBe(1);
      const byName = await h.http('GET', `/audit/security-events?username=${u.username}`, { token: auditor });
      expect(byName.body.total).toBe(3);
      const before = await h.http('GET', `/audit/security-events?userId=${u.id}&to=${encodeURIComponent(from)}`, { token: auditor });
      expect(before.body.total).toBe(0);
      // Leadership and administrators read it too (the permission model of the other audit routes).
      expect((await h.http('GET', `/audit/security-events?userId=${u.id}`, { token: admin })).body.total).toBe(3);
    });

    it('refuses a role without the permission, and a bad filter naming it', async () => {
      for (const path of ['/audit/security-events', '/audit/admin-events']) {
        const res = await h.http('GET', path, { token: officer });
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'FORBIDDEN_ROLE' });
        expectUnauthenticated(await h.http('GET', path));
      }
      const badKind = await h.http('GET', '/audit/security-events?kind=login.maybe', { token: auditor });
      expect({ status: badKind.status, fields: badKind.body.details.map((d: any) => d.field) }).toEqual({ status: 400, fields: ['kind'] });
      const badFrom = await h.http('GET', '/audit/admin-events?from=yesterday', { token: auditor });
      expect({ status: badFrom.status, fields: badFrom.body.details.map((d: any) => d.field) }).toEqual({ status: 400, fields: ['from'] });
    });
  });
});
