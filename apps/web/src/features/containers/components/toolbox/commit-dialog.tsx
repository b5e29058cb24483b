import { commitFormSchema, emptyCommitForm, shortId, toCommitOptions } from '@berth/api';
import type { CommitFormValues } from '@berth/api';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import {
  FormCheckboxField,
  FormDialog,
  FormTextAreaField,
  FormTextField,
  useZodForm,
} from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { commitContainerMutation } from '../../api/toolbox';

/** `docker commit`: a new image from the container's current filesystem. */
export function CommitDialog({
  endpointId,
  containerId,
  onClose,
}: {
  endpointId: string;
  containerId: string;
  /** Kept for callers that still pass it: the dialog is open while it is mounted. */
  open?: boolean;
  onClose: () => void;
}) {
  const form = useZodForm(commitFormSchema, { defaultValues: emptyCommitForm() });
  const [made, setMade] = useState<{ id: string; as: string } | null>(null);
  return (
    <FormDialog
      title="Commit to an image"
      className="max-w-lg"
      onClose={onClose}
      form={form}
      mutation={commitContainerMutation(endpointId, containerId)}
      toVariables={toCommitOptions}
      keepOpen
      onSuccess={(data, values) =>
        setMade({ id: data.Id, as: values.repo && `${values.repo}:${values.tag || 'latest'}` })
      }
      submitLabel="Commit"
      errorTitle="The engine refused the commit"
      footer={made ? <Button onClick={onClose}>Close</Button> : undefined}
    >
      <div className="grid grid-cols-[2fr_1fr] gap-3">
        <FormTextField<CommitFormValues> name="repo" label="Repository" placeholder="myapp" />
        <FormTextField<CommitFormValues> name="tag" label="Tag" placeholder="latest" />
      </div>
      <FormTextField<CommitFormValues> name="comment" label="Message" />
      <FormTextField<CommitFormValues> name="author" label="Author" />
      <FormTextAreaField<CommitFormValues>
        name="changes"
        label="Dockerfile changes"
        hint="One instruction a line: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, VOLUME, WORKDIR."
        placeholder='CMD ["sh"]'
      />
      <FormCheckboxField<CommitFormValues>
        name="pause"
        label="Pause the container while committing"
      />
      {made && (
        <InlineAlert tone="info" title="Image created">
          <span className="font-mono">{shortId(made.id)}</span>
          {made.as && ` as ${made.as}`}
        </InlineAlert>
      )}
    </FormDialog>
  );
}
