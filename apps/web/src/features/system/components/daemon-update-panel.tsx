import { endpointKeys } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { CheckCircle2, Save } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Panel } from '@/components/ui/panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import { infoQueryOptions } from '@/lib/queries';
import { updateDaemon, validateDaemonUpdate } from '../api/daemon-update';

/** PouchContainer only, admins only: the daemon's labels and image proxy (`POST /daemon/update`). */
export function DaemonUpdatePanel({ endpointId }: { endpointId: string }) {
  const info = useQuery(infoQueryOptions(endpointId));
  return (
    <Panel title="Daemon settings" id="system-daemon-update" className="lg:col-span-2">
      {info.isPending ? (
        <SkeletonRows rows={3} label="Loading daemon settings" />
      ) : (
        <DaemonUpdateForm
          endpointId={endpointId}
          labels={((info.data as { Labels?: string[] | null } | undefined)?.Labels ?? []).join(
            '\n',
          )}
        />
      )}
    </Panel>
  );
}

function DaemonUpdateForm({ endpointId, labels: current }: { endpointId: string; labels: string }) {
  const labelsId = useId();
  const [labels, setLabels] = useState(current);
  const [imageProxy, setImageProxy] = useState('');
  const [touched, setTouched] = useState(false);
  const input = { labels, imageProxy };
  const errors = validateDaemonUpdate(input);
  const invalid = Boolean(errors.labels || errors.imageProxy);
  const mutation = useMutation({
    mutationFn: () => updateDaemon(endpointId, input),
    meta: { toastOnError: false, invalidates: [endpointKeys.info(endpointId)] },
  });
  const unchanged = labels === current && !imageProxy.trim();
  return (
    <form
      noValidate
      aria-label="Daemon settings"
      className="flex flex-col gap-4 px-4 py-3"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!invalid && !unchanged) mutation.mutate();
      }}
    >
      <p className="text-[12.5px] text-muted">
        PouchContainer changes these without a restart. Other daemon settings are in its
        configuration file.
      </p>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={labelsId} className="text-[12.5px] font-medium text-fg">
          Labels
        </label>
        <textarea
          id={labelsId}
          rows={4}
          value={labels}
          spellCheck={false}
          placeholder={'zone=hangzhou\nstorage=ssd'}
          aria-invalid={touched && errors.labels ? true : undefined}
          aria-describedby={`${labelsId}-note`}
          onChange={(event) => setLabels(event.target.value)}
          className="w-full rounded-md border border-line-strong bg-panel px-2.5 py-1.5 font-mono text-[12.5px] text-fg placeholder:text-faint focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/30 focus-visible:outline-none"
        />
        <p
          id={`${labelsId}-note`}
          className={
            touched && errors.labels ? 'text-[12px] text-danger' : 'text-[12px] text-muted'
          }
        >
          {(touched && errors.labels) ||
            'One key=value a line: the daemon’s labels after the update.'}
        </p>
      </div>
      <TextField
        label="Image proxy"
        placeholder="http://proxy.example.com:3128"
        hint="Used to pull images. Leave empty to keep the current one."
        value={imageProxy}
        spellCheck={false}
        autoComplete="off"
        className="font-mono"
        error={touched ? errors.imageProxy : null}
        onChange={(event) => setImageProxy(event.target.value)}
      />
      {mutation.isError && (
        <InlineAlert title="The engine refused the update">
          <span className="font-mono">{mutation.error.message}</span>
        </InlineAlert>
      )}
      {mutation.isSuccess && !mutation.isPending && (
        <p role="status" className="flex items-center gap-2 text-[13px] text-fg">
          <CheckCircle2 className="size-4 text-emerald-500" aria-hidden />
          Daemon updated.
        </p>
      )}
      <div className="flex justify-end">
        <Button
          type="submit"
          variant="primary"
          icon={<Save className="size-3.5" aria-hidden />}
          loading={mutation.isPending}
          disabled={unchanged}
        >
          Update daemon
        </Button>
      </div>
    </form>
  );
}
