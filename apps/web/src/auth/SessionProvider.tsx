import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, bindApiSession, unwrap } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { readSession, writeSession, type StoredSession } from './session-store';

interface LoginAnswer {
  accessToken: string;
  expiresIn: number;
  user: StoredSession['user'];
  mustChangePassword: boolean;
}

interface Session {
  session: StoredSession | null;
  /** Set when a call found the session over (expired, revoked): the login page says so. */
  expiredNotice: boolean;
  /** Signs in; `zone` is the 园区 chosen on the login page (sent only when there were several), `homeZone` the zone signed in to. */
  login(username: string, password: string, zone?: { zone?: string; homeZone?: string | null }): Promise<StoredSession>;
  /** A city role (市领导) reads another zone: every read then carries X-ZS-Zone (null: back to the home zone). */
  viewZone(code: string | null): void;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

function toSession(answer: LoginAnswer, zone: string | null): StoredSession {
  return { token: answer.accessToken, expiresAt: Date.now() + answer.expiresIn * 1000, user: answer.user, mustChangePassword: answer.mustChangePassword, zone, viewedZone: null };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const [session, setSession] = useState<StoredSession | null>(() => readSession());
  const [expiredNotice, setExpiredNotice] = useState(false);
  const current = useRef(session);
  const localeRef = useRef(locale);
  current.current = session;
  localeRef.current = locale;

  const replace = useCallback((next: StoredSession | null) => {
    writeSession(next);
    current.current = next;
    setSession(next);
  }, []);

  useEffect(() => {
    bindApiSession({
      token: () => current.current?.token ?? null,
      locale: () => localeRef.current,
      role: () => current.current?.user.role ?? null,
      homeZone: () => current.current?.zone ?? null,
      viewedZone: () => current.current?.viewedZone ?? null,
      expired: () => {
        if (!current.current) return;
        setExpiredNotice(true);
        replace(null);
      },
    });
  }, [replace]);

  const login = useCallback(
    async (username: string, password: string, zone?: { zone?: string; homeZone?: string | null }) => {
      const body = zone?.zone ? { username, password, zone: zone.zone } : { username, password };
      const answer = await unwrap(api.POST('/auth/login', { body }));
      const next = toSession(answer as LoginAnswer, zone?.zone ?? zone?.homeZone ?? null);
      setExpiredNotice(false);
      replace(next);
      return next;
    },
    [replace],
  );

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      const answer = await unwrap(api.POST('/auth/password', { body: { currentPassword, newPassword } }));
      // The new token is of the same zone; a city role keeps the zone it was viewing.
      replace({ ...toSession(answer as LoginAnswer, current.current?.zone ?? null), viewedZone: current.current?.viewedZone ?? null });
    },
    [replace],
  );

  const viewZone = useCallback(
    (code: string | null) => {
      const now = current.current;
      if (!now) return;
      const viewed = code && code !== now.zone ? code : null;
      if ((now.viewedZone ?? null) === viewed) return;
      replace({ ...now, viewedZone: viewed });
    },
    [replace],
  );

  const logout = useCallback(async () => {
    try {
      await unwrap(api.POST('/auth/logout'));
    } finally {
      replace(null);
    }
  }, [replace]);

  const value = useMemo<Session>(
    () => ({ session, expiredNotice, login, viewZone, changePassword, logout }),
    [session, expiredNotice, login, viewZone, changePassword, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user (pages below the layout only render with a session). */
export function useUser(): StoredSession['user'] {
  const { session } = useSession();
  if (!session) throw new Error('useUser without a session');
  return session.user;
}
