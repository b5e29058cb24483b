import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './rate-limit';

describe('LoginLimiter', () => {
  it('locks a key after max failures inside the window and frees it when they age out', () => {
    const limiter = new LoginLimiter(3, 1000);
    limiter.fail(['ip:1', 'user:a'], 0);
    limiter.fail(['ip:1', 'user:a'], 100);
    expect(limiter.retryAfter(['ip:1'], 200)).toBe(0);
    limiter.fail(['ip:1', 'user:a'], 200);
    expect(limiter.retryAfter(['ip:1'], 300)).toBe(700);
    expect(limiter.retryAfter(['user:a', 'ip:2'], 300)).toBe(700);
    expect(limiter.retryAfter(['ip:1'], 1001)).toBe(0);
  });

  it('clears a user after a successful login', () => {
    const limiter = new LoginLimiter(1, 1000);
    limiter.fail(['user:a'], 0);
    limiter.clear('user:a');
    expect(limiter.retryAfter(['user:a'], 10)).toBe(0);
  });
});
