import type { Me } from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouter } from '@tanstack/react-router';
import { ChevronDown, KeyRound, LogOut, UserRound } from 'lucide-react';
import { Menu } from '@/components/ui/menu';
import { RoleBadge } from '@/components/ui/role-badge';
import { useLogout } from '@/features/auth/api/auth-mutations';
import { sendToLogin } from '../auth-redirect';

export function UserMenu({ me }: { me: Me }) {
  const navigate = useNavigate();
  const router = useRouter();
  const queryClient = useQueryClient();
  const logout = useLogout();

  return (
    <Menu
      label={`Account: ${me.username} (${me.role})`}
      trigger={
        <>
          <UserRound className="size-4 text-faint" aria-hidden />
          <span className="max-w-40 truncate font-medium" data-testid="current-user">
            {me.username}
          </span>
          <RoleBadge role={me.role} />
          <ChevronDown className="size-3.5 text-faint" aria-hidden />
        </>
      }
      header={
        <>
          <span className="block text-faint">Logged in as</span>
          <span className="block truncate font-medium text-fg">{me.username}</span>
        </>
      }
      items={[
        {
          label: 'API tokens',
          icon: <KeyRound />,
          onSelect: () => void navigate({ to: '/tokens' }),
        },
        {
          label: 'Log out',
          icon: <LogOut />,
          onSelect: () =>
            logout.mutate(undefined, {
              onSuccess: (answer) => {
                // Signed in through the identity provider: end its session too, which then
                // sends the browser back to Berth's login page.
                if (answer?.endSessionUrl) {
                  queryClient.clear();
                  window.location.assign(answer.endSessionUrl);
                  return;
                }
                void sendToLogin(router, queryClient, { keepLocation: false });
              },
            }),
        },
      ]}
    />
  );
}
