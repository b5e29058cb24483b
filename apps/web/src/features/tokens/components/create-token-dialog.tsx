import { ROLES, roleAtLeast } from '@berth/api';
import type { CreatedToken, Role } from '@berth/api';
import { KeyRound } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Select } from '@/components/ui/input';
import { ROLE_DESCRIPTIONS } from '@/components/ui/role-badge';
import { useFocusFirstInvalid } from '@/hooks/use-focus-first-invalid';
import { useCreateToken } from '../api/tokens';

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
  return (
    <Dialog
      open={open}
      onClose={close}
      title={created ? `Token “${created.name}” created` : 'Create API token'}
      className="max-w-lg"
      description={
        created
          ? undefined
          : 'Scripts and CI send the token as Authorization: Bearer …. It acts as you, with at most the role you give it.'
      }
    >
      {created ? (
        <ShowToken token={created} onDone={close} />
      ) : (
        <CreateTokenForm myRole={myRole} onCreated={setCreated} onCancel={close} />
      )}
    </Dialog>
  );
}

function CreateTokenForm({
  myRole,
  onCreated,
  onCancel,
}: {
  myRole: Role;
  onCreated: (token: CreatedToken) => void;
  onCancel: () => void;
}) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [submitted, setSubmitted] = useState(false);
  const roleId = useId();
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid();
  const nameError = name.trim() ? null : 'Give the token a name that says where it is used.';

  return (
    <form
      ref={formRef}
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (nameError) return focusFirstInvalid();
        create.mutate({ name: name.trim(), role }, { onSuccess: onCreated });
      }}
    >
      {create.isError && (
        <InlineAlert title="Could not create the token">{create.error.message}</InlineAlert>
      )}
      <TextField
        label="Name"
        placeholder="ci-deploy"
        autoComplete="off"
        maxLength={100}
        value={name}
        error={submitted ? nameError : null}
        onChange={(event) => setName(event.target.value)}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={roleId} className="text-[12.5px] font-medium text-fg">
          Role
        </label>
        <Select
          id={roleId}
          value={role}
          aria-describedby={`${roleId}-hint`}
          onChange={(event) => setRole(event.target.value as Role)}
          className="w-full"
        >
          {ROLES.map((option) => (
            <option key={option} value={option} disabled={!roleAtLeast(myRole, option)}>
              {roleAtLeast(myRole, option) ? option : `${option} (above your role)`}
            </option>
          ))}
        </Select>
        <p id={`${roleId}-hint`} className="text-[12px] text-muted">
          {ROLE_DESCRIPTIONS[role]} A token never has more than your own role ({myRole}).
        </p>
      </div>
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="primary"
          loading={create.isPending}
          icon={<KeyRound className="size-3.5" aria-hidden />}
        >
          Create token
        </Button>
      </div>
    </form>
  );
}

function ShowToken({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const fieldId = useId();
  const origin = window.location.origin;
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
