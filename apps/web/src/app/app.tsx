import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { createQueryClient } from '@/lib/query-client';
import { sendToLogin } from './auth-redirect';
import { AppProvider } from './provider';
import { createAppRouter } from './router';
import type { AppRouter } from './router';

/** The query client sends 401s to the login page, so it needs the router made from it. */
function createClientAndRouter(): { queryClient: QueryClient; router: AppRouter } {
  const queryClient = createQueryClient({
    // Only ever called after a request, by which time the router below exists.
    onUnauthorized: () => void sendToLogin(router, queryClient, { reason: 'expired' }),
  });
  const router = createAppRouter(queryClient);
  return { queryClient, router };
}

export function App() {
  const [{ queryClient, router }] = useState(createClientAndRouter);
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
