/**
 * The signed-in session, kept in sessionStorage: it ends with the browser tab (a shared office
 * computer keeps no token once closed) and survives a reload of the page.
 */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  /** The account's department by name (service requests name departments so); absent in a session stored before it was sent. */
  departmentName?: string | null;
}

export interface StoredSession {
  token: string;
  expiresAt: number;
  user: SessionUser;
  mustChangePassword: boolean;
  /** The zone the user signed in to (issue 12), by code; absent in a session stored before, or when the zones were not known. */
  zone?: string | null;
  /** For a city role (市领导): the zone chosen in 查看园区, whose data every read shows; null or absent: the home zone. */
  viewedZone?: string | null;
}

const KEY = 'zs.session';

export function readSession(now: number = Date.now()): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as StoredSession;
    return session.expiresAt > now ? session : null;
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}
