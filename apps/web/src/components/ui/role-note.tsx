import type { Role } from '@berth/api';
import { Lock } from 'lucide-react';
import { cn } from '@/lib/cn';

/** Says why actions are missing: the user's role cannot do them (the gateway would refuse). */
export function RoleNote({
  needed,
  what,
  className,
}: {
  needed: Role;
  /** What the missing actions do, e.g. "changing containers". */
  what: string;
  className?: string;
}) {
  const text = `View only: ${what} needs the ${needed} role.`;
  return (
    <p
      role="note"
      title={text}
      className={cn('flex items-center gap-1.5 text-[12.5px] text-muted', className)}
    >
      <Lock className="size-3.5 shrink-0 text-faint" aria-hidden />
      {text}
    </p>
  );
}
