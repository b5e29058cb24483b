import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Select } from '@/components/ui/input';
import { registriesQueryOptions } from '@/lib/queries';

/** Saved registry to use for credentials ('' = none: anonymous). */
export function RegistrySelect({
  value,
  onChange,
  disabled,
}: {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const query = useQuery(registriesQueryOptions());
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-[12.5px] font-medium text-fg">
        Saved registry
      </label>
      <Select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">None (anonymous)</option>
        {(query.data ?? []).map((registry) => (
          <option key={registry.id} value={String(registry.id)}>
            {registry.name} — {registry.username}@{registry.server}
          </option>
        ))}
      </Select>
      {query.isError && (
        <p className="text-[12px] text-muted">
          Saved registries unavailable: {query.error.message}
        </p>
      )}
    </div>
  );
}
