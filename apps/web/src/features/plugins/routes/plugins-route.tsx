import type { Plugin } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Download, Lock, Puzzle, Upload } from 'lucide-react';
import { useCallback, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable, useDataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ListPage } from '@/components/ui/list-page';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useEndpointRole } from '@/hooks/use-me';
import { disablePluginMutation, pluginsQueryOptions } from '../api/plugins-api';
import { InstallPluginDialog } from '../components/install-plugin-dialog';
import { usePluginColumns } from '../components/plugin-columns';
import type { PluginAction } from '../components/plugin-columns';
import {
  CreatePluginDialog,
  EnablePluginDialog,
  InspectPluginDialog,
  PluginSettingsDialog,
  PushPluginDialog,
  RemovePluginDialog,
} from '../components/plugin-dialogs';

type DialogState =
  | { kind: 'install' }
  | { kind: 'create' }
  | { kind: Exclude<PluginAction, 'disable'>; plugin: Plugin }
  | null;

/** Plugins run as root on the host: the whole page is for admins, reads included. */
export function PluginsRoute() {
  const role = useEndpointRole();
  useDocumentTitle('Plugins');
  if (role !== 'admin')
    return (
      <EmptyState icon={<Lock className="size-8" aria-hidden />} title="Administrators only">
        Plugins run as root on the engine's host, so only admins may see or change them.
      </EmptyState>
    );
  return <PluginsList />;
}

function PluginsList() {
  const endpointId = useEndpointId();
  const query = useQuery(pluginsQueryOptions(endpointId));
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<DialogState>(null);
  const disable = useMutation(disablePluginMutation(endpointId));
  const { mutate: disablePlugin } = disable;
  const onAction = useCallback(
    (action: PluginAction, plugin: Plugin) => {
      if (action === 'disable') disablePlugin(plugin.Name);
      else setDialog({ kind: action, plugin });
    },
    [disablePlugin],
  );
  const columns = usePluginColumns({ onAction, disabling: disable.isPending });
  const table = useDataTable({
    id: 'plugins',
    columns,
    data: query.data ?? NO_PLUGINS,
    getRowId: (plugin) => plugin.Id,
    globalFilter: filter,
    defaultSorting: [{ id: 'name', desc: false }],
  });
  const close = () => setDialog(null);

  return (
    <>
      <ListPage
        title="Plugins"
        noun="plugins"
        query={query}
        filter={filter}
        onFilter={setFilter}
        table={table}
        description="Engine extensions (volume, network, log and authorization drivers). They run as root."
        actions={
          <>
            <Button
              size="sm"
              icon={<Upload className="size-3.5" aria-hidden />}
              onClick={() => setDialog({ kind: 'create' })}
            >
              Create from tar
            </Button>
            <Button
              size="sm"
              variant="primary"
              icon={<Download className="size-3.5" aria-hidden />}
              onClick={() => setDialog({ kind: 'install' })}
            >
              Install plugin
            </Button>
          </>
        }
        empty={
          <EmptyState icon={<Puzzle className="size-8" aria-hidden />} title="No plugins">
            Install one from a registry with “Install plugin” (for example vieux/sshfs), or create
            one from a tar of config.json and rootfs/.
          </EmptyState>
        }
      >
        <DataTable
          table={table}
          label="Plugins"
          rowName={(plugin) => plugin.Name}
          resetScrollKey={filter}
        />
      </ListPage>
      {dialog?.kind === 'install' && (
        <InstallPluginDialog endpointId={endpointId} onClose={close} />
      )}
      {dialog?.kind === 'upgrade' && (
        <InstallPluginDialog endpointId={endpointId} upgrade={dialog.plugin} onClose={close} />
      )}
      {dialog?.kind === 'create' && <CreatePluginDialog endpointId={endpointId} onClose={close} />}
      {dialog?.kind === 'push' && (
        <PushPluginDialog endpointId={endpointId} plugin={dialog.plugin} onClose={close} />
      )}
      {dialog?.kind === 'enable' && (
        <EnablePluginDialog endpointId={endpointId} plugin={dialog.plugin} onClose={close} />
      )}
      {dialog?.kind === 'settings' && (
        <PluginSettingsDialog endpointId={endpointId} plugin={dialog.plugin} onClose={close} />
      )}
      {dialog?.kind === 'remove' && (
        <RemovePluginDialog endpointId={endpointId} plugin={dialog.plugin} onClose={close} />
      )}
      {dialog?.kind === 'inspect' && (
        <InspectPluginDialog endpointId={endpointId} plugin={dialog.plugin} onClose={close} />
      )}
    </>
  );
}

const NO_PLUGINS: Plugin[] = [];
