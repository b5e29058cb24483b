import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextInput } from '@/components/ui/input';
import { useRenameContainer, validateContainerName } from '../api/container-actions';

export function RenameDialog({
  open,
  onClose,
  endpointId,
  container,
}: {
  open: boolean;
  onClose: () => void;
  endpointId: string;
  container: { id: string; name: string };
}) {
  return (
    <Dialog open={open} onClose={onClose} title={`Rename ${container.name}`}>
      <RenameForm endpointId={endpointId} container={container} onDone={onClose} />
    </Dialog>
  );
}

function RenameForm({
  endpointId,
  container,
  onDone,
}: {
  endpointId: string;
  container: { id: string; name: string };
  onDone: () => void;
}) {
  const [name, setName] = useState(container.name);
  const [touched, setTouched] = useState(false);
  const rename = useRenameContainer(endpointId, container);
  const inputId = useId();
  const errorId = useId();
  const error = validateContainerName(name);
  const showError = touched && error;
  const unchanged = name.replace(/^\//, '') === container.name;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (error || unchanged) return;
        rename.mutate(name.replace(/^\//, ''), { onSuccess: onDone });
      }}
    >
      <label htmlFor={inputId} className="mb-1.5 block text-[12.5px] font-medium text-fg">
        New name
      </label>
      <TextInput
        id={inputId}
        value={name}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={showError ? true : undefined}
        aria-describedby={showError ? errorId : undefined}
        onChange={(event) => {
          setName(event.target.value);
          setTouched(true);
        }}
        className="w-full font-mono"
      />
      {showError && (
        <p id={errorId} className="mt-1.5 text-[12px] text-danger">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2 pt-5">
        <Button onClick={onDone} disabled={rename.isPending}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="primary"
          loading={rename.isPending}
          disabled={Boolean(error) || unchanged}
        >
          Rename
        </Button>
      </div>
    </form>
  );
}
