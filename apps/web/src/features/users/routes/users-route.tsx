import { formatAgo } from '@berth/api';
import type { UserSummary } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Ban, CircleCheck, KeyRound, Server, Shield, Trash2, UserPlus, Users } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { RoleBadge } from '@/components/ui/role-badge';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/hooks/use-me';
import { useNow } from '@/hooks/use-now';
import { usersQueryOptions } from '@/lib/queries';
import { useUpdateUser } from '../api/users';
import { AddUserDialog } from '../components/add-user-dialog';
import { ChangeRoleDialog } from '../components/change-role-dialog';
import { DeleteUserDialog } from '../components/delete-user-dialog';
import { EndpointAccessDialog } from '../components/endpoint-access-dialog';
import { ResetPasswordDialog } from '../components/reset-password-dialog';

function StatusPill({ disabled }: { disabled: boolean }) {
  return disabled ? (
    <span className="inline-flex h-5 items-center rounded-full bg-red-500/10 px-2 text-[12px] font-medium text-red-700 dark:text-red-400">
      Disabled
    </span>
  ) : (
    <span className="inline-flex h-5 items-center rounded-full bg-emerald-500/10 px-2 text-[12px] font-medium text-emerald-700 dark:text-emerald-400">
      Active
    </span>
  );
}

function Time({ ms, now }: { ms: number | null; now: number }) {
  if (ms === null) return <span className="text-faint">Never</span>;
  const date = new Date(ms);
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString()} className="text-muted">
      {formatAgo(ms, now)}
    </time>
  );
}

function ToggleDisabled({ user, isSelf }: { user: UserSummary; isSelf: boolean }) {
  const update = useUpdateUser(user);
  const verb = user.disabled ? 'Enable' : 'Disable';
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={`${verb} ${user.username}`}
      title={isSelf ? 'You cannot disable your own account' : undefined}
      disabled={isSelf && !user.disabled}
      loading={update.isPending}
      icon={
        user.disabled ? (
          <CircleCheck className="size-3.5" aria-hidden />
        ) : (
          <Ban className="size-3.5" aria-hidden />
        )
      }
      onClick={() => update.mutate({ disabled: !user.disabled })}
    >
      {verb}
    </Button>
  );
}

export function UsersRoute() {
  useDocumentTitle('Users');
  const me = useMe();
  const now = useNow(30_000);
  const query = useQuery(usersQueryOptions());
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(false);
  const [roleFor, setRoleFor] = useState<UserSummary | null>(null);
  const [passwordFor, setPasswordFor] = useState<UserSummary | null>(null);
  const [deleting, setDeleting] = useState<UserSummary | null>(null);
  const [accessFor, setAccessFor] = useState<UserSummary | null>(null);

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (query.data ?? [])
      .filter((user) => !needle || user.username.toLowerCase().includes(needle))
      .sort((a, b) => a.username.localeCompare(b.username));
  }, [query.data, filter]);

  const columns: Column<UserSummary>[] = [
    {
      key: 'name',
      header: 'User',
      cell: (user) => (
        <span className="font-medium text-fg">
          {user.username}
          {user.id === me?.id && <span className="ml-1.5 text-[12px] text-faint">(you)</span>}
          {user.source && user.source !== 'local' && (
            <span className="ml-1.5 text-[12px] font-normal text-muted">
              {user.source === 'oidc' ? '(single sign-on)' : '(proxy)'}
            </span>
          )}
        </span>
      ),
    },
    { key: 'role', header: 'Role', cell: (user) => <RoleBadge role={user.role} /> },
    { key: 'status', header: 'Status', cell: (user) => <StatusPill disabled={user.disabled} /> },
    { key: 'created', header: 'Created', cell: (user) => <Time ms={user.createdAt} now={now} /> },
    {
      key: 'login',
      header: 'Last login',
      cell: (user) => <Time ms={user.lastLoginAt} now={now} />,
    },
    {
      key: 'actions',
      header: 'Actions',
      className: 'w-0 whitespace-nowrap',
      cell: (user) => {
        const isSelf = user.id === me?.id;
        return (
          <div className="flex items-center justify-end gap-1">
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Change the role of ${user.username}`}
              icon={<Shield className="size-3.5" aria-hidden />}
              onClick={() => setRoleFor(user)}
            >
              Role
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Endpoint access of ${user.username}`}
              icon={<Server className="size-3.5" aria-hidden />}
              onClick={() => setAccessFor(user)}
            >
              Endpoints
            </Button>
            {/* Single sign-on users have no Berth password (their role comes from their groups). */}
            {(user.source ?? 'local') === 'local' && (
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Set a new password for ${user.username}`}
                icon={<KeyRound className="size-3.5" aria-hidden />}
                onClick={() => setPasswordFor(user)}
              >
                Password
              </Button>
            )}
            <ToggleDisabled user={user} isSelf={isSelf} />
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Delete ${user.username}`}
              title={isSelf ? 'You cannot delete your own account' : undefined}
              disabled={isSelf}
              className="text-danger hover:text-danger"
              icon={<Trash2 className="size-3.5" aria-hidden />}
              onClick={() => setDeleting(user)}
            >
              Delete
            </Button>
          </div>
        );
      },
    },
  ];

  return (
    <>
      <ListPage
        title="Users"
        noun="users"
        description="Who may log in, and what their role lets them do. Roles are enforced by the gateway on every request."
        query={query}
        filter={filter}
        onFilter={setFilter}
        visibleCount={rows.length}
        actions={
          <Button
            variant="primary"
            size="sm"
            icon={<UserPlus className="size-3.5" aria-hidden />}
            onClick={() => setAdding(true)}
          >
            Add user
          </Button>
        }
        empty={
          <EmptyState icon={<Users className="size-8" aria-hidden />} title="No users">
            Add one with the Add user button.
          </EmptyState>
        }
      >
        <SimpleTable label="Users" columns={columns} rows={rows} rowKey={(u) => String(u.id)} />
      </ListPage>
      <AddUserDialog open={adding} onClose={() => setAdding(false)} />
      <ChangeRoleDialog
        user={roleFor}
        isSelf={roleFor?.id === me?.id}
        onClose={() => setRoleFor(null)}
      />
      <ResetPasswordDialog
        user={passwordFor}
        isSelf={passwordFor?.id === me?.id}
        onClose={() => setPasswordFor(null)}
      />
      <DeleteUserDialog user={deleting} onClose={() => setDeleting(null)} />
      <EndpointAccessDialog user={accessFor} onClose={() => setAccessFor(null)} />
    </>
  );
}
