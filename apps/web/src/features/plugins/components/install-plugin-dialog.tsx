import { pluginInstallSchema, registryIdOf, toPluginPullQuery } from '@berth/api';
import type { Plugin, PluginInstallValues, PluginPrivilege } from '@berth/api';
import { useEffect, useId, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { Form, FormError, FormTextField, useFormSubmit, useZodForm } from '@/components/ui/form';
import { FormRegistryField } from '@/components/registry-select';
import { installPluginMutation, pluginPrivilegesMutation } from '../api/plugins-api';
import { ProgressLog, useProgressLines } from './progress-log';

/**
 * Install (or upgrade): ask the engine which privileges the plugin wants, show them, and pull
 * with exactly the list the admin accepted. One form, two steps: the first submit checks, the
 * second installs; changing the reference goes back to the first.
 */
export function InstallPluginDialog({
  endpointId,
  upgrade,
  onClose,
}: {
  endpointId: string;
  upgrade?: Plugin;
  onClose: () => void;
}) {
  const formId = useId();
  const form = useZodForm(pluginInstallSchema, {
    defaultValues: { remote: upgrade?.PluginReference ?? '', alias: '', registry: '' },
  });
  const remote = useWatch({ control: form.control, name: 'remote' });
  const [privileges, setPrivileges] = useState<PluginPrivilege[] | null>(null);
  const [accepted, setAccepted] = useState(false);
  const progress = useProgressLines();

  useEffect(() => {
    // A different reference may ask for different privileges: check again.
    const subscription = form.watch((_values, { name }) => {
      if (name === 'remote') setPrivileges(null);
    });
    return () => subscription.unsubscribe();
  }, [form]);

  const check = useFormSubmit(
    form,
    pluginPrivilegesMutation(endpointId),
    (values) => ({ remote: values.remote, registryId: registryIdOf(values.registry) }),
    (list) => {
      setPrivileges(list);
      setAccepted(false);
    },
  );
  const install = useFormSubmit(
    form,
    installPluginMutation(endpointId, upgrade?.Name, progress.add),
    (values) => {
      progress.clear();
      return {
        query: toPluginPullQuery(values),
        registryId: registryIdOf(values.registry),
        privileges: privileges ?? [],
      };
    },
    onClose,
  );
  const busy = check.mutation.isPending || install.mutation.isPending;

  return (
    <Dialog
      open
      onClose={onClose}
      busy={busy}
      title={upgrade ? `Upgrade ${upgrade.Name}` : 'Install plugin'}
      description={
        upgrade ? 'The plugin must be disabled first; its settings are kept.' : undefined
      }
      className="sm:max-w-xl"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          {privileges ? (
            <Button
              type="submit"
              form={formId}
              variant="primary"
              loading={install.mutation.isPending}
              disabled={!accepted}
            >
              {upgrade ? 'Upgrade' : 'Install'}
            </Button>
          ) : (
            <Button
              type="submit"
              form={formId}
              variant="primary"
              loading={check.mutation.isPending}
              disabled={!remote.trim()}
            >
              Check privileges
            </Button>
          )}
        </>
      }
    >
      <Form
        form={form}
        id={formId}
        onSubmit={(event) => void (privileges ? install.submit(event) : check.submit(event))}
      >
        <FormTextField<PluginInstallValues>
          name="remote"
          label="Remote reference"
          placeholder="vieux/sshfs:latest"
        />
        {!upgrade && (
          <FormTextField<PluginInstallValues>
            name="alias"
            label="Local name"
            hint="Empty: the remote reference."
          />
        )}
        <FormRegistryField image={remote} />
        {privileges && (
          <PrivilegeList privileges={privileges} accepted={accepted} onAccept={setAccepted} />
        )}
        <ProgressLog lines={progress.lines} />
        <FormError title="The engine refused" />
      </Form>
    </Dialog>
  );
}

function PrivilegeList({
  privileges,
  accepted,
  onAccept,
}: {
  privileges: PluginPrivilege[];
  accepted: boolean;
  onAccept: (accepted: boolean) => void;
}) {
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-[13px] font-semibold text-fg">This plugin asks for</h3>
      {privileges.length === 0 ? (
        <p className="text-[12.5px] text-muted">The engine reports no privileges for it.</p>
      ) : (
        <ul
          aria-label="Requested privileges"
          className="flex flex-col gap-1 rounded-md border border-line p-2 text-[12.5px]"
        >
          {privileges.map((p) => (
            <li key={p.Name}>
              <span className="font-medium text-fg">{p.Name}</span>:{' '}
              <span className="font-mono text-muted">{p.Value.join(', ')}</span>
              {p.Description && (
                <span className="block text-[12px] text-faint">{p.Description}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <CheckboxField
        label="I accept these privileges"
        checked={accepted}
        onChange={(e) => onAccept(e.target.checked)}
      />
    </div>
  );
}
