import { ROLES } from '@berth/api';
import type { Role, UserSummary } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Select } from '@/components/ui/input';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { SkeletonRows } from '@/components/ui/skeleton';
import { endpointsQueryOptions } from '@/lib/queries';
import { grantKeys, grantsQueryOptions, putGrants } from '../api/endpoint-grants';
import type { EndpointGrant } from '../api/endpoint-grants';

/**
 * Which endpoints a user may reach, and with which role on each. No grants at all means every
 * endpoint with the user's own role; any grant limits them to the granted endpoints.
 */
export function EndpointAccessDialog({
  user,
  onClose,
}: {
  user: UserSummary | null;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={user !== null}
      onClose={onClose}
      title={`Endpoint access of ${user?.username}`}
      className="max-w-lg"
    >
      {user && <AccessForm user={user} onDone={onClose} />}
    </Dialog>
  );
}

type Choice = Role | 'none';

function AccessForm({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const endpoints = useQuery(endpointsQueryOptions());
  const grants = useQuery(grantsQueryOptions(user.id));
  if (endpoints.isError || grants.isError) {
    const error = endpoints.error ?? grants.error;
    return (
      <ErrorState
        title="Could not read the endpoint access"
        message={error?.message ?? ''}
        onRetry={() => {
          void endpoints.refetch();
          void grants.refetch();
        }}
      />
    );
  }
  if (!endpoints.data || !grants.data) return <SkeletonRows rows={3} label="Loading access" />;
  return (
    <AccessEditor
      user={user}
      endpoints={endpoints.data.map((e) => ({ id: e.id, name: e.name }))}
      initial={grants.data.grants}
      onDone={onDone}
    />
  );
}

function AccessEditor({
  user,
  endpoints,
  initial,
  onDone,
}: {
  user: UserSummary;
  endpoints: Array<{ id: string; name: string }>;
  initial: EndpointGrant[];
  onDone: () => void;
}) {
  const [limited, setLimited] = useState(initial.length > 0);
  const [roles, setRoles] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(
      endpoints.map((e) => [e.id, initial.find((g) => g.endpoint === e.id)?.role ?? 'none']),
    ),
  );
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (grants: EndpointGrant[]) => putGrants(user.id, grants),
    meta: { toastOnError: false, invalidates: [grantKeys.user(user.id)] },
    onSuccess: onDone,
  });

  function submit() {
    const grants: EndpointGrant[] = limited
      ? Object.entries(roles)
          .filter((entry): entry is [string, Role] => entry[1] !== 'none')
          .map(([endpoint, role]) => ({ endpoint, role }))
      : [];
    if (limited && grants.length === 0) {
      setError('Give a role on at least one endpoint, or choose "Every endpoint".');
      return;
    }
    setError(null);
    save.mutate(grants);
  }

  const columns: Column<{ id: string; name: string }>[] = [
    { key: 'endpoint', header: 'Endpoint', cellClassName: 'text-fg', cell: (e) => e.name },
    {
      key: 'role',
      header: 'Role',
      className: 'w-40',
      cell: (e) => (
        <Select
          aria-label={`Role on ${e.name}`}
          value={roles[e.id] ?? 'none'}
          className="w-full"
          onChange={(event) =>
            setRoles((current) => ({ ...current, [e.id]: event.target.value as Choice }))
          }
        >
          <option value="none">No access</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </Select>
      ),
    },
  ];

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <fieldset className="flex flex-col gap-1.5 text-[13px]">
        <legend className="sr-only">Scope</legend>
        <label className="flex items-start gap-2.5">
          <input
            type="radio"
            name="scope"
            className="mt-[3px] accent-[var(--berth-accent)]"
            checked={!limited}
            onChange={() => setLimited(false)}
          />
          <span>
            <span className="text-fg">Every endpoint</span>
            <span className="block text-[12px] text-muted">
              With their own role ({user.role}), on engines added later too.
            </span>
          </span>
        </label>
        <label className="flex items-start gap-2.5">
          <input
            type="radio"
            name="scope"
            className="mt-[3px] accent-[var(--berth-accent)]"
            checked={limited}
            onChange={() => setLimited(true)}
          />
          <span>
            <span className="text-fg">Only some endpoints</span>
            <span className="block text-[12px] text-muted">
              The others are hidden from them, in the UI and the API alike.
            </span>
          </span>
        </label>
      </fieldset>
      {limited && (
        <SimpleTable
          label="Roles per endpoint"
          density="compact"
          columns={columns}
          rows={endpoints}
          rowKey={(e) => e.id}
        />
      )}
      {error && <InlineAlert>{error}</InlineAlert>}
      {save.isError && <InlineAlert title="Not saved">{save.error.message}</InlineAlert>}
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onDone} disabled={save.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={save.isPending}>
          Save access
        </Button>
      </div>
    </form>
  );
}
