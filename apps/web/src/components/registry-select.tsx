import { registryHostOfImage, registryHostOfServer, type RegistrySummary } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { Select } from '@/components/ui/input';
import { registriesQueryOptions } from '@/lib/queries';

/** The saved registries whose credentials may go to `host` (the gateway binds them the same way). */
export function registriesFor(
  registries: readonly RegistrySummary[],
  host: string | undefined,
): RegistrySummary[] {
  if (!host) return [];
  return registries.filter((registry) => registryHostOfServer(registry.server) === host);
}

/**
 * Saved registry whose credentials to send ('' = none: anonymous). Only registries for `host`
 * (the registry the image name or search term points at) are offered, and the first of them is
 * chosen by itself until the person picks "None".
 */
export function RegistrySelect({
  host,
  value,
  onChange,
  disabled,
}: {
  host: string | undefined;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const query = useQuery(registriesQueryOptions());
  const matching = registriesFor(query.data ?? [], host);
  const firstMatch = matching[0] ? String(matching[0].id) : '';
  const choseNone = useRef(false);
  const valueMatches = value === '' || matching.some((r) => String(r.id) === value);

  useEffect(() => {
    if (!valueMatches) onChange(firstMatch);
    else if (value === '' && firstMatch && !choseNone.current) onChange(firstMatch);
  }, [valueMatches, value, firstMatch, onChange]);

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-[12.5px] font-medium text-fg">
        Saved registry
      </label>
      <Select
        id={id}
        value={valueMatches ? value : ''}
        disabled={disabled || matching.length === 0}
        aria-describedby={hintId}
        onChange={(event) => {
          choseNone.current = event.target.value === '';
          onChange(event.target.value);
        }}
      >
        <option value="">None (anonymous)</option>
        {matching.map((registry) => (
          <option key={registry.id} value={String(registry.id)}>
            {registry.name} — {registry.username}@{registry.server}
          </option>
        ))}
      </Select>
      <p id={hintId} className="text-[12px] text-muted">
        {query.isError
          ? `Saved registries unavailable: ${query.error.message}`
          : !host
            ? 'Enter the image first: only a registry saved for its host can be used.'
            : matching.length
              ? `Credentials go to ${host} only.`
              : `No saved registry for ${host}; the engine connects anonymously.`}
      </p>
    </div>
  );
}

/**
 * The registry choice as a form field (`registry`, '' for none), for the forms that send an
 * image or plugin reference somewhere: `image` is what the choice is for (its host decides
 * which saved registries fit); nothing is offered while it is empty.
 */
export function FormRegistryField({ image, disabled }: { image: string; disabled?: boolean }) {
  const { control } = useFormContext<{ registry: string }>();
  const reference = image.trim();
  return (
    <Controller
      control={control}
      name="registry"
      render={({ field }) => (
        <RegistrySelect
          host={reference ? registryHostOfImage(reference) : undefined}
          value={field.value}
          onChange={field.onChange}
          disabled={disabled}
        />
      )}
    />
  );
}
