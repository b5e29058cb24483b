import type { BuildFormValues } from '@berth/api';
import { Hammer, X } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { useWatch } from 'react-hook-form';
import type { UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import {
  Form,
  FormCheckboxField,
  FormFileField,
  FormTextAreaField,
  FormTextField,
} from '@/components/ui/form';

const SOURCES = [
  ['dockerfile', 'Type a Dockerfile'],
  ['tar', 'Upload a tar context'],
  ['remote', 'Git or HTTP URL'],
] as const;

/** The build's options: where the context comes from, tags, args, labels, cache and pull. */
export function BuildForm<O>({
  form,
  onSubmit,
  running,
  onCancel,
}: {
  form: UseFormReturn<BuildFormValues, unknown, O>;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  running: boolean;
  onCancel: () => void;
}) {
  const source = useWatch({ control: form.control, name: 'source' });

  // Tab indents inside the editor; Esc then Tab leaves it.
  const onDockerfileKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Tab' && !event.shiftKey && !event.altKey) {
      const node = event.currentTarget;
      if (node.dataset.escaped === '1') return;
      event.preventDefault();
      const { selectionStart: a, selectionEnd: b, value } = node;
      form.setValue('dockerfile', `${value.slice(0, a)}  ${value.slice(b)}`);
      requestAnimationFrame(() => node.setSelectionRange(a + 2, a + 2));
    }
    event.currentTarget.dataset.escaped = event.key === 'Escape' ? '1' : '0';
  };

  return (
    <Form form={form} onSubmit={onSubmit} aria-label="Build options">
      <fieldset disabled={running} className="flex min-w-0 flex-col gap-3">
        <fieldset className="flex flex-wrap gap-4 text-[13px]">
          <legend className="mb-1.5 text-[12.5px] font-medium text-fg">Build context</legend>
          {SOURCES.map(([value, label]) => (
            <label key={value} className="flex items-center gap-1.5">
              <input type="radio" value={value} {...form.register('source')} />
              {label}
            </label>
          ))}
        </fieldset>
        {source === 'dockerfile' && (
          <FormTextAreaField<BuildFormValues>
            name="dockerfile"
            label="Dockerfile"
            rows={12}
            onKeyDown={onDockerfileKey}
            hint="Sent as the only file of the context, so COPY and ADD of local files won't find anything. Tab indents; press Esc, then Tab, to leave."
          />
        )}
        {source === 'tar' && (
          <FormFileField<BuildFormValues>
            name="file"
            label="Context archive (.tar, .tar.gz)"
            accept=".tar,.tar.gz,.tgz,application/x-tar,application/gzip"
          />
        )}
        {source === 'remote' && (
          <FormTextField<BuildFormValues>
            name="remote"
            label="Context URL"
            placeholder="https://github.com/org/repo.git#main:dir"
            hint="The engine fetches it: a Git repository, a tarball or a plain Dockerfile."
          />
        )}
        {source !== 'dockerfile' && (
          <FormTextField<BuildFormValues>
            name="dockerfilePath"
            label="Dockerfile path"
            placeholder="Dockerfile"
          />
        )}
        <FormTextField<BuildFormValues>
          name="tags"
          label="Tags"
          placeholder="myapp:1.0 myapp:latest"
          hint="Separate several with spaces or commas."
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <FormTextAreaField<BuildFormValues>
            name="buildArgs"
            label="Build arguments"
            rows={3}
            placeholder="VERSION=1.2"
            hint="One KEY=VALUE a line."
          />
          <FormTextAreaField<BuildFormValues>
            name="labels"
            label="Labels"
            rows={3}
            placeholder="org.opencontainers.image.source=…"
            hint="One KEY=VALUE a line."
          />
        </div>
        <FormTextField<BuildFormValues>
          name="target"
          label="Target stage"
          placeholder="(last stage)"
        />
        <div className="flex gap-6">
          <FormCheckboxField<BuildFormValues> name="nocache" label="No cache" />
          <FormCheckboxField<BuildFormValues> name="pull" label="Always pull base images" />
        </div>
      </fieldset>
      <div className="flex gap-2">
        <Button
          type="submit"
          variant="primary"
          loading={running}
          icon={<Hammer className="size-3.5" />}
        >
          Build image
        </Button>
        {running && (
          <Button onClick={onCancel} icon={<X className="size-3.5" />}>
            Cancel build
          </Button>
        )}
      </div>
    </Form>
  );
}
