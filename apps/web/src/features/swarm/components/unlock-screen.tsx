import { unlockFormSchema } from '@berth/api';
import type { UnlockFormValues } from '@berth/api';
import { Unlock } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Form, FormError, FormTextField, useFormSubmit, useZodForm } from '@/components/ui/form';
import { PageHeader } from '@/components/ui/page-header';
import { unlockSwarmMutation } from '../api/swarm-mutations';

/** A manager restarted with autolock on answers nothing until it is given the unlock key. */
export function UnlockScreen({ endpointId }: { endpointId: string }) {
  const form = useZodForm(unlockFormSchema, { defaultValues: { key: '' } });
  const { submit, mutation } = useFormSubmit(
    form,
    unlockSwarmMutation(endpointId),
    (values) => values.key,
  );
  return (
    <div className="mx-auto max-w-lg p-6">
      <PageHeader title="Swarm is locked" description="This manager restarted with autolock on." />
      <Form
        form={form}
        aria-label="Unlock the swarm"
        className="p-6"
        onSubmit={(event) => void submit(event)}
      >
        <FormTextField<UnlockFormValues>
          name="key"
          label="Unlock key"
          spellCheck={false}
          autoComplete="off"
        />
        <FormError title="The engine refused" />
        <Button
          type="submit"
          variant="primary"
          icon={<Unlock className="size-3.5" aria-hidden />}
          loading={mutation.isPending}
        >
          Unlock
        </Button>
      </Form>
    </div>
  );
}
