import { Plus, Trash2 } from 'lucide-react';
import { Button, IconButton } from './button';
import { TextField } from './field';

export interface Pair {
  key: string;
  value: string;
}

/**
 * Rows of key/value text fields (labels, driver options) with add and remove. Each field is
 * labelled "<noun> <n> key|value" so tests and screen readers can tell the rows apart.
 */
export function PairsEditor({
  noun,
  rows,
  onChange,
}: {
  noun: string;
  rows: Pair[];
  onChange: (rows: Pair[]) => void;
}) {
  return (
    <div className="flex flex-col gap-2">
      {rows.map((row, i) => (
        <div key={i} className="flex items-end gap-2">
          <TextField
            label={`${noun} ${i + 1} key`}
            value={row.key}
            onChange={(e) =>
              onChange(rows.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))
            }
          />
          <TextField
            label={`${noun} ${i + 1} value`}
            value={row.value}
            onChange={(e) =>
              onChange(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))
            }
          />
          <IconButton
            aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}
            size="sm"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            <Trash2 className="size-3.5" />
          </IconButton>
        </div>
      ))}
      <div>
        <Button
          size="sm"
          icon={<Plus className="size-3.5" aria-hidden />}
          onClick={() => onChange([...rows, { key: '', value: '' }])}
        >
          Add {noun.toLowerCase()}
        </Button>
      </div>
    </div>
  );
}
