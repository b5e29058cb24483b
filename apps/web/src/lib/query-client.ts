// Errors become toasts in exactly one place: the caches' onError, driven by `meta`. A 401 (the
// session expired or was revoked) is handled here too, once for the whole app.
import { gatewayKeys, isEngineError } from '@berth/api';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { toast } from 'sonner';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /** When set, a failed fetch also raises a toast with this title (panels show errors inline). */
      errorTitle?: string;
    };
    mutationMeta: {
      /** Toast title on failure; the engine's message is the description. */
      errorTitle?: string;
      /** Set false when the caller reports failures itself (bulk actions list them per item). */
      toastOnError?: boolean;
      /** Query-key prefixes to invalidate when the mutation settles, success or not. */
      invalidates?: QueryKey[];
      /**
       * Set false for the login form itself: its 401 means a wrong password, not a lost session.
       */
      redirectOnUnauthorized?: boolean;
    };
  }
}

function isHopeless(error: unknown): boolean {
  if (!isEngineError(error)) return false;
  return error.status === 0 || error.status === 502 || (error.status >= 400 && error.status < 500);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isUnauthorized(error: unknown): boolean {
  return isEngineError(error) && error.status === 401;
}

export interface QueryClientOptions {
  /**
   * Called on any 401 (the session expired or was revoked, or Berth lost its admin): the app
   * sends the user to the login page, keeping where they were.
   */
  onUnauthorized?: () => void;
}

export function createQueryClient({ onUnauthorized }: QueryClientOptions = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthorized(error)) {
          onUnauthorized?.();
          return;
        }
        // A 502 means the engine went away: ask the gateway now so the banner shows without delay.
        if (isEngineError(error) && error.status === 502) {
          void client.invalidateQueries({ queryKey: gatewayKeys.endpoints() });
        }
        if (query.meta?.errorTitle) {
          toast.error(query.meta.errorTitle, { description: messageOf(error) });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isUnauthorized(error) && mutation.meta?.redirectOnUnauthorized !== false) {
          // The login page says why; a toast saying "Log in first." would only repeat it.
          onUnauthorized?.();
          return;
        }
        if (mutation.meta?.toastOnError === false) return;
        toast.error(mutation.meta?.errorTitle ?? 'Action failed', {
          description: messageOf(error),
        });
      },
      onSettled: (_data, _error, _variables, _context, mutation) => {
        const keys = mutation.meta?.invalidates ?? [];
        return Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // Client errors (404 no such container) won't fix themselves, and an unreachable engine
        // (502) or gateway (0) is the banner's job: show the error at once, retry the rest.
        retry: (failureCount, error) => failureCount < 2 && !isHopeless(error),
      },
    },
  });
  return client;
}
