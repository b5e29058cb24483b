import type { ContainerInspect } from '@berth/api';
import { Link } from '@tanstack/react-router';
import { ArrowUpCircle, Copy, Download, GitCommitHorizontal, Gauge } from 'lucide-react';
import { useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { CapabilityNote } from '@/components/ui/capability-note';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useEnginePermission } from '@/hooks/use-me';
import { exportUrl } from '../../api/toolbox';
import { UpgradeDialog } from '../pouch/upgrade-dialog';
import { WaitForExit } from '../wait/wait-for-exit';
import { CommitDialog } from './commit-dialog';
import { UpdateResourcesDialog } from './update-resources-dialog';

/**
 * Duplicate/edit, live resource update, upgrade (PouchContainer), commit and export, each shown
 * when the role allows and the engine offers it.
 */
export function ContainerTools({
  endpointId,
  inspect,
}: {
  endpointId: string;
  inspect: ContainerInspect;
}) {
  const can = useEnginePermission();
  const [dialog, setDialog] = useState<'update' | 'commit' | 'upgrade' | null>(null);
  const canCreate = can('POST', '/containers/create').allowed;
  const canUpdate = can('POST', `/containers/${inspect.Id}/update`).allowed;
  const canCommit = can('POST', '/commit').allowed;
  const engine = useCapabilities(endpointId);
  const mayExport = can('GET', `/containers/${inspect.Id}/export`).allowed;
  const canExport = mayExport && engine.has('export');
  const running = ['running', 'paused', 'restarting'].includes(inspect.State.Status);
  const canWait = can('POST', `/containers/${inspect.Id}/wait`).allowed;
  const canUpgrade =
    engine.has('upgrade') && can('POST', `/containers/${inspect.Id}/upgrade`).allowed;
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
      {canUpgrade && (
        <Button
          size="sm"
          icon={<ArrowUpCircle className="size-3.5" aria-hidden />}
          onClick={() => setDialog('upgrade')}
        >
          Upgrade
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
      {canWait && (
        <WaitForExit
          key={inspect.Id}
          endpointId={endpointId}
          containerId={inspect.Id}
          running={running}
        />
      )}
      <CapabilityNote
        engineName={engine.engineName}
        missing={(
          [
            ['Export', 'export', mayExport],
            ['Changes', 'changes', true],
            ['Files', 'archive', true],
          ] as const
        )
          .filter(([, capability, permitted]) => permitted && !engine.has(capability))
          .map(([label, capability]) => [label, engine.reason(capability)] as const)}
      />
      {dialog === 'update' && (
        <UpdateResourcesDialog
          endpointId={endpointId}
          inspect={inspect}
          open
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'upgrade' && (
        <UpgradeDialog endpointId={endpointId} inspect={inspect} onClose={() => setDialog(null)} />
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
