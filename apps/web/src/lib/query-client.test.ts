import { EngineError, gatewayKeys } from '@berth/api';
import { MutationObserver, QueryObserver } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from './query-client';

const toastError = vi.hoisted(() => vi.fn());
vi.mock('sonner', () => ({ toast: { error: toastError } }));

beforeEach(() => toastError.mockReset());

describe('createQueryClient', () => {
  it("toasts a failed mutation once, with the engine's message, and invalidates by prefix", async () => {
    const client = createQueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    const observer = new MutationObserver(client, {
      mutationFn: () =>
        Promise.reject(new EngineError(500, 'exec: "/nope": executable file not found')),
      meta: {
        errorTitle: 'Could not start web1',
        invalidates: [['endpoint', 'local', 'containers']],
      },
    });
    await observer.mutate().catch(() => undefined);
    expect(toastError).toHaveBeenCalledExactlyOnceWith('Could not start web1', {
      description: 'exec: "/nope": executable file not found',
    });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['endpoint', 'local', 'containers'] });
  });

  it('stays quiet when the caller reports failures itself', async () => {
    const client = createQueryClient();
    const observer = new MutationObserver(client, {
      mutationFn: () => Promise.reject(new Error('boom')),
      meta: { toastOnError: false },
    });
    await observer.mutate().catch(() => undefined);
    expect(toastError).not.toHaveBeenCalled();
  });

  it('does not toast failed queries (panels show them) but rechecks endpoints on a 502', async () => {
    const client = createQueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    const observer = new QueryObserver(client, {
      queryKey: ['endpoint', 'local', 'system', 'info'],
      queryFn: () => Promise.reject(new EngineError(502, 'Cannot reach the engine')),
      retry: false,
    });
    const unsubscribe = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getCurrentResult().isError).toBe(true));
    unsubscribe();
    expect(toastError).not.toHaveBeenCalled();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: gatewayKeys.endpoints() });
  });

  it('hands every 401 to onUnauthorized once per failure, without a toast', async () => {
    const onUnauthorized = vi.fn();
    const client = createQueryClient({ onUnauthorized });
    const query = new QueryObserver(client, {
      queryKey: ['endpoint', 'local', 'containers'],
      queryFn: () => Promise.reject(new EngineError(401, 'Log in first.')),
    });
    const unsubscribe = query.subscribe(() => {});
    await vi.waitFor(() => expect(query.getCurrentResult().isError).toBe(true));
    unsubscribe();
    expect(onUnauthorized).toHaveBeenCalledOnce();

    const mutation = new MutationObserver(client, {
      mutationFn: () => Promise.reject(new EngineError(401, 'Log in first.')),
      meta: { errorTitle: 'Could not stop web1' },
    });
    await mutation.mutate().catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledTimes(2);
    expect(toastError).not.toHaveBeenCalled();
  });

  it("leaves the login form's own 401 (a wrong password) to the form", async () => {
    const onUnauthorized = vi.fn();
    const client = createQueryClient({ onUnauthorized });
    const mutation = new MutationObserver(client, {
      mutationFn: () => Promise.reject(new EngineError(401, 'Wrong user name or password.')),
      meta: { redirectOnUnauthorized: false, toastOnError: false },
    });
    await mutation.mutate().catch(() => undefined);
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(toastError).not.toHaveBeenCalled();
  });
});
