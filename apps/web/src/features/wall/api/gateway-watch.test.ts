import { describe, expect, it, vi } from 'vitest';
import { GatewayWatch } from './gateway-watch';

function harness(answers: Array<string | Error>) {
  const timers: Array<{ run: () => void; ms: number }> = [];
  const states: string[] = [];
  const reload = vi.fn();
  const watch = new GatewayWatch({
    getVersion: () => {
      const next = answers.shift() ?? new Error('no more answers');
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    reload,
    onState: (state) => states.push(state),
    intervalMs: 15_000,
    backoffMs: [1000, 2000, 5000],
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => undefined,
  });
  const tick = async () => {
    const timer = timers.shift();
    timer?.run();
    await Promise.resolve();
    await Promise.resolve();
    return timer?.ms;
  };
  return { watch, timers, states, reload, tick };
}

describe('GatewayWatch', () => {
  it('backs off while the gateway is gone, says so, and recovers without reloading', async () => {
    const down = new Error('down');
    const h = harness(['1.0.0', down, down, down, down, '1.0.0']);
    h.watch.start();
    await Promise.resolve();
    await Promise.resolve();
    expect(h.timers[0]?.ms).toBe(15_000);
    expect(await h.tick()).toBe(15_000);
    expect(h.states).toEqual(['reconnecting']);
    // waits grow, then the last step repeats forever
    expect(h.timers[0]?.ms).toBe(1000);
    await h.tick();
    expect(h.timers[0]?.ms).toBe(2000);
    await h.tick();
    expect(h.timers[0]?.ms).toBe(5000);
    await h.tick();
    expect(h.timers[0]?.ms).toBe(5000);
    await h.tick();
    expect(h.states).toEqual(['reconnecting', 'online']);
    expect(h.reload).not.toHaveBeenCalled();
    expect(h.timers[0]?.ms).toBe(15_000);
  });

  it('reloads when the gateway comes back as another version', async () => {
    const h = harness(['1.0.0', new Error('restarting'), '1.1.0']);
    h.watch.start();
    await Promise.resolve();
    await Promise.resolve();
    await h.tick();
    await h.tick();
    expect(h.reload).toHaveBeenCalledTimes(1);
  });
});
