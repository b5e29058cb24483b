import { DropdownMenu } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

export interface MenuItem {
  label: string;
  icon?: ReactNode;
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
}

const itemClass =
  'flex w-full cursor-default items-center gap-2.5 px-3 py-1.5 text-left text-[13px] outline-none select-none data-[disabled]:opacity-45 data-[highlighted]:bg-hover [&>svg]:size-4';

export const menuSurfaceClass =
  'z-50 min-w-52 rounded-lg border border-line bg-panel py-1 shadow-xl shadow-black/15';

/**
 * A menu button over Radix (WAI-ARIA menu button: arrows, Home/End, type-ahead, Escape returns
 * focus). `trigger` is the button's content; `label` its accessible name.
 */
export function Menu({
  label,
  trigger,
  items,
  header,
  className,
  triggerClassName,
}: {
  label: string;
  trigger: ReactNode;
  items: MenuItem[];
  /** Non-interactive content at the top of the menu (who is logged in). */
  header?: ReactNode;
  className?: string;
  triggerClassName?: string;
}) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={label}
        className={cn(
          'inline-flex h-8 items-center gap-2 rounded-md px-2 text-[13px] text-fg transition-colors hover:bg-hover data-[state=open]:bg-hover',
          triggerClassName,
          className,
        )}
      >
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          aria-label={label}
          className={menuSurfaceClass}
        >
          {header && (
            <div className="border-b border-line px-3 pt-1.5 pb-2 text-[12.5px]">{header}</div>
          )}
          {items.map((item) => (
            <DropdownMenu.Item
              key={item.label}
              disabled={item.disabled}
              onSelect={item.onSelect}
              className={cn(itemClass, item.danger ? 'text-danger' : 'text-fg')}
            >
              {item.icon && (
                <span aria-hidden className="text-faint [&>svg]:size-4">
                  {item.icon}
                </span>
              )}
              {item.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** A menu of checkboxes (which columns a table shows). */
export function CheckboxMenu({
  label,
  trigger,
  items,
}: {
  label: string;
  trigger: ReactNode;
  items: Array<{
    id: string;
    label: string;
    checked: boolean;
    onChange: (checked: boolean) => void;
    disabled?: boolean;
  }>;
}) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={label}
        className="inline-flex h-8 items-center gap-1.5 rounded-md border border-line-strong bg-panel px-2.5 text-[12.5px] text-fg shadow-xs transition-colors hover:bg-hover data-[state=open]:bg-hover"
      >
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          aria-label={label}
          className={menuSurfaceClass}
        >
          {items.map((item) => (
            <DropdownMenu.CheckboxItem
              key={item.id}
              checked={item.checked}
              disabled={item.disabled}
              // Keep the menu open: people usually toggle several columns in a row.
              onSelect={(event) => event.preventDefault()}
              onCheckedChange={(checked) => item.onChange(checked === true)}
              className={cn(itemClass, 'pl-8 text-fg relative')}
            >
              <DropdownMenu.ItemIndicator className="absolute left-3 inline-flex">
                <span aria-hidden className="text-accent-text">
                  ✓
                </span>
              </DropdownMenu.ItemIndicator>
              {item.label}
            </DropdownMenu.CheckboxItem>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
