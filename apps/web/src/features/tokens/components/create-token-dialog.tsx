import { basePath } from '@/lib/base-path';
import { newTokenSchema, ROLES, roleAtLeast } from '@berth/api';
import type { CreatedToken, Role } from '@berth/api';
import { KeyRound } from 'lucide-react';
import { useId, useState } from 'react';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import { FormDialog, FormSelectField, FormTextField, useZodForm } from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { ROLE_DESCRIPTIONS } from '@/components/ui/role-badge';
import { createTokenMutation } from '../api/tokens';

type NewTokenValues = z.input<typeof newTokenSchema>;

export function CreateTokenDialog({
  open,
  onClose,
  myRole,
}: {
  open: boolean;
  onClose: () => void;
  myRole: Role;
}) {
  const [created, setCreated] = useState<CreatedToken | null>(null);
  function close() {
    // The secret leaves memory with the dialog: it is never shown again.
    setCreated(null);
    onClose();
  }
  if (!open) return null;
  if (created)
    return (
      <Dialog open onClose={close} title={`Token “${created.name}” created`} className="max-w-lg">
        <ShowToken token={created} onDone={close} />
      </Dialog>
    );
  return <CreateTokenForm myRole={myRole} onCreated={setCreated} onCancel={close} />;
}

/** The gateway parses the body with the same schema (newTokenSchema), role ceiling aside. */
function CreateTokenForm({
  myRole,
  onCreated,
  onCancel,
}: {
  myRole: Role;
  onCreated: (token: CreatedToken) => void;
  onCancel: () => void;
}) {
  const form = useZodForm(newTokenSchema, { defaultValues: { name: '', role: 'viewer' } });
  const role = form.watch('role');
  return (
    <FormDialog
      title="Create API token"
      description="Scripts and CI send the token as Authorization: Bearer …. It acts as you, with at most the role you give it."
      className="max-w-lg"
      onClose={onCancel}
      form={form}
      mutation={createTokenMutation()}
      toVariables={(values) => values}
      onSuccess={onCreated}
      keepOpen
      submitLabel="Create token"
      submitIcon={<KeyRound className="size-3.5" aria-hidden />}
      errorTitle="Could not create the token"
    >
      <FormTextField<NewTokenValues>
        name="name"
        label="Name"
        placeholder="ci-deploy"
        autoComplete="off"
        maxLength={100}
      />
      <FormSelectField<NewTokenValues>
        name="role"
        label="Role"
        className="w-full"
        hint={`${ROLE_DESCRIPTIONS[role]} A token never has more than your own role (${myRole}).`}
      >
        {ROLES.map((option) => (
          <option key={option} value={option} disabled={!roleAtLeast(myRole, option)}>
            {roleAtLeast(myRole, option) ? option : `${option} (above your role)`}
          </option>
        ))}
      </FormSelectField>
    </FormDialog>
  );
}

function ShowToken({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const fieldId = useId();
  // The gateway's address as a script must call it (under BERTH_BASE_PATH, with the prefix).
  const origin = `${window.location.origin}${basePath}`;
  return (
    <div className="flex flex-col gap-4">
      <InlineAlert tone="warning" title="Copy it now: you won't see it again.">
        Berth keeps only a hash of the token. If you lose it, revoke it and create another.
      </InlineAlert>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={fieldId} className="text-[12.5px] font-medium text-fg">
          API token
        </label>
        <div className="flex items-center gap-2">
          <input
            id={fieldId}
            readOnly
            value={token.token}
            spellCheck={false}
            onFocus={(event) => event.target.select()}
            className="h-8 min-w-0 flex-1 rounded-md border border-line-strong bg-subtle px-2.5 font-mono text-[12.5px] text-fg focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/30 focus-visible:outline-none"
          />
          <CopyButton text={token.token} label="Copy token" />
        </div>
      </div>
      <div className="flex flex-col gap-1.5">
        <p className="text-[12.5px] font-medium text-fg">Try it</p>
        <pre className="overflow-x-auto rounded-md border border-line bg-subtle px-3 py-2 font-mono text-[12px] text-muted">
          {`curl -H "Authorization: Bearer ${token.token.slice(0, 12)}…" \\\n  ${origin}/api/endpoints`}
        </pre>
      </div>
      <div className="flex justify-end pt-1">
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
