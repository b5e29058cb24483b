// An engine outside a swarm: start a new one here, or join one by its token.
import {
  emptySwarmInitForm,
  emptySwarmJoinForm,
  swarmInitFormSchema,
  swarmJoinFormSchema,
  toSwarmInit,
  toSwarmJoin,
} from '@berth/api';
import type { SwarmInitFormValues, SwarmJoinFormValues } from '@berth/api';
import type { UseMutationOptions } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Form, FormError, useFormSubmit, useZodForm } from '@/components/ui/form';
import { Tabs } from '@/components/ui/tabs';
import { useEnginePermission } from '@/hooks/use-me';
import { PageHeader } from '@/components/ui/page-header';
import { initSwarmMutation, joinSwarmMutation } from '../api/swarm-mutations';
import { CheckboxFields, TextFields } from './form-fields';
import type { CheckboxSpec, TextFieldSpec } from './form-fields';

type Mode = 'init' | 'join';

export function InitJoinScreen({ endpointId }: { endpointId: string }) {
  const can = useEnginePermission();
  const [mode, setMode] = useState<Mode>('init');
  if (!can('POST', '/swarm/init').allowed)
    return (
      <div className="p-6">
        <PageHeader title="Swarm" />
        <p className="p-6 text-[13px] text-muted">
          This engine is not part of a swarm. An admin can initialise one or join one here.
        </p>
      </div>
    );
  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader
        title="Swarm"
        description="This engine is not part of a swarm. Start a new one, or join one."
      />
      <Tabs
        label="Swarm setup"
        value={mode}
        onChange={setMode}
        items={[
          { value: 'init', label: 'Initialise' },
          { value: 'join', label: 'Join' },
        ]}
      >
        <div className="max-w-2xl p-6">
          {mode === 'init' ? (
            <InitForm endpointId={endpointId} />
          ) : (
            <JoinForm endpointId={endpointId} />
          )}
        </div>
      </Tabs>
    </div>
  );
}

/** Both setup forms: named for their landmark, the engine's refusal, then the one action. */
function SetupForm<T extends FieldValues, O, TVariables>({
  label,
  submitLabel,
  form,
  mutation,
  toVariables,
  children,
}: {
  label: string;
  submitLabel: string;
  form: UseFormReturn<T, unknown, O>;
  mutation: UseMutationOptions<unknown, Error, TVariables>;
  toVariables: (values: O) => TVariables;
  children: ReactNode;
}) {
  const { submit, mutation: run } = useFormSubmit(form, mutation, toVariables);
  return (
    <Form form={form} aria-label={label} onSubmit={(event) => void submit(event)}>
      {children}
      <FormError title="The engine refused" />
      <div>
        <Button type="submit" variant="primary" loading={run.isPending}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}

const INIT_FIELDS: readonly TextFieldSpec<keyof SwarmInitFormValues>[] = [
  {
    key: 'advertise',
    label: 'Advertise address',
    hint: 'Address other nodes reach this one at (ip or interface[:port]). Empty: detected.',
  },
  { key: 'listen', label: 'Listen address' },
  {
    key: 'dataPath',
    label: 'Data path address',
    hint: 'Interface or address for overlay traffic (optional).',
  },
  {
    key: 'pool',
    label: 'Default address pool',
    hint: 'CIDRs for overlay networks, comma separated (optional).',
  },
  {
    key: 'subnetSize',
    label: 'Subnet size',
    hint: 'Prefix length of each network from the pool (default 24).',
    numeric: true,
  },
  { key: 'taskHistory', label: 'Task history limit', numeric: true },
];

const INIT_FLAGS: readonly CheckboxSpec<keyof SwarmInitFormValues>[] = [
  { key: 'autolock', label: 'Autolock managers' },
  {
    key: 'forceNew',
    label: 'Force a new cluster',
    hint: "Recover from a lost quorum, keeping this node's state.",
  },
];

function InitForm({ endpointId }: { endpointId: string }) {
  const form = useZodForm(swarmInitFormSchema, { defaultValues: emptySwarmInitForm() });
  return (
    <SetupForm
      label="Initialise a swarm"
      submitLabel="Initialise swarm"
      form={form}
      mutation={initSwarmMutation(endpointId)}
      toVariables={toSwarmInit}
    >
      <TextFields<SwarmInitFormValues> columns={2} fields={INIT_FIELDS} />
      <CheckboxFields<SwarmInitFormValues> fields={INIT_FLAGS} />
    </SetupForm>
  );
}

const JOIN_FIELDS: readonly TextFieldSpec<keyof SwarmJoinFormValues>[] = [
  { key: 'token', label: 'Join token' },
  { key: 'remotes', label: 'Manager addresses', hint: 'host:port of managers, comma separated.' },
];

const JOIN_ADDRESS_FIELDS: readonly TextFieldSpec<keyof SwarmJoinFormValues>[] = [
  { key: 'advertise', label: 'Advertise address' },
  { key: 'listen', label: 'Listen address' },
  { key: 'dataPath', label: 'Data path address' },
];

function JoinForm({ endpointId }: { endpointId: string }) {
  const form = useZodForm(swarmJoinFormSchema, { defaultValues: emptySwarmJoinForm() });
  return (
    <SetupForm
      label="Join a swarm"
      submitLabel="Join swarm"
      form={form}
      mutation={joinSwarmMutation(endpointId)}
      toVariables={toSwarmJoin}
    >
      <TextFields<SwarmJoinFormValues> fields={JOIN_FIELDS} />
      <TextFields<SwarmJoinFormValues> columns={3} fields={JOIN_ADDRESS_FIELDS} />
    </SetupForm>
  );
}
