import { endpointKeys } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { InlineAlert } from '@/components/ui/inline-alert';
import { JsonView } from '@/components/ui/json-view';
import { Panel } from '@/components/ui/panel';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { useFocusFirstInvalid } from '@/hooks/use-focus-first-invalid';
import { networksQueryOptions } from '@/lib/queries';
import { PageHeader } from '@/components/ui/page-header';
import { emptyServiceForm, toServiceSpec, validateServiceForm } from '../api/service-form';
import { createService, dataQueryOptions } from '../api/swarm-api';
import { RefusalAlert } from '../components/dialog-shells';
import { PoliciesSection } from '../components/service-policy-section';
import { MountsSection, NetworkSection, RefsSection } from '../components/service-rows-sections';
import {
  BasicsSection,
  CommandSection,
  HealthSection,
  PlacementSection,
} from '../components/service-text-sections';
import { SubmitForm, useFormValues, useSubmitCheck } from '../components/form-fields';

/** The whole ServiceSpec as a form, with the JSON it sends shown beside it. */
export function CreateServiceRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Create service');
  const navigate = useNavigate();
  const [formRef, refused] = useFocusFirstInvalid<HTMLFormElement>();
  const [form, set] = useFormValues(emptyServiceForm);
  const secrets = useQuery(dataQueryOptions(endpointId, 'secrets'));
  const configs = useQuery(dataQueryOptions(endpointId, 'configs'));
  const networks = useQuery(networksQueryOptions(endpointId));
  const swarmNetworks = (networks.data ?? []).filter((n) => n.Scope === 'swarm');
  const errors = validateServiceForm(form);
  const known = useMemo(
    () => ({ secrets: secrets.data ?? [], configs: configs.data ?? [] }),
    [secrets.data, configs.data],
  );
  const spec = useMemo(() => toServiceSpec(form, known), [form, known]);
  const mutation = useMutation({
    mutationFn: () => createService(endpointId, spec, form.queryRegistry),
    meta: { toastOnError: false, invalidates: [endpointKeys.swarm(endpointId)] },
    onSuccess: (created) => {
      if (!created.warnings.length) void open(created.ID);
    },
  });
  const open = (serviceId: string) =>
    navigate({
      to: '/endpoints/$endpointId/swarm/services/$serviceId',
      params: { endpointId, serviceId },
    });
  const check = useSubmitCheck(errors, () => mutation.mutate(), refused);
  const sectionProps = { form, set, err: check.error };

  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader title="Create service" description="Runs an image as tasks across the swarm." />
      <div className="min-h-0 flex-1 overflow-auto p-6">
        <SubmitForm
          formRef={formRef}
          label="Create service"
          onSubmit={check.submit}
          className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_26rem]"
        >
          <div className="flex flex-col gap-4">
            <BasicsSection {...sectionProps} />
            <CommandSection {...sectionProps} />
            <NetworkSection {...sectionProps} networks={swarmNetworks} />
            <MountsSection {...sectionProps} />
            <RefsSection form={form} set={set} known={known} />
            <PlacementSection {...sectionProps} />
            <PoliciesSection {...sectionProps} />
            <HealthSection {...sectionProps} />
          </div>
          <div className="flex flex-col gap-3 xl:sticky xl:top-0 xl:self-start">
            <Panel title="Service spec" bodyClassName="max-h-[60vh] overflow-auto">
              <JsonView label="Service spec preview" text={JSON.stringify(spec, null, 2)} />
            </Panel>
            {check.submitted && !check.valid && (
              <InlineAlert>Some fields need a fix: see the messages in red.</InlineAlert>
            )}
            <RefusalAlert error={mutation.error} />
            {mutation.data?.warnings.length ? (
              <>
                <InlineAlert tone="warning" title="Created, with a warning">
                  {mutation.data.warnings.join(' ')}
                </InlineAlert>
                <Button variant="primary" onClick={() => void open(mutation.data.ID)}>
                  Open the service
                </Button>
              </>
            ) : (
              <Button type="submit" variant="primary" loading={mutation.isPending}>
                Create service
              </Button>
            )}
          </div>
        </SubmitForm>
      </div>
    </div>
  );
}
