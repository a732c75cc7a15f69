/**
 * The rate-limit policy every channel uses: at most `perMinute` events per key in any sliding minute.
 * Keys are kept in order of last use and the least recently used go first when there are more than
 * `maxKeys` (a flood of invented keys evicts old entries; it never resets everyone's count).
 * Per process: several replicas each count their own.
 */
export function createRateLimiter(options: { perMinute: number; maxKeys?: number; windowMs?: number }) {
  const windowMs = options.windowMs ?? 60_000;
  const maxKeys = options.maxKeys ?? 20_000;
  const hits = new Map<string, number[]>();

  /** Records one event for each key unless one of them is over its limit; returns the seconds to wait (0: go ahead). */
  return function hit(keys: string | string[], now = Date.now()): number {
    const list = Array.isArray(keys) ? keys : [keys];
    const recents = list.map((key) => (hits.get(key) ?? []).filter((t) => now - t < windowMs));
    const wait = Math.max(0, ...recents.map((recent) => (recent.length >= options.perMinute ? Math.ceil((windowMs - (now - recent[0]!)) / 1000) : 0)));
    list.forEach((key, i) => {
      const recent = recents[i]!;
      if (wait === 0) recent.push(now);
      hits.delete(key); // re-inserted last: the Map's order is the order of use
      hits.set(key, recent);
    });
    while (hits.size > maxKeys) hits.delete(hits.keys().next().value!);
    return wait;
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
