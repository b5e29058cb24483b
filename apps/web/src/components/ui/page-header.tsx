import { Link } from '@tanstack/react-router';
import type { LinkProps } from '@tanstack/react-router';
import { ChevronRight } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/**
 * The top of a page: its title (the page's one h1), a count or badge beside it, a line of
 * description, and the page's actions on the right. Every route starts with this or
 * DetailHeader, so titles sit at the same place with the same type on every page.
 */
export function PageHeader({
  title,
  count,
  description,
  actions,
  children,
  className,
}: {
  title: ReactNode;
  /** Beside the title, muted: "12" or "3 of 12". */
  count?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** A second row (filters, a toolbar). */
  children?: ReactNode;
  className?: string;
}) {
  return (
    <header className={cn('flex flex-col gap-3 border-b border-line px-6 pt-5 pb-3', className)}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h1 className="flex items-baseline gap-2 text-[17px] font-semibold text-fg">
            {title}
            {count !== undefined && count !== null && (
              <span className="text-[13px] font-normal text-muted tabular-nums">{count}</span>
            )}
          </h1>
          {description && <p className="mt-0.5 text-[12.5px] text-muted">{description}</p>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      {children}
    </header>
  );
}

export interface Crumb {
  label: string;
  link: Pick<LinkProps, 'to' | 'params' | 'search'>;
}

/**
 * The top of one object's page: the way back (breadcrumb), its name, badges (state, health, a
 * short id) and its actions.
 */
export function DetailHeader({
  crumbs,
  title,
  current = title,
  description,
  badges,
  actions,
  children,
  className,
}: {
  crumbs: Crumb[];
  title: string;
  /** The breadcrumb's last part, when it is not the title ("New" for "Create container"). */
  current?: string;
  description?: ReactNode;
  badges?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <header className={cn('border-b border-line px-6 pt-4 pb-4', className)}>
      <nav
        aria-label="Breadcrumb"
        className="mb-2 flex items-center gap-1 text-[12.5px] text-muted"
      >
        {crumbs.map((crumb) => (
          <span key={crumb.label} className="flex items-center gap-1">
            <Link {...crumb.link} className="hover:text-fg hover:underline">
              {crumb.label}
            </Link>
            <ChevronRight className="size-3" aria-hidden />
          </span>
        ))}
        <span aria-current="page" className="truncate text-fg">
          {current}
        </span>
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 items-center gap-3">
          <h1 className="truncate text-[17px] font-semibold text-fg">{title}</h1>
          {badges}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      {description && <p className="mt-0.5 text-[12.5px] text-muted">{description}</p>}
      {children}
    </header>
  );
}
