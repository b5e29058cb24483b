import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Link, Outlet, useRouter } from '@tanstack/react-router';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';

export interface RouterContext {
  queryClient: QueryClient;
}

function NotFound() {
  return (
    <EmptyState title="Page not found">
      <Link to="/" className="text-accent-text underline">
        Go to the dashboard
      </Link>
    </EmptyState>
  );
}

/** A guard could not ask the gateway (it is down), or a page's code failed to load: say so. */
function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <div className="mx-auto max-w-xl pt-[15vh]">
      <ErrorState
        title="Berth could not load this page"
        message={error instanceof Error ? error.message : String(error)}
        onRetry={() => void router.invalidate()}
      />
    </div>
  );
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: RouteError,
});
