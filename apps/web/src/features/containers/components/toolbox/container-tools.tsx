import type { ContainerInspect } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { Copy, Download, GitCommitHorizontal, Gauge } from 'lucide-react';
import { useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { useEnginePermission } from '@/hooks/use-me';
import { exportUrl } from '../../api/toolbox';
import { CommitDialog } from './commit-dialog';
import { UpdateResourcesDialog } from './update-resources-dialog';

/** Duplicate/edit, live resource update, commit and export, each shown when the role allows. */
export function ContainerTools({
  endpointId,
  inspect,
}: {
  endpointId: string;
  inspect: ContainerInspect;
}) {
  const can = useEnginePermission();
  const [dialog, setDialog] = useState<'update' | 'commit' | null>(null);
  const canCreate = can('POST', '/containers/create').allowed;
  const canUpdate = can('POST', `/containers/${inspect.Id}/update`).allowed;
  const canCommit = can('POST', '/commit').allowed;
  const canExport = can('GET', `/containers/${inspect.Id}/export`).allowed;
  return (
    <div
      role="toolbar"
      aria-label="Container tools"
      className="flex flex-wrap items-center gap-1.5"
    >
      {canCreate && (
        <Link
          to="/endpoints/$endpointId/containers/new"
          params={{ endpointId }}
          search={{ from: inspect.Id }}
          className={buttonClasses('secondary', 'sm')}
        >
          <Copy className="size-3.5" aria-hidden />
          Duplicate/Edit
        </Link>
      )}
      {canUpdate && (
        <Button
          size="sm"
          icon={<Gauge className="size-3.5" aria-hidden />}
          onClick={() => setDialog('update')}
        >
          Update resources
        </Button>
      )}
      {canCommit && (
        <Button
          size="sm"
          icon={<GitCommitHorizontal className="size-3.5" aria-hidden />}
          onClick={() => setDialog('commit')}
        >
          Commit
        </Button>
      )}
      {canExport && (
        <a
          href={exportUrl(endpointId, inspect.Id)}
          download={`${inspect.Name.replace(/^\//, '')}.tar`}
          className={buttonClasses('secondary', 'sm')}
        >
          <Download className="size-3.5" aria-hidden />
          Export
        </a>
      )}
      {dialog === 'update' && (
        <UpdateResourcesDialog
          endpointId={endpointId}
          inspect={inspect}
          open
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'commit' && (
        <CommitDialog
          endpointId={endpointId}
          containerId={inspect.Id}
          open
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
