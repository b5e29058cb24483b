// What every section of the create-service form shares: the panel it stands in, and the kind
// of descriptor its text fields are drawn from (bound to the form around it, see form-fields).
import type { ServiceForm } from '@berth/api';
import type { ReactNode } from 'react';
import type { FieldPath } from 'react-hook-form';
import { Panel } from '@/components/ui/panel';
import type { TextFieldSpec } from './form-fields';

export type ServiceFieldSpec = TextFieldSpec<FieldPath<ServiceForm>>;

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Panel title={title} bodyClassName="flex flex-col gap-3 p-4">
      {children}
    </Panel>
  );
}
