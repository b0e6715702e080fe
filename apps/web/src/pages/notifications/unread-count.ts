import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useUser } from '../../auth/SessionProvider';

const REFRESH_MS = 60_000;
const REFRESH_EVENT = 'zs:unread-notifications-changed';

/** Asks every unread count shown (the menu badge) to read again, e.g. after a message was marked read. */
export function refreshUnreadCount(): void {
  window.dispatchEvent(new Event(REFRESH_EVENT));
}

/**
 * How many of the signed-in user's messages are unread (GET /notifications/unread-count), for the
 * menu badge: read on sign-in, every minute, and whenever the 消息 page marks something read.
 * Undefined while unknown (a failed read keeps the last count rather than an error in the menu).
 */
export function useUnreadCount(): number | undefined {
  const user = useUser();
  const [count, setCount] = useState<number | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const read = () =>
      unwrap(api.GET('/notifications/unread-count'))
        .then((answer) => live && setCount(answer.unreadCount))
        .catch(() => undefined);
    void read();
    const timer = window.setInterval(read, REFRESH_MS);
    window.addEventListener(REFRESH_EVENT, read);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener(REFRESH_EVENT, read);
    };
  }, [user.id]);
  return count;
}
