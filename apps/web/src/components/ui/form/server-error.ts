import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';

/** The gateway's validation errors read `field.path: what is wrong` (apps/gateway/src/http/validate.ts). */
const FIELD_MESSAGE = /^([A-Za-z_][\w.]*): (.+)$/;

/**
 * Puts a refusal where it belongs: at the field the gateway named, when the form has that field,
 * else at the form's root (shown above its buttons). Returns the field it landed on, if any.
 */
export function applyServerError<T extends FieldValues, C, O>(
  form: UseFormReturn<T, C, O>,
  error: unknown,
): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const match = FIELD_MESSAGE.exec(message);
  const field = match?.[1];
  if (field && match[2] && hasField(form.getValues(), field)) {
    form.setError(
      field as Path<T>,
      { type: 'server', message: sentence(match[2]) },
      { shouldFocus: true },
    );
    return field;
  }
  form.setError('root.server', { type: 'server', message });
  return undefined;
}

function hasField(values: unknown, path: string): boolean {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !(key in current)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
