import { describe, expect, it } from "vitest";
import { createSocketRateLimiter, TokenBucket } from "../../app/server/socket/rate-limit";

function clock(start = 1_000) {
  const c = { t: start, now: () => c.t, advance: (ms: number) => (c.t += ms) };
  return c;
}

describe("TokenBucket", () => {
  const cases: { name: string; capacity: number; refill: number; steps: ({ take: number } | { wait: number })[]; expected: boolean[] }[] = [
    { name: "allows the burst, then refuses", capacity: 3, refill: 1, steps: [{ take: 4 }], expected: [true, true, true, false] },
    { name: "refills at the sustained rate", capacity: 2, refill: 2, steps: [{ take: 2 }, { wait: 500 }, { take: 2 }], expected: [true, true, true, false] },
    { name: "never holds more than its capacity", capacity: 2, refill: 10, steps: [{ wait: 60_000 }, { take: 3 }], expected: [true, true, false] },
    { name: "a partial token is not a token", capacity: 1, refill: 1, steps: [{ take: 1 }, { wait: 999 }, { take: 1 }, { wait: 1 }, { take: 1 }], expected: [true, false, true] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const t = clock();
      const bucket = new TokenBucket({ capacity: c.capacity, refillPerSecond: c.refill }, t.now);
      const got: boolean[] = [];
      for (const s of c.steps) {
        if ("wait" in s) t.advance(s.wait);
        else for (let i = 0; i < s.take; i++) got.push(bucket.take());
      }
      expect(got).toEqual(c.expected);
    });
  }

  it("a refused take costs nothing, and a costly take needs all its tokens", () => {
    const t = clock();
    const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 1 }, t.now);
    expect(bucket.take(4)).toBe(true);
    expect(bucket.take(2)).toBe(false);
    expect(bucket.take(1)).toBe(true);
    expect(bucket.take(1)).toBe(false);
  });

  it("a clock that goes backwards does not mint tokens", () => {
    const t = clock(10_000);
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 1 }, t.now);
    expect(bucket.take()).toBe(true);
    t.advance(-5_000);
    expect(bucket.take()).toBe(false);
    t.advance(5_500);
    expect(bucket.take()).toBe(false);
    t.advance(500);
    expect(bucket.take()).toBe(true);
  });

  it("refuses nonsensical limits", () => {
    expect(() => new TokenBucket({ capacity: 0, refillPerSecond: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ capacity: 1, refillPerSecond: 0 })).toThrow(RangeError);
  });
});

describe("createSocketRateLimiter", () => {
  it("keeps one bucket per socket: one flooding socket does not limit another", () => {
    const t = clock();
    const limiter = createSocketRateLimiter({ capacity: 2, refillPerSecond: 1 }, t.now);
    const noisy = {};
    const quiet = {};
    expect([limiter.take(noisy), limiter.take(noisy), limiter.take(noisy)]).toEqual([true, true, false]);
    expect(limiter.take(quiet)).toBe(true);
    t.advance(1_000);
    expect(limiter.take(noisy)).toBe(true);
  });
});
