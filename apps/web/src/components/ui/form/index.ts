export { useZodForm } from './use-zod-form';
export type { ZodForm } from './use-zod-form';
export { useFormSubmit } from './use-form-submit';
export { applyServerError } from './server-error';
export { Form, FormSection } from './form';
export { FormDialog } from './form-dialog';
export type { FormDialogProps } from './form-dialog';
export { FormError } from './form-error';
export { FormCheckboxField, FormSelectField, FormTextAreaField, FormTextField } from './fields';
