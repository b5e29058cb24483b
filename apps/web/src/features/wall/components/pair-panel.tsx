// Pairing a wall screen: the code it shows, a name for it and the layout it opens.
import type { WallLayoutSummary } from '@berth/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Select } from '@/components/ui/input';
import { Panel } from '@/components/ui/panel';
import { approvePairing, wallKeys } from '../api/wall-api';

export function PairPanel({ layouts }: { layouts: WallLayoutSummary[] }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [layoutId, setLayoutId] = useState<string>('');
  const [errors, setErrors] = useState<{ code?: string; name?: string }>({});
  const approve = useMutation({
    mutationFn: approvePairing,
    meta: { toastOnError: false, invalidates: [wallKeys.devices()] },
    onSuccess: () => {
      setCode('');
      setName('');
    },
  });
  const chosen = layoutId || (layouts[0] ? String(layouts[0].id) : '');
  return (
    <Panel title="Pair a screen" id="wall-pair">
      <form
        noValidate
        aria-label="Pair a screen"
        className="flex flex-col gap-3 p-4"
        onSubmit={(event) => {
          event.preventDefault();
          const clean = code.replace(/[^a-z0-9]/gi, '');
          const next: typeof errors = {};
          if (clean.length < 4) next.code = 'Enter the code the wall shows.';
          if (!name.trim()) next.name = 'Name the screen, e.g. Ops room TV.';
          setErrors(next);
          if (next.code || next.name) return;
          approve.mutate({
            code: clean,
            name: name.trim(),
            layoutId: chosen ? Number(chosen) : null,
          });
        }}
      >
        <div className="grid gap-3 md:grid-cols-[160px_1fr_1fr_auto] md:items-start">
          <TextField
            label="Code on the wall"
            value={code}
            error={errors.code}
            autoComplete="off"
            spellCheck={false}
            className="font-mono tracking-widest uppercase"
            onChange={(event) => setCode(event.target.value)}
          />
          <TextField
            label="Screen name"
            value={name}
            error={errors.name}
            placeholder="Ops room TV"
            onChange={(event) => setName(event.target.value)}
          />
          <div className="flex flex-col gap-1.5">
            <label htmlFor="pair-layout" className="text-[12.5px] font-medium text-fg">
              Layout
            </label>
            <Select
              id="pair-layout"
              value={chosen}
              onChange={(event) => setLayoutId(event.target.value)}
            >
              {layouts.length === 0 && <option value="">No layouts yet</option>}
              {layouts.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </Select>
          </div>
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
          {approve.isError && <InlineAlert title="Not paired">{approve.error.message}</InlineAlert>}
        </div>
      </form>
    </Panel>
  );
}
