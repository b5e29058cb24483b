// The frame of every image dialog that runs one streamed engine call (pull, push, load, import):
// the form's fields, locked while the stream runs, its progress below, and a footer whose first
// button cancels the stream while it runs and closes the dialog otherwise.
import { X } from 'lucide-react';
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Form } from '@/components/ui/form';
import { ProgressView } from '@/components/ui/progress-view';
import type { useProgressStream } from '../api/use-progress-stream';

type ProgressStream = ReturnType<typeof useProgressStream>;

export function StreamFormDialog<T extends FieldValues, O>({
  title,
  description,
  what,
  submitLabel,
  submitIcon,
  form,
  stream,
  onSubmit,
  onClose,
  canSubmit = true,
  result,
  children,
}: {
  title: string;
  description: ReactNode;
  /** The stream's noun in its messages and Cancel button: "Pull", "Push", "Load", "Import". */
  what: string;
  submitLabel: string;
  submitIcon: ReactNode;
  form: UseFormReturn<T, unknown, O>;
  stream: ProgressStream;
  /** Runs the stream with the parsed values (only called once the form is valid). */
  onSubmit: (values: O) => Promise<void>;
  onClose: () => void;
  canSubmit?: boolean;
  /** What the finished stream made, shown under its progress. */
  result?: ReactNode;
  children: ReactNode;
}) {
  const formId = useId();
  const running = stream.phase === 'running';
  const submit = form.handleSubmit(onSubmit);
  return (
    <Dialog
      open
      onClose={onClose}
      busy={running}
      title={title}
      className="sm:max-w-2xl"
      description={description}
      footer={
        <>
          {running ? (
            <Button onClick={stream.cancel} icon={<X className="size-3.5" />}>
              Cancel {what.toLowerCase()}
            </Button>
          ) : (
            <Button onClick={onClose}>Close</Button>
          )}
          <Button
            type="submit"
            form={formId}
            variant="primary"
            loading={running}
            disabled={!canSubmit}
            icon={submitIcon}
          >
            {submitLabel}
          </Button>
        </>
      }
    >
      <Form form={form} id={formId} aria-label={title} onSubmit={(event) => void submit(event)}>
        <fieldset disabled={running} className="flex min-w-0 flex-col gap-3">
          {children}
        </fieldset>
        <ProgressView
          progress={stream.progress}
          phase={stream.phase}
          failure={stream.failure}
          what={what}
        />
        {result}
      </Form>
    </Dialog>
  );
}
