import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` (a second by default) while the component is
 * shown: what live countdowns render from. One timer per component; it stops on unmount.
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
