import { FolderLock } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Panel } from '@/components/ui/panel';
import {
  hostPathProblem,
  normaliseHostPath,
  useSaveSecuritySettings,
} from '../api/security-settings';
import { SaveBar, StringListEditor } from './string-list-editor';

/** The host paths non-admins may bind-mount (a path allows itself and what is below it). */
export function BindPathsForm({ saved }: { saved: string[] }) {
  const save = useSaveSecuritySettings();
  const [paths, setPaths] = useState(saved);
  const dirty = paths.join('\n') !== saved.join('\n');

  return (
    <Panel title="Host paths non-admins may bind-mount" id="bind-paths">
      <div className="flex flex-col gap-4 px-4 py-3">
        <p className="text-[13px] text-muted">
          A bind mount is allowed when its host path is one of these or below one, by whole path
          segments: <code className="font-mono">/srv/data</code> allows{' '}
          <code className="font-mono">/srv/data/app</code> but not{' '}
          <code className="font-mono">/srv/database</code>. Named volumes are always allowed.
        </p>
        {paths.includes('/') && (
          <InlineAlert tone="warning" title="/ allows the whole host">
            Anyone with the operator role can then mount /etc or the Docker socket itself, which is
            as good as root on the host.
          </InlineAlert>
        )}
        <StringListEditor
          items={paths}
          onChange={setPaths}
          listLabel="Allowed host paths"
          empty={
            <EmptyState icon={<FolderLock className="size-7" aria-hidden />} title="No host paths">
              Non-admins cannot bind-mount anything from the host. Add a path below to allow one.
            </EmptyState>
          }
          fieldLabel="Add a host path"
          placeholder="/srv/data"
          addLabel="Add path"
          problemOf={hostPathProblem}
          normalise={normaliseHostPath}
        />
        <SaveBar
          dirty={dirty}
          saving={save.isPending}
          saveLabel="Save changes"
          onDiscard={() => setPaths(saved)}
          onSave={() => save.mutate({ allowedBindPaths: paths })}
        />
      </div>
    </Panel>
  );
}
