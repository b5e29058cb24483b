import type { ContainerInspect } from '@berth/api';
import { shortImageName } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { CheckCircle2 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Spinner } from '@/components/ui/spinner';
import { containerMutationKeys } from '../../api/container-actions';
import { upgradeBody, upgradeContainer, validateUpgrade } from '../../api/pouch';
import { joinShellWords } from '../../api/shell-words';

/**
 * PouchContainer's in-place upgrade: the container is recreated from a new image (optionally with
 * a new Cmd/Entrypoint) under the same name and settings. The image must already be on the
 * engine (pull it first); pouchd refuses the image the container already runs.
 */
export function UpgradeDialog({
  endpointId,
  inspect,
  onClose,
}: {
  endpointId: string;
  inspect: ContainerInspect;
  onClose: () => void;
}) {
  const currentImage = inspect.Config.Image ?? inspect.Image;
  const [image, setImage] = useState('');
  const [cmd, setCmd] = useState('');
  const [entrypoint, setEntrypoint] = useState('');
  const [touched, setTouched] = useState(false);
  const input = { image, cmd, entrypoint };
  const errors = validateUpgrade(input, currentImage);
  const invalid = Boolean(errors.image || errors.cmd || errors.entrypoint);
  const mutation = useMutation({
    mutationFn: () => upgradeContainer(endpointId, inspect.Id, input),
    meta: { toastOnError: false, invalidates: containerMutationKeys(endpointId) },
  });
  const name = inspect.Name.replace(/^\//, '');

  return (
    <Dialog
      open
      onClose={onClose}
      busy={mutation.isPending}
      title={`Upgrade ${name}`}
      description={
        <>
          Recreates the container from another image, keeping its name, volumes and settings. It
          runs <span className="font-mono">{shortImageName(currentImage)}</span> now.
        </>
      }
    >
      {mutation.isSuccess ? (
        <div className="flex flex-col gap-4">
          <p role="status" className="flex items-center gap-2 text-[13px] text-fg">
            <CheckCircle2 className="size-4 text-emerald-500" aria-hidden />
            Upgraded to <span className="font-mono">{upgradeBody(input).Image}</span>.
          </p>
          <div className="flex justify-end">
            <Button variant="primary" onClick={onClose} autoFocus>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            setTouched(true);
            if (!invalid) mutation.mutate();
          }}
        >
          <TextField
            label="New image"
            placeholder="busybox:1.36"
            hint="Must be on the engine already (pull it first)."
            value={image}
            autoFocus
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            error={touched ? errors.image : null}
            onChange={(event) => setImage(event.target.value)}
          />
          <TextField
            label="Command (optional)"
            placeholder={joinShellWords(inspect.Config.Cmd ?? []) || 'the image default'}
            hint="Leave empty to keep the current one."
            value={cmd}
            spellCheck={false}
            className="font-mono"
            error={errors.cmd}
            onChange={(event) => setCmd(event.target.value)}
          />
          <TextField
            label="Entrypoint (optional)"
            placeholder={joinShellWords(inspect.Config.Entrypoint ?? []) || 'the image default'}
            value={entrypoint}
            spellCheck={false}
            className="font-mono"
            error={errors.entrypoint}
            onChange={(event) => setEntrypoint(event.target.value)}
          />
          {mutation.isPending && (
            <p role="status" className="flex items-center gap-2 text-[13px] text-muted">
              <Spinner /> Upgrading: the engine stops the container, recreates it from the new image
              and starts it if it was running…
            </p>
          )}
          {mutation.isError && (
            <InlineAlert title="The engine refused the upgrade">
              <span className="font-mono">{mutation.error.message}</span>
            </InlineAlert>
          )}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" loading={mutation.isPending}>
              Upgrade
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
