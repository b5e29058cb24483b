import { passwordChecks } from '@berth/api';
import { Check, Circle } from 'lucide-react';
import { cn } from '@/lib/cn';

/** Berth's password rules under a new-password field, ticked off as the user types. */
export function PasswordChecklist({
  id,
  password,
  username,
}: {
  id: string;
  password: string;
  username: string;
}) {
  const checks = passwordChecks(password, username);
  return (
    <ul id={id} aria-label="Password rules" className="flex flex-col gap-0.5 text-[12px]">
      {checks.map((check) => (
        <li
          key={check.id}
          className={cn(
            'flex items-center gap-1.5',
            check.ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-muted',
          )}
        >
          {check.ok ? (
            <Check className="size-3" aria-hidden />
          ) : (
            <Circle className="size-2.5 mx-[1px]" aria-hidden />
          )}
          {check.label}
          <span className="sr-only">{check.ok ? ' (met)' : ' (not met yet)'}</span>
        </li>
      ))}
    </ul>
  );
}
