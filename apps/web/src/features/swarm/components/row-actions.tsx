import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { IconButton } from '@/components/ui/button';
import type { Column } from '@/components/ui/simple-table';

export interface RowAction {
  /** The button's accessible name, with the row's name in it: "Remove web". */
  label: string;
  icon: LucideIcon;
  onClick: () => void;
}

/** A row's icon buttons; `false` entries (an action this user may not take) are left out. */
export function RowActions({ actions }: { actions: readonly (RowAction | false | undefined)[] }) {
  return (
    <span className="inline-flex gap-1">
      {actions.map(
        (action) =>
          action && (
            <IconButton
              key={action.label}
              size="sm"
              aria-label={action.label}
              onClick={action.onClick}
            >
              <action.icon className="size-3.5" />
            </IconButton>
          ),
      )}
    </span>
  );
}

/** The last column of a list: its row's actions, right-aligned, without a header. */
export function actionsColumn<T>(cell: (row: T) => ReactNode): Column<T> {
  return { key: 'actions', header: '', className: 'text-right', cell };
}
