import type { Role } from '@berth/api';
import { cn } from '@/lib/cn';

const STYLES: Record<Role, string> = {
  admin: 'text-violet-700 border-violet-500/35 bg-violet-500/8 dark:text-violet-300',
  operator: 'text-sky-700 border-sky-500/35 bg-sky-500/8 dark:text-sky-300',
  viewer: 'text-muted border-line-strong bg-subtle',
};

export function RoleBadge({ role, className }: { role: Role; className?: string }) {
  return (
    <span
      className={cn(
        'inline-flex h-5 items-center rounded-full border px-2 text-[11.5px] font-medium',
        STYLES[role],
        className,
      )}
    >
      {role}
    </span>
  );
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: 'Read-only: lists, inspect, logs, stats and events.',
  operator: 'Viewer, plus container lifecycle, exec, pull and create within the policy.',
  admin: 'Everything, including users, settings and the audit log.',
};
