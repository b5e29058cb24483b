import { emptyServiceForm, serviceFormSchema, toServiceSpec } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { Form, FormError, useFormSubmit, useZodForm } from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { JsonView } from '@/components/ui/json-view';
import { Panel } from '@/components/ui/panel';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useEndpointId } from '@/hooks/use-endpoint-id';
import { networksQueryOptions } from '@/lib/queries';
import { PageHeader } from '@/components/ui/page-header';
import { dataQueryOptions } from '../api/swarm-api';
import { createServiceMutation } from '../api/swarm-mutations';
import { PoliciesSection } from '../components/service-policy-section';
import { MountsSection, NetworkSection, RefsSection } from '../components/service-rows-sections';
import {
  BasicsSection,
  CommandSection,
  HealthSection,
  PlacementSection,
} from '../components/service-text-sections';

/** The whole ServiceSpec as a form, with the JSON it sends shown beside it as it is typed. */
export function CreateServiceRoute() {
  const endpointId = useEndpointId();
  useDocumentTitle('Create service');
  const navigate = useNavigate();
  const form = useZodForm(serviceFormSchema, { defaultValues: emptyServiceForm() });
  const secrets = useQuery(dataQueryOptions(endpointId, 'secrets'));
  const configs = useQuery(dataQueryOptions(endpointId, 'configs'));
  const networks = useQuery(networksQueryOptions(endpointId));
  const swarmNetworks = (networks.data ?? []).filter((n) => n.Scope === 'swarm');
  const known = useMemo(
    () => ({ secrets: secrets.data ?? [], configs: configs.data ?? [] }),
    [secrets.data, configs.data],
  );
  // The preview maps what is typed now (the schema does not transform, so it is what a submit
  // would send once valid).
  const values = form.watch();
  const spec = toServiceSpec(values, known);
  const open = (serviceId: string) =>
    navigate({
      to: '/endpoints/$endpointId/swarm/services/$serviceId',
      params: { endpointId, serviceId },
    });
  const { submit, mutation } = useFormSubmit(
    form,
    createServiceMutation(endpointId),
    (parsed) => ({ spec: toServiceSpec(parsed, known), queryRegistry: parsed.queryRegistry }),
    (created) => {
      if (!created.warnings.length) void open(created.ID);
    },
  );
  const { isSubmitted, errors } = form.formState;
  const fieldsWrong = Object.keys(errors).some((key) => key !== 'root');

  return (
    <div className="flex h-full min-h-0 flex-col">
      <PageHeader title="Create service" description="Runs an image as tasks across the swarm." />
      <div className="min-h-0 flex-1 overflow-auto p-6">
        <Form
          form={form}
          aria-label="Create service"
          onSubmit={(event) => void submit(event)}
          className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_26rem]"
        >
          <div className="flex flex-col gap-4">
            <BasicsSection />
            <CommandSection />
            <NetworkSection networks={swarmNetworks} />
            <MountsSection />
            <RefsSection known={known} />
            <PlacementSection />
            <PoliciesSection />
            <HealthSection />
          </div>
          <div className="flex flex-col gap-3 xl:sticky xl:top-0 xl:self-start">
            <Panel title="Service spec" bodyClassName="max-h-[60vh] overflow-auto">
              <JsonView label="Service spec preview" text={JSON.stringify(spec, null, 2)} />
            </Panel>
            {isSubmitted && fieldsWrong && (
              <InlineAlert>Some fields need a fix: see the messages in red.</InlineAlert>
            )}
            <FormError title="The engine refused" />
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
        </Form>
      </div>
    </div>
  );
}
