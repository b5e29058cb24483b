// What every section of the create-service form shares: the panel it stands in, the form's
// values with their setter, and the errors (shown once the form was submitted).
import type { ReactNode } from 'react';
import { Panel } from '@/components/ui/panel';
import type { ServiceForm } from '../api/service-form';
import type { TextFieldSpec } from './form-fields';

export interface ServiceSectionProps {
  form: ServiceForm;
  set: <K extends keyof ServiceForm>(key: K, value: ServiceForm[K]) => void;
  /** The message for a field (or a row: `port0`, `mount1`), or null. */
  err: (key: string) => string | null;
}

/** The form's keys that hold free text (not a choice from a list, a row list or a flag). */
export type FreeTextKey = {
  [P in keyof ServiceForm]: string extends ServiceForm[P] ? P : never;
}[keyof ServiceForm];

export type ServiceFieldSpec = TextFieldSpec<FreeTextKey>;

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Panel title={title} bodyClassName="flex flex-col gap-3 p-4">
      {children}
    </Panel>
  );
}
