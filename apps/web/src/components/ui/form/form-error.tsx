import { useFormState } from 'react-hook-form';
import { InlineAlert } from '../inline-alert';

/** The refusal the form could not pin to a field (see applyServerError). */
export function FormError({ title = 'Not saved' }: { title?: string }) {
  const { errors } = useFormState();
  const message = errors.root?.server?.message;
  if (!message) return null;
  return <InlineAlert title={title}>{String(message)}</InlineAlert>;
}
