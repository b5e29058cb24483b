import { imageTagSchema } from '@berth/api';
import type { ImageTagValues } from '@berth/api';
import { Tag } from 'lucide-react';
import { FormDialog, FormTextField, useZodForm } from '@/components/ui/form';
import { tagImageMutation } from '../api/images-api';

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
  const form = useZodForm(imageTagSchema, { defaultValues: { reference: '' } });
  return (
    <FormDialog
      title={`Tag ${imageName}`}
      description="Adds another name for the same image. Nothing is copied."
      onClose={onClose}
      form={form}
      mutation={tagImageMutation(endpointId, imageId)}
      toVariables={(values) => values.reference}
      submitLabel="Tag image"
      submitIcon={<Tag className="size-3.5" />}
      errorTitle="The engine refused the tag"
    >
      <FormTextField<ImageTagValues>
        name="reference"
        label="New tag"
        placeholder="registry:5000/team/app:1.0"
        autoComplete="off"
        spellCheck={false}
      />
    </FormDialog>
  );
}
