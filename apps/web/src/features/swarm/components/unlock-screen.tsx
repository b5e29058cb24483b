import { endpointKeys } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { Unlock } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { PageHeader } from '@/components/ui/page-header';
import { unlockSwarm } from '../api/swarm-api';
import { SubmitForm } from './form-fields';

/** A manager restarted with autolock on answers nothing until it is given the unlock key. */
export function UnlockScreen({ endpointId }: { endpointId: string }) {
  const [key, setKey] = useState('');
  const mutation = useMutation({
    mutationFn: () => unlockSwarm(endpointId, key.trim()),
    meta: { toastOnError: false, invalidates: [endpointKeys.root(endpointId)] },
  });
  return (
    <div className="mx-auto max-w-lg p-6">
      <PageHeader title="Swarm is locked" description="This manager restarted with autolock on." />
      <SubmitForm
        className="flex flex-col gap-3 p-6"
        onSubmit={() => {
          if (key.trim()) mutation.mutate();
        }}
      >
        <TextField label="Unlock key" value={key} onChange={(e) => setKey(e.target.value)} />
        {mutation.isError && <InlineAlert>{mutation.error.message}</InlineAlert>}
        <Button
          type="submit"
          variant="primary"
          icon={<Unlock className="size-3.5" aria-hidden />}
          loading={mutation.isPending}
        >
          Unlock
        </Button>
      </SubmitForm>
    </div>
  );
}
