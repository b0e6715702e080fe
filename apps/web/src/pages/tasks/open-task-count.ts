import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useUser } from '../../auth/SessionProvider';
import { PAGE_ROUTES } from '../../app/routes';

const REFRESH_MS = 60_000;
const REFRESH_EVENT = 'zs:open-tasks-changed';

/** Asks every open-task count shown (the menu badge) to read again, e.g. after a step was taken. */
export function refreshOpenTaskCount(): void {
  window.dispatchEvent(new Event(REFRESH_EVENT));
}

/**
 * The number of the signed-in user's open tasks (GET /tasks' total), for the menu badge: read on
 * sign-in, every minute, and whenever a step was taken. Undefined for roles without 我的待办 or
 * while unknown (a failed read keeps the last count rather than showing an error in the menu).
 */
export function useOpenTaskCount(): number | undefined {
  const user = useUser();
  const hasTasks = PAGE_ROUTES.find((r) => r.path === '/tasks')?.allowed?.(user.role) ?? true;
  const [count, setCount] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (!hasTasks) return;
    let live = true;
    const read = () =>
      unwrap(api.GET('/tasks', { params: { query: { page: 1, pageSize: 1 } } }))
        .then((page) => live && setCount(page.total))
        .catch(() => undefined);
    void read();
    const timer = window.setInterval(read, REFRESH_MS);
    window.addEventListener(REFRESH_EVENT, read);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener(REFRESH_EVENT, read);
    };
  }, [hasTasks, user.id]);
  return hasTasks ? count : undefined;
}
