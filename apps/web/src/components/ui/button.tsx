import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { Spinner } from './spinner';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';
type Size = 'sm' | 'md';

const variants: Record<Variant, string> = {
  primary: 'bg-accent text-on-accent hover:bg-accent-hover border-transparent shadow-sm',
  secondary: 'bg-panel text-fg border-line-strong hover:bg-hover shadow-xs',
  ghost: 'bg-transparent text-muted border-transparent hover:bg-hover hover:text-fg',
  danger: 'bg-danger-solid text-white border-transparent hover:opacity-90 shadow-sm',
};

const sizes: Record<Size, string> = {
  sm: 'h-7 px-2.5 text-[12.5px] gap-1.5',
  md: 'h-8 px-3 text-[13px] gap-2',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: Size;
  /** Shows a spinner in place of the icon and disables the button while an action runs. */
  loading?: boolean;
  icon?: ReactNode;
}

export function buttonClasses(variant: Variant = 'secondary', size: Size = 'md') {
  return cn(
    'inline-flex items-center justify-center rounded-md border font-medium whitespace-nowrap select-none',
    'transition-colors disabled:cursor-not-allowed disabled:opacity-45',
    variants[variant],
    sizes[size],
  );
}

export function Button({
  variant = 'secondary',
  size = 'md',
  loading = false,
  icon,
  disabled,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={cn(buttonClasses(variant, size), className)}
      {...rest}
    >
      {loading ? <Spinner /> : icon}
      {children}
    </button>
  );
}

export interface IconButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Icon-only buttons still need a name for screen readers and tests. */
  'aria-label': string;
  size?: Size;
}

export function IconButton({ className, type = 'button', size = 'md', ...rest }: IconButtonProps) {
  return (
    <button
      type={type}
      title={rest['aria-label']}
      className={cn(
        'inline-flex items-center justify-center rounded-md text-muted transition-colors',
        'hover:bg-hover hover:text-fg disabled:cursor-not-allowed disabled:opacity-45',
        size === 'sm' ? 'size-7' : 'size-8',
        className,
      )}
      {...rest}
    />
  );
}
