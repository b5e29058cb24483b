import { endpointKeys, shortId } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { commitContainer } from '../../api/toolbox';
import { TextAreaField } from '@/components/ui/field';

/** `docker commit`: a new image from the container's current filesystem. */
export function CommitDialog({
  endpointId,
  containerId,
  open,
  onClose,
}: {
  endpointId: string;
  containerId: string;
  open: boolean;
  onClose: () => void;
}) {
  const [repo, setRepo] = useState('');
  const [tag, setTag] = useState('');
  const [comment, setComment] = useState('');
  const [author, setAuthor] = useState('');
  const [pause, setPause] = useState(true);
  const [changes, setChanges] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const repoError =
    repo.trim() && !/^[a-z0-9]+([._/:-][a-z0-9]+)*$/.test(repo.trim())
      ? 'Lower-case letters, digits and . _ - / only.'
      : null;
  const mutation = useMutation({
    mutationFn: () =>
      commitContainer(endpointId, containerId, {
        repo,
        tag,
        comment,
        author,
        pause,
        changes: changes
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean),
      }),
    meta: { toastOnError: false, invalidates: [endpointKeys.images(endpointId)] },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (repoError) return;
    mutation.mutate();
  }
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Commit to an image"
      className="max-w-lg"
      busy={mutation.isPending}
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <div className="grid grid-cols-[2fr_1fr] gap-3">
          <TextField
            label="Repository"
            placeholder="myapp"
            value={repo}
            error={submitted ? repoError : null}
            onChange={(e) => setRepo(e.target.value)}
          />
          <TextField
            label="Tag"
            placeholder="latest"
            value={tag}
            onChange={(e) => setTag(e.target.value)}
          />
        </div>
        <TextField label="Message" value={comment} onChange={(e) => setComment(e.target.value)} />
        <TextField label="Author" value={author} onChange={(e) => setAuthor(e.target.value)} />
        <TextAreaField
          label="Dockerfile changes"
          hint="One instruction a line: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, VOLUME, WORKDIR."
          value={changes}
          onChange={(e) => setChanges(e.target.value)}
          placeholder='CMD ["sh"]'
        />
        <CheckboxField
          label="Pause the container while committing"
          checked={pause}
          onChange={(e) => setPause(e.target.checked)}
        />
        {mutation.isError && (
          <InlineAlert title="The engine refused the commit">{mutation.error.message}</InlineAlert>
        )}
        {mutation.isSuccess && (
          <InlineAlert tone="info" title="Image created">
            <span className="font-mono">{shortId(mutation.data.Id)}</span>
            {repo.trim() && ` as ${repo.trim()}:${tag.trim() || 'latest'}`}
          </InlineAlert>
        )}
        <div className="flex justify-end gap-2 pb-4">
          <Button onClick={onClose} disabled={mutation.isPending}>
            {mutation.isSuccess ? 'Close' : 'Cancel'}
          </Button>
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            Commit
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
