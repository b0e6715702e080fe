import { api, unwrap } from '../api/client';
import { useRemote } from '../components/use-remote';
import type { ZoneOption } from '../logic/zones';

let cached: Promise<ZoneOption[]> | null = null;

/** GET /zones (public): the zones this deployment serves, the default first. Read once per page load; a failure is read again next time. */
export function loadZones(): Promise<ZoneOption[]> {
  cached ??= unwrap(api.GET('/zones')).then(
    (answer) => answer.zones.map(({ code, name }) => ({ code, name })),
    (err: unknown) => {
      cached = null;
      throw err;
    },
  );
  return cached;
}

/** The zones served here (issue 12): undefined while unknown or when they could not be read. */
export function useZones(): { zones: ZoneOption[] | undefined; loading: boolean; error: unknown } {
  const remote = useRemote(loadZones, 'zones');
  return { zones: remote.data, loading: remote.loading, error: remote.error };
}
