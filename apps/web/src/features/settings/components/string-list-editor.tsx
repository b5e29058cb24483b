// The editable allow-lists of the security settings (host paths, fetch hosts): the entries with a
// remove button each, an add field that says what is wrong with the draft, and the save bar.
import { Plus, X } from 'lucide-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';

export function StringListEditor({
  items,
  onChange,
  listLabel,
  empty,
  fieldLabel,
  placeholder,
  hint,
  addLabel,
  problemOf,
  normalise,
}: {
  items: readonly string[];
  onChange: (items: string[]) => void;
  /** The list's accessible name ("Allowed hosts"). */
  listLabel: string;
  /** Shown instead of the list when it is empty. */
  empty: ReactNode;
  fieldLabel: string;
  placeholder: string;
  hint?: string;
  addLabel: string;
  /** Why the draft cannot be added (bad syntax, already listed), or null. */
  problemOf: (draft: string, items: readonly string[]) => string | null;
  normalise: (draft: string) => string;
}) {
  const [draft, setDraft] = useState('');
  const [attempted, setAttempted] = useState(false);
  const problem = problemOf(draft, items);

  function add() {
    setAttempted(true);
    if (problem) return;
    onChange([...items, normalise(draft)].sort());
    setDraft('');
    setAttempted(false);
  }

  return (
    <>
      {items.length === 0 ? (
        empty
      ) : (
        <ul aria-label={listLabel} className="divide-y divide-line rounded-md border border-line">
          {items.map((item) => (
            <li key={item} className="flex items-center justify-between gap-3 px-3 py-1.5">
              <span className="font-mono text-[12.5px] break-all text-fg">{item}</span>
              <IconButton
                size="sm"
                aria-label={`Remove ${item}`}
                onClick={() => onChange(items.filter((other) => other !== item))}
              >
                <X className="size-3.5" />
              </IconButton>
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        className="flex items-start gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <div className="flex-1">
          <TextField
            label={fieldLabel}
            placeholder={placeholder}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            value={draft}
            // Quiet until the person types or tries to add an empty one.
            error={attempted || draft ? problem : null}
            hint={hint}
            onChange={(event) => setDraft(event.target.value)}
          />
        </div>
        <Button
          type="submit"
          className="mt-[22px]"
          icon={<Plus className="size-3.5" aria-hidden />}
        >
          {addLabel}
        </Button>
      </form>
    </>
  );
}

/** Discard and Save for a settings panel, with "Unsaved changes" while it differs from saved. */
export function SaveBar({
  dirty,
  saving,
  saveLabel,
  onDiscard,
  onSave,
}: {
  dirty: boolean;
  saving: boolean;
  saveLabel: string;
  onDiscard: () => void;
  onSave: () => void;
}) {
  return (
    <div className="flex items-center justify-end gap-2 border-t border-line pt-3">
      {dirty && (
        <span className="mr-auto text-[12.5px] text-amber-700 dark:text-amber-400" role="status">
          Unsaved changes
        </span>
      )}
      <Button disabled={!dirty || saving} onClick={onDiscard}>
        Discard
      </Button>
      <Button variant="primary" disabled={!dirty} loading={saving} onClick={onSave}>
        {saveLabel}
      </Button>
    </div>
  );
}
