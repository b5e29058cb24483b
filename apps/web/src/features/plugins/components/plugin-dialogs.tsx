import {
  pluginCreateSchema,
  pluginEnableSchema,
  pluginPushSchema,
  pluginSettingsSchema,
  registryIdOf,
  toPluginSettings,
  endpointKeys,
} from '@berth/api';
import type {
  Plugin,
  PluginCreateValues,
  PluginEnableValues,
  PluginSettingsValues,
} from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import {
  FormDialog,
  FormFileField,
  FormTextAreaField,
  FormTextField,
  useZodForm,
} from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { InspectJson } from '@/components/ui/inspect-json';
import { FormRegistryField } from '@/components/registry-select';
import {
  createPluginMutation,
  enablePluginMutation,
  pluginInspectQueryOptions,
  pushPluginMutation,
  removePlugin,
  setPluginMutation,
  settableEnv,
} from '../api/plugins-api';
import { ProgressLog, useProgressLines } from './progress-log';

interface PluginDialogProps {
  endpointId: string;
  plugin: Plugin;
  onClose: () => void;
}

export function CreatePluginDialog({
  endpointId,
  onClose,
}: {
  endpointId: string;
  onClose: () => void;
}) {
  const form = useZodForm(pluginCreateSchema, { defaultValues: { name: '', file: null } });
  return (
    <FormDialog
      title="Create plugin"
      description="From a tar archive of config.json and a rootfs/ folder."
      onClose={onClose}
      form={form}
      mutation={createPluginMutation(endpointId)}
      toVariables={(values) => values}
      submitLabel="Create plugin"
      errorTitle="The engine refused"
    >
      <FormTextField<PluginCreateValues> name="name" label="Name" />
      <FormFileField<PluginCreateValues>
        name="file"
        label="Plugin context (.tar)"
        accept=".tar,application/x-tar"
      />
    </FormDialog>
  );
}

export function PushPluginDialog({ endpointId, plugin, onClose }: PluginDialogProps) {
  const form = useZodForm(pluginPushSchema, { defaultValues: { registry: '' } });
  const progress = useProgressLines();
  const [pushed, setPushed] = useState(false);
  return (
    <FormDialog
      title={`Push ${plugin.Name}`}
      description="The name says where: registry/repository:tag."
      onClose={onClose}
      form={form}
      mutation={pushPluginMutation(endpointId, plugin.Name, progress.add)}
      toVariables={(values) => {
        progress.clear();
        setPushed(false);
        return registryIdOf(values.registry);
      }}
      onSuccess={() => setPushed(true)}
      keepOpen
      submitLabel="Push"
      errorTitle="The engine refused"
    >
      <FormRegistryField image={plugin.Name} />
      <ProgressLog lines={progress.lines} />
      {pushed && (
        <p role="status" className="text-[13px] text-fg">
          Pushed.
        </p>
      )}
    </FormDialog>
  );
}

export function EnablePluginDialog({ endpointId, plugin, onClose }: PluginDialogProps) {
  const form = useZodForm(pluginEnableSchema, { defaultValues: { timeout: '30' } });
  return (
    <FormDialog
      title={`Enable ${plugin.Name}`}
      onClose={onClose}
      form={form}
      mutation={enablePluginMutation(endpointId, plugin.Name)}
      toVariables={(values) => values.timeout}
      submitLabel="Enable"
      errorTitle="The engine refused"
    >
      <FormTextField<PluginEnableValues>
        name="timeout"
        label="Timeout (seconds)"
        hint="How long the engine waits for the plugin to answer on its socket."
        inputMode="numeric"
      />
    </FormDialog>
  );
}

export function PluginSettingsDialog({ endpointId, plugin, onClose }: PluginDialogProps) {
  const env = settableEnv(plugin);
  const form = useZodForm(pluginSettingsSchema, {
    defaultValues: { env: Object.fromEntries(env.map((e) => [e.name, e.value])), extra: '' },
  });
  return (
    <FormDialog
      title={`Settings of ${plugin.Name}`}
      className="sm:max-w-xl"
      onClose={onClose}
      form={form}
      mutation={setPluginMutation(endpointId, plugin.Name)}
      toVariables={(values) => toPluginSettings(values, env)}
      submitLabel="Save settings"
      errorTitle="The engine refused"
    >
      {plugin.Enabled && (
        <InlineAlert tone="warning">
          The engine only changes the settings of a disabled plugin: disable it first.
        </InlineAlert>
      )}
      {env.length === 0 && (
        <p className="text-[12.5px] text-muted">This plugin declares no settable environment.</p>
      )}
      {env.map((e) => (
        <FormTextField<PluginSettingsValues>
          key={e.name}
          name={`env.${e.name}`}
          label={e.name}
          hint={e.description}
        />
      ))}
      <FormTextAreaField<PluginSettingsValues>
        name="extra"
        label="Other settings"
        className="min-h-14"
        placeholder={'mount.source=/data\nargs=--debug'}
        hint="One a line: env KEY=value, args=…, mount.source=…, device.path=…"
      />
    </FormDialog>
  );
}

export function RemovePluginDialog({ endpointId, plugin, onClose }: PluginDialogProps) {
  const [force, setForce] = useState(false);
  return (
    <ConfirmDialog
      title={`Remove ${plugin.Name}?`}
      confirm="Remove"
      action={() => removePlugin(endpointId, plugin.Name, force)}
      invalidates={[endpointKeys.plugins(endpointId)]}
      errorTitle="The engine refused"
      onClose={onClose}
    >
      <CheckboxField
        label="Force"
        hint="Disable it first if enabled; containers using it may break."
        checked={force}
        onChange={(e) => setForce(e.target.checked)}
      />
    </ConfirmDialog>
  );
}

export function InspectPluginDialog({
  endpointId,
  plugin,
  onClose,
}: {
  endpointId: string;
  plugin: Plugin;
  onClose: () => void;
}) {
  // The engine's own inspect, not the list entry: the two differ as versions go on.
  const inspect = useQuery(pluginInspectQueryOptions(endpointId, plugin.Name));
  return (
    <Dialog
      open
      onClose={onClose}
      title={plugin.Name}
      className="sm:max-w-3xl"
      footer={<Button onClick={onClose}>Close</Button>}
    >
      <InspectJson query={inspect} label={`Inspect of ${plugin.Name}`} />
    </Dialog>
  );
}
