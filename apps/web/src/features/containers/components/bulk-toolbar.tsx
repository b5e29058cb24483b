import { allowedActions } from '@berth/api';
import type { ContainerAction, ContainerRow } from '@berth/api';
import { Link } from '@tanstack/react-router';
import {
  Pause,
  Play,
  RotateCw,
  ScrollText,
  Skull,
  Square,
  StepForward,
  Trash2,
} from 'lucide-react';
import type { ComponentProps, ReactNode } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { CapabilityNote } from '@/components/ui/capability-note';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { ACTION_LABELS } from '../api/container-actions';

export const ACTION_ICONS: Record<ContainerAction, ReactNode> = {
  start: <Play className="size-3.5" aria-hidden />,
  stop: <Square className="size-3.5" aria-hidden />,
  restart: <RotateCw className="size-3.5" aria-hidden />,
  kill: <Skull className="size-3.5" aria-hidden />,
  pause: <Pause className="size-3.5" aria-hidden />,
  unpause: <StepForward className="size-3.5" aria-hidden />,
  remove: <Trash2 className="size-3.5" aria-hidden />,
};

export const BULK_ACTIONS: ContainerAction[] = [
  'start',
  'stop',
  'restart',
  'kill',
  'pause',
  'unpause',
  'remove',
];

export function BulkToolbar({
  selection,
  busy,
  permitted,
  notOffered,
  onAction,
  onRemove,
}: {
  selection: ContainerRow[];
  busy: boolean;
  /** The actions the user's role may run; the others are not shown. */
  permitted: ReadonlySet<ContainerAction>;
  onAction: (action: ContainerAction) => void;
  onRemove: () => void;
  /** Actions the engine does not offer, said in a note instead of buttons that would fail. */
  notOffered?: ComponentProps<typeof CapabilityNote>;
}) {
  const endpointId = useEndpointId();
  const applicable = (action: ContainerAction) =>
    selection.some((row) => allowedActions(row.state)[action]);
  return (
    <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-1.5">
      <span className="mr-1 text-[12.5px] text-muted tabular-nums" aria-live="polite">
        {selection.length ? `${selection.length} selected` : 'None selected'}
      </span>
      {BULK_ACTIONS.filter((action) => action !== 'remove' && permitted.has(action)).map(
        (action) => (
          <Button
            key={action}
            size="sm"
            icon={ACTION_ICONS[action]}
            disabled={busy || !applicable(action)}
            onClick={() => onAction(action)}
          >
            {ACTION_LABELS[action]}
          </Button>
        ),
      )}
      {/* Reading logs changes nothing: every role may; several are merged by time. */}
      {selection.length > 0 ? (
        <Link
          to="/endpoints/$endpointId/logs"
          params={{ endpointId }}
          search={{ containers: selection.map((row) => row.id).join(',') }}
          className={buttonClasses('secondary', 'sm')}
        >
          <ScrollText className="size-3.5" aria-hidden />
          Logs
        </Link>
      ) : (
        <Button size="sm" icon={<ScrollText className="size-3.5" aria-hidden />} disabled>
          Logs
        </Button>
      )}
      {permitted.has('remove') && (
        <Button
          size="sm"
          icon={ACTION_ICONS.remove}
          disabled={busy || !applicable('remove')}
          onClick={onRemove}
          className="text-danger"
        >
          Remove
        </Button>
      )}
      {notOffered && <CapabilityNote {...notOffered} className="ml-1" />}
    </div>
  );
}
