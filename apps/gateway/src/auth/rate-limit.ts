/**
 * Failed-login limiter, per IP and per user name: after `max` failures inside `windowMs` the key
 * is locked until the oldest failure leaves the window. Successful logins clear the user's count.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds until the key may try again, or 0. */
  retryAfter(keys: readonly string[], now = Date.now()): number {
    let wait = 0;
    for (const key of keys) {
      const times = this.prune(key, now);
      if (times.length >= this.max) wait = Math.max(wait, (times[0] ?? now) + this.windowMs - now);
    }
    return wait;
  }

  fail(keys: readonly string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.prune(key, now), now]);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private prune(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }
}
