import type { ZoneContext } from './zone-context';

/**
 * One object standing for one per-zone object each (a pool, a Temporal client): every property
 * read is answered by the current zone's, methods bound to it, so services injected once act in
 * the zone of whichever request calls them and cannot hold another zone's handle by mistake.
 */
export function zoneRouted<T extends object>(context: ZoneContext, perZone: ReadonlyMap<string, T>): T {
  const target = (): T => {
    const zone = context.current();
    const found = perZone.get(zone.code);
    if (!found) throw new Error(`zone ${zone.code} has no ${perZone.size ? 'instance' : 'instances at all'}`);
    return found;
  };
  return new Proxy({} as T, {
    get(_empty, property) {
      const instance = target();
      const value = Reflect.get(instance, property, instance) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(instance) : value;
    },
    has: (_empty, property) => Reflect.has(target(), property),
    set: () => false,
  });
}
