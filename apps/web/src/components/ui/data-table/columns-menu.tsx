import type { RowData } from '@tanstack/react-table';
import { Columns3 } from 'lucide-react';
import { CheckboxMenu } from '../menu';
import type { DataColumnMeta } from './features';
import type { DataTableInstance } from './use-data-table';

/** Which columns a table shows; the choice is saved with the table's layout. */
export function ColumnsMenu<T extends RowData>({
  table,
  label,
}: {
  table: DataTableInstance<T>;
  /** The table's name: "Columns of Containers". */
  label: string;
}) {
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());
  if (columns.length === 0) return null;
  return (
    <CheckboxMenu
      label={`Columns of ${label}`}
      trigger={
        <>
          <Columns3 className="size-3.5" aria-hidden />
          Columns
        </>
      }
      items={columns.map((column) => {
        const meta = (column.columnDef.meta ?? {}) as DataColumnMeta;
        const header = column.columnDef.header;
        return {
          id: column.id,
          label: meta.label ?? (typeof header === 'string' ? header : column.id),
          checked: column.getIsVisible(),
          // The last visible column stays: a table of nothing helps no one.
          disabled: column.getIsVisible() && table.getVisibleLeafColumns().length === 1,
          onChange: (checked: boolean) => column.toggleVisibility(checked),
        };
      })}
    />
  );
}
