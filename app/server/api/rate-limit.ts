// Requests per token, as a token bucket held in this process's memory: a burst
// of `requests`, refilled evenly over `windowSeconds`. Several processes each
// enforce their own bucket (docs/decisions/011-integration-api-tokens-and-rate-limit.md).

export interface RateLimitOptions {
  requests: number;
  windowSeconds: number;
  now?: () => number;
}

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

// buckets of tokens idle this long are full again: forgetting them changes nothing
const FORGET_AFTER_WINDOWS = 2;

export function createRateLimiter({ requests, windowSeconds, now = Date.now }: RateLimitOptions) {
  const perMs = requests / (windowSeconds * 1000);
  const buckets = new Map<string, { level: number; at: number }>();

  function sweep(t: number) {
    for (const [key, b] of buckets) if (t - b.at > windowSeconds * 1000 * FORGET_AFTER_WINDOWS) buckets.delete(key);
  }

  return {
    take(key: string): RateDecision {
      const t = now();
      if (buckets.size > 10_000) sweep(t);
      const b = buckets.get(key) ?? { level: requests, at: t };
      b.level = Math.min(requests, b.level + (t - b.at) * perMs);
      b.at = t;
      buckets.set(key, b);
      if (b.level >= 1) {
        b.level -= 1;
        return { ok: true, remaining: Math.floor(b.level) };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.level) / perMs / 1000)) };
    },
    /** how many keys are held (tests, metrics) */
    size: () => buckets.size,
  };
}
