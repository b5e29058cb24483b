import { Plus, Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button, IconButton } from './button';

/**
 * A list of rows with an add button and a remove button per row (ports, mounts, secrets…): the
 * caller draws a row's fields; this owns adding, removing and patching rows in order.
 */
export function RowsEditor<T>({
  rows,
  onChange,
  blank,
  addLabel,
  noun,
  renderRow,
  empty,
  cannotAdd,
}: {
  rows: T[];
  onChange: (rows: T[]) => void;
  blank: () => T;
  addLabel: string;
  /** For the remove buttons' names: "Remove port 1". */
  noun: string;
  renderRow: (row: T, index: number, update: (patch: Partial<T>) => void) => ReactNode;
  empty?: ReactNode;
  /** Why nothing can be added yet (e.g. "Create a secret first"); disables the add button. */
  cannotAdd?: string;
}) {
  return (
    <div className="flex flex-col gap-2">
      {rows.length === 0 && empty && <p className="text-[12.5px] text-muted">{empty}</p>}
      {rows.map((row, index) => (
        <div key={index} className="flex items-start gap-2">
          <div className="grid min-w-0 flex-1 grid-cols-[repeat(auto-fit,minmax(8rem,1fr))] gap-2">
            {renderRow(row, index, (patch) =>
              onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r))),
            )}
          </div>
          <IconButton
            aria-label={`Remove ${noun} ${index + 1}`}
            size="sm"
            className="mt-6"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            <Trash2 className="size-3.5" />
          </IconButton>
        </div>
      ))}
      <div>
        <Button
          size="sm"
          icon={<Plus className="size-3.5" aria-hidden />}
          disabled={Boolean(cannotAdd)}
          title={cannotAdd}
          onClick={() => onChange([...rows, blank()])}
        >
          {addLabel}
        </Button>
      </div>
    </div>
  );
}
