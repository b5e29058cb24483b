import { daemonUpdateFormSchema, toDaemonUpdate } from '@berth/api';
import type { DaemonUpdateFormValues } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { CheckCircle2, Save } from 'lucide-react';
import { Button } from '@/components/ui/button';
import {
  Form,
  FormError,
  FormTextAreaField,
  FormTextField,
  useFormSubmit,
  useZodForm,
} from '@/components/ui/form';
import { Panel } from '@/components/ui/panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import { infoQueryOptions } from '@/lib/queries';
import { updateDaemonMutation } from '../api/daemon-update';

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
  const form = useZodForm(daemonUpdateFormSchema, {
    defaultValues: { labels: current, imageProxy: '' },
  });
  const { submit, mutation } = useFormSubmit(
    form,
    updateDaemonMutation(endpointId),
    toDaemonUpdate,
  );
  const [labels, imageProxy] = form.watch(['labels', 'imageProxy']);
  const unchanged = labels === current && !imageProxy.trim();
  return (
    <Form
      form={form}
      aria-label="Daemon settings"
      className="gap-4 px-4 py-3"
      onSubmit={(event) => void submit(event)}
    >
      <p className="text-[12.5px] text-muted">
        PouchContainer changes these without a restart. Other daemon settings are in its
        configuration file.
      </p>
      <FormTextAreaField<DaemonUpdateFormValues>
        name="labels"
        label="Labels"
        rows={4}
        spellCheck={false}
        placeholder={'zone=hangzhou\nstorage=ssd'}
        hint="One key=value a line: the daemon’s labels after the update."
      />
      <FormTextField<DaemonUpdateFormValues>
        name="imageProxy"
        label="Image proxy"
        placeholder="http://proxy.example.com:3128"
        hint="Used to pull images. Leave empty to keep the current one."
        spellCheck={false}
        autoComplete="off"
        className="font-mono"
      />
      <FormError title="The engine refused the update" />
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
    </Form>
  );
}
