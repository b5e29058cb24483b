import { endpointKeys } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { Tag } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { splitReference, tagImage } from '../api/images-api';

export function TagDialog({
  endpointId,
  imageId,
  imageName,
  onClose,
}: {
  endpointId: string;
  imageId: string;
  imageName: string;
  onClose: () => void;
}) {
  const [reference, setReference] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (ref: string) => {
      const { repo, tag } = splitReference(ref);
      return tagImage(endpointId, imageId, repo, tag || 'latest');
    },
    meta: { toastOnError: false, invalidates: [endpointKeys.images(endpointId)] },
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      onClose={onClose}
      busy={mutation.isPending}
      title={`Tag ${imageName}`}
      description="Adds another name for the same image. Nothing is copied."
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const text = reference.trim();
          if (!text) {
            setInvalid('Enter a repository and tag, e.g. myapp:1.0');
            return;
          }
          setInvalid(null);
          mutation.mutate(text);
        }}
        className="flex flex-col gap-3"
      >
        <TextField
          label="New tag"
          placeholder="registry:5000/team/app:1.0"
          value={reference}
          onChange={(event) => setReference(event.target.value)}
          error={invalid}
          autoComplete="off"
          spellCheck={false}
        />
        {mutation.isError && (
          <InlineAlert title="The engine refused the tag">{mutation.error.message}</InlineAlert>
        )}
        <div className="flex justify-end gap-2 pt-2 pb-1">
          <Button onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="primary"
            loading={mutation.isPending}
            icon={<Tag className="size-3.5" />}
          >
            Tag image
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
