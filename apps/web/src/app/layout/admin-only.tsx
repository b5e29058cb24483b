import { Outlet } from '@tanstack/react-router';
import { Lock } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { useMe } from '@/hooks/use-me';

/** Administration pages; other roles get a clear "not for you" instead of a stream of 403s. */
export function AdminOnly() {
  const me = useMe();
  if (me?.role !== 'admin') {
    return (
      <EmptyState icon={<Lock className="size-8" aria-hidden />} title="Administrators only">
        This page needs the admin role; you are {me?.role ?? 'not logged in'}. Ask an admin if you
        need access.
      </EmptyState>
    );
  }
  return <Outlet />;
}
