import { formatAgo } from '@berth/api';
import type { TokenSummary } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { KeyRound, Plus, Trash2 } from 'lucide-react';
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
import { tokensQueryOptions } from '../api/tokens';
import { CreateTokenDialog } from '../components/create-token-dialog';
import { RevokeTokenDialog } from '../components/revoke-token-dialog';

function Time({ ms, now }: { ms: number | null; now: number }) {
  if (ms === null) return <span className="text-faint">Never</span>;
  const date = new Date(ms);
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString()} className="text-muted">
      {formatAgo(ms, now)}
    </time>
  );
}

export function TokensRoute() {
  useDocumentTitle('API tokens');
  const me = useMe();
  const now = useNow(30_000);
  const query = useQuery(tokensQueryOptions());
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TokenSummary | null>(null);
  const isAdmin = me?.role === 'admin';

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (query.data ?? []).filter(
      (token) =>
        !needle ||
        token.name.toLowerCase().includes(needle) ||
        token.owner.toLowerCase().includes(needle),
    );
  }, [query.data, filter]);

  const columns: Column<TokenSummary>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (token) => <span className="font-medium text-fg">{token.name}</span>,
    },
    { key: 'role', header: 'Role', cell: (token) => <RoleBadge role={token.role} /> },
    ...(isAdmin
      ? [
          {
            key: 'owner',
            header: 'Owner',
            cell: (token: TokenSummary) => <span className="text-muted">{token.owner}</span>,
          },
        ]
      : []),
    {
      key: 'created',
      header: 'Created',
      cell: (token) => <Time ms={token.createdAt} now={now} />,
    },
    {
      key: 'used',
      header: 'Last used',
      cell: (token) => <Time ms={token.lastUsedAt} now={now} />,
    },
    {
      key: 'actions',
      header: 'Actions',
      className: 'w-0 text-right',
      cell: (token) => (
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Revoke ${token.name}`}
          className="text-danger hover:text-danger"
          icon={<Trash2 className="size-3.5" aria-hidden />}
          onClick={() => setRevoking(token)}
        >
          Revoke
        </Button>
      ),
    },
  ];

  return (
    <>
      <ListPage
        title="API tokens"
        noun="tokens"
        description={
          isAdmin
            ? 'Tokens let scripts call Berth as a user. As an admin you see everyone’s tokens and can revoke any of them.'
            : 'Tokens let your scripts call Berth as you, with at most your role.'
        }
        query={query}
        filter={filter}
        onFilter={setFilter}
        visibleCount={rows.length}
        actions={
          <Button
            variant="primary"
            size="sm"
            icon={<Plus className="size-3.5" aria-hidden />}
            onClick={() => setCreating(true)}
          >
            Create token
          </Button>
        }
        empty={
          <EmptyState icon={<KeyRound className="size-8" aria-hidden />} title="No API tokens">
            Create one for a script or CI job; it sends the token as{' '}
            <code className="font-mono text-[12px]">Authorization: Bearer …</code>.
          </EmptyState>
        }
      >
        <SimpleTable
          label="API tokens"
          columns={columns}
          rows={rows}
          rowKey={(t) => String(t.id)}
        />
      </ListPage>
      {me && (
        <CreateTokenDialog open={creating} onClose={() => setCreating(false)} myRole={me.role} />
      )}
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
