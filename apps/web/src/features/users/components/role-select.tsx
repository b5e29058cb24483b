import { ROLES } from '@berth/api';
import type { Role } from '@berth/api';
import { useId } from 'react';
import { Select } from '@/components/ui/input';
import { ROLE_DESCRIPTIONS } from '@/components/ui/role-badge';

export function RoleSelect({
  value,
  onChange,
  label = 'Role',
}: {
  value: Role;
  onChange: (role: Role) => void;
  label?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-[12.5px] font-medium text-fg">
        {label}
      </label>
      <Select
        id={id}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value as Role)}
        className="w-full"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </Select>
      <p id={`${id}-hint`} className="text-[12px] text-muted">
        {ROLE_DESCRIPTIONS[value]}
      </p>
    </div>
  );
}
