// Token buckets for socket events: a burst is allowed, a sustained flood is refused
// with an error ack ("rate_limited") instead of reaching the database.

export interface BucketOptions {
  /** Most events allowed at once (the burst). */
  capacity: number;
  /** Tokens added back per second (the sustained rate). */
  refillPerSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly opts: BucketOptions,
    private readonly clock: () => number = () => performance.now(),
  ) {
    if (!(opts.capacity >= 1) || !(opts.refillPerSecond > 0)) throw new RangeError("a bucket needs capacity >= 1 and a positive refill rate");
    this.tokens = opts.capacity;
    this.last = clock();
  }

  /** Takes `cost` tokens if there are enough; false (and nothing taken) otherwise. */
  take(cost = 1): boolean {
    const now = this.clock();
    // a clock that goes backwards must not mint tokens
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = Math.max(this.last, now);
    this.tokens = Math.min(this.opts.capacity, this.tokens + elapsed * this.opts.refillPerSecond);
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}

/** Anything a bucket can belong to; a socket in practice. */
type Owner = object;

export interface SocketRateLimiter {
  /** True if `owner` may send one more event now. */
  take(owner: Owner, cost?: number): boolean;
}

/**
 * One bucket per socket, created on the socket's first event. Buckets live in a
 * WeakMap so a disconnected socket's bucket goes with it: no cleanup to forget.
 */
export function createSocketRateLimiter(opts: BucketOptions, clock?: () => number): SocketRateLimiter {
  const buckets = new WeakMap<Owner, TokenBucket>();
  return {
    take(owner, cost = 1) {
      let bucket = buckets.get(owner);
      if (!bucket) buckets.set(owner, (bucket = new TokenBucket(opts, clock)));
      return bucket.take(cost);
    },
  };
}

/** The limits this server applies; chat and board events add their own here. */
export const SOCKET_LIMITS = {
  /** Every event of a socket together: a flood guard, generous for a busy page. */
  anyEvent: { capacity: 60, refillPerSecond: 20 },
  /** Joining and leaving rooms costs a membership query each. */
  rooms: { capacity: 30, refillPerSecond: 3 },
  /** Chat rooms: a page joins its channel, a sidebar watches all of them at once. */
  chatRooms: { capacity: 30, refillPerSecond: 5 },
  /** "Someone is typing": the client repeats it every few seconds at most. */
  chatTyping: { capacity: 5, refillPerSecond: 1 },
  /** Edits, reactions, read markers, syncs, presence: a reconnect syncs several channels at once. */
  chatEdits: { capacity: 40, refillPerSecond: 10 },
} satisfies Record<string, BucketOptions>;
