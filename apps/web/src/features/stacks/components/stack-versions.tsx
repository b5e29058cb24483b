import type { StackDetail } from '@berth/api';
import { formatAgo } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { History } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { cn } from '@/lib/cn';
import { lineDiff } from '../api/line-diff';
import { stackVersionQueryOptions } from '../api/stacks-api';
import type { useDeploy } from '../api/use-deploy';

/** Every deployed version (who, when, what file) with a rollback to any earlier one. */
export function StackVersions({
  endpointId,
  stack,
  deploy,
  canDeploy,
}: {
  endpointId: string;
  stack: StackDetail;
  deploy: ReturnType<typeof useDeploy>;
  canDeploy: boolean;
}) {
  const [open, setOpen] = useState<number | null>(null);
  const current = stack.versions[0]?.version;
  if (!stack.versions.length)
    return (
      <p className="text-[12.5px] text-muted">
        Berth keeps no file for this stack: it was made elsewhere. Adopt it to keep versions here.
      </p>
    );
  return (
    <>
      <ol
        aria-label="Versions"
        className="flex flex-col divide-y divide-line rounded-md border border-line"
      >
        {stack.versions.map((version) => (
          <li
            key={version.version}
            className="flex items-center gap-3 px-3 py-2 text-[12.5px]"
            data-version={version.version}
          >
            <History className="size-3.5 text-faint" aria-hidden />
            <span className="font-medium text-fg">Version {version.version}</span>
            {version.version === current && (
              <span className="rounded bg-accent-soft px-1.5 text-[11px] text-accent-text">
                current
              </span>
            )}
            <span className="text-muted">
              {version.username ?? 'someone'} · {formatAgo(version.createdAt)}
              {version.note ? ` · ${version.note}` : ''}
            </span>
            <span className="ml-auto flex gap-2">
              <Button size="sm" onClick={() => setOpen(version.version)}>
                View
              </Button>
              {canDeploy && version.version !== current && (
                <Button
                  size="sm"
                  disabled={deploy.state.phase === 'running'}
                  onClick={() =>
                    void deploy.start({
                      method: 'POST',
                      path: `/${encodeURIComponent(stack.name)}/rollback`,
                      body: { version: version.version },
                    })
                  }
                >
                  Roll back to {version.version}
                </Button>
              )}
            </span>
          </li>
        ))}
      </ol>
      {open !== null && (
        <VersionDialog
          endpointId={endpointId}
          stack={stack}
          version={open}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}

function VersionDialog({
  endpointId,
  stack,
  version,
  onClose,
}: {
  endpointId: string;
  stack: StackDetail;
  version: number;
  onClose: () => void;
}) {
  const query = useQuery(stackVersionQueryOptions(endpointId, stack.name, version));
  const lines = query.data && stack.file ? lineDiff(query.data.compose, stack.file.compose) : [];
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Version ${version} of ${stack.name}`}
      className="max-w-3xl"
    >
      {query.isError ? (
        <p className="text-danger">{query.error.message}</p>
      ) : !query.data ? (
        <p className="text-muted">Loading…</p>
      ) : (
        <>
          <p className="mb-2 text-[12.5px] text-muted">
            Against the current version: lines marked − are in version {version} only, + in the
            current one only.
          </p>
          <pre className="max-h-[60vh] overflow-auto rounded-md border border-line bg-subtle py-1 font-mono text-[11.5px]">
            {lines.map((line, index) => (
              <div
                key={index}
                data-diff={line.kind}
                className={cn(
                  'px-2 whitespace-pre',
                  line.kind === 'added' && 'bg-emerald-500/15',
                  line.kind === 'removed' && 'bg-danger-soft',
                  line.kind === 'same' && 'text-muted',
                )}
              >
                {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
                {line.text}
              </div>
            ))}
          </pre>
        </>
      )}
    </Dialog>
  );
}
