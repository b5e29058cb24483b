import { TextField } from './field';
import { RowsEditor } from './rows-editor';

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
    <RowsEditor<Pair>
      rows={rows}
      onChange={onChange}
      blank={() => ({ key: '', value: '' })}
      addLabel={`Add ${noun.toLowerCase()}`}
      noun={noun.toLowerCase()}
      renderRow={(row, i, update) => (
        <>
          <TextField
            label={`${noun} ${i + 1} key`}
            value={row.key}
            onChange={(e) => update({ key: e.target.value })}
          />
          <TextField
            label={`${noun} ${i + 1} value`}
            value={row.value}
            onChange={(e) => update({ value: e.target.value })}
          />
        </>
      )}
    />
  );
}
