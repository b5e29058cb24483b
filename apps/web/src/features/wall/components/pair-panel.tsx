// Pairing a wall screen: the code it shows, a name for it and the layout it opens.
import { toWallPairing, wallPairFormSchema } from '@berth/api';
import type { WallLayoutSummary, WallPairFormValues } from '@berth/api';
import { Button } from '@/components/ui/button';
import {
  Form,
  FormError,
  FormSelectField,
  FormTextField,
  useFormSubmit,
  useZodForm,
} from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Panel } from '@/components/ui/panel';
import { approvePairingMutation } from '../api/wall-api';

const EMPTY: WallPairFormValues = { code: '', name: '', layoutId: '' };

export function PairPanel({ layouts }: { layouts: WallLayoutSummary[] }) {
  const form = useZodForm(wallPairFormSchema, { defaultValues: EMPTY });
  const { submit, mutation: approve } = useFormSubmit(
    form,
    approvePairingMutation(),
    // Nothing picked (the layouts came after the form): the first one offered, as shown.
    (values) => toWallPairing(values, layouts[0]?.id ?? null),
    () => form.reset(EMPTY),
  );
  return (
    <Panel title="Pair a screen" id="wall-pair">
      <Form
        form={form}
        aria-label="Pair a screen"
        className="p-4"
        onSubmit={(event) => void submit(event)}
      >
        <div className="grid gap-3 md:grid-cols-[160px_1fr_1fr_auto] md:items-start">
          <FormTextField<WallPairFormValues>
            name="code"
            label="Code on the wall"
            autoComplete="off"
            spellCheck={false}
            className="font-mono tracking-widest uppercase"
          />
          <FormTextField<WallPairFormValues>
            name="name"
            label="Screen name"
            placeholder="Ops room TV"
          />
          <FormSelectField<WallPairFormValues> name="layoutId" label="Layout">
            {layouts.length === 0 && <option value="">No layouts yet</option>}
            {layouts.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </FormSelectField>
          <Button
            type="submit"
            variant="primary"
            loading={approve.isPending}
            className="md:mt-[22px]"
          >
            Approve
          </Button>
        </div>
        <p className="text-[12px] text-muted">
          The screen becomes a viewer that sees only this layout; it cannot log in with a password,
          and you can revoke it below at any time.
        </p>
        <div aria-live="polite">
          {approve.isSuccess && (
            <InlineAlert tone="info">
              Paired {approve.variables.name} as {approve.data.name}. The wall shows its layout
              within a few seconds.
            </InlineAlert>
          )}
          <FormError title="Not paired" />
        </div>
      </Form>
    </Panel>
  );
}
