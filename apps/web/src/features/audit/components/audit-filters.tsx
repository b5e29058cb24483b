import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Select, TextInput } from '@/components/ui/input';
import { useSlashFocus } from '@/hooks/use-slash-focus';
import { usersQueryOptions } from '@/lib/queries';
import { AUDIT_RANGES, rangeOf } from '../api/audit-search';
import type { AuditRange, AuditSearch } from '../api/audit-search';

/** Actions the gateway records; the field takes any part of one (`Container` finds them all). */
const KNOWN_ACTIONS = [
  'login',
  'logout',
  'setup',
  'user.create',
  'user.update',
  'user.delete',
  'token.create',
  'token.revoke',
  'settings.security',
  'registry.',
  'csrf',
  'exec',
  'attach',
  'Container',
  'ContainerCreate',
  'ContainerStart',
  'ContainerStop',
  'ContainerDelete',
  'Image',
];

/** A text filter that writes to the URL once typing pauses, not on every key. */
function useDebouncedField(value: string | undefined, commit: (value: string) => void) {
  const [draft, setDraft] = useState(value ?? '');
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  useEffect(() => {
    if (draft === (value ?? '')) return;
    const timer = setTimeout(() => commitRef.current(draft.trim()), 300);
    return () => clearTimeout(timer);
  }, [draft, value]);
  return [draft, setDraft] as const;
}

export function AuditFilters({
  search,
  onChange,
}: {
  search: AuditSearch;
  onChange: (patch: AuditSearch) => void;
}) {
  const ids = useId();
  const users = useQuery(usersQueryOptions());
  const textRef = useRef<HTMLInputElement>(null);
  useSlashFocus(textRef);
  const [user, setUser] = useDebouncedField(search.user, (v) => onChange({ user: v }));
  const [action, setAction] = useDebouncedField(search.action, (v) => onChange({ action: v }));
  const [q, setQ] = useDebouncedField(search.q, (v) => onChange({ q: v }));
  const range = rangeOf(search);

  return (
    <div role="search" aria-label="Audit filters" className="flex flex-wrap items-end gap-2">
      <Labelled label="User" htmlFor={`${ids}-user`}>
        <TextInput
          id={`${ids}-user`}
          list={`${ids}-users`}
          value={user}
          placeholder="Anyone"
          autoComplete="off"
          onChange={(event) => setUser(event.target.value)}
          className="w-36"
        />
        <datalist id={`${ids}-users`}>
          {(users.data ?? []).map((u) => (
            <option key={u.id} value={u.username} />
          ))}
        </datalist>
      </Labelled>
      <Labelled label="Action" htmlFor={`${ids}-action`}>
        <TextInput
          id={`${ids}-action`}
          list={`${ids}-actions`}
          value={action}
          placeholder="Any action"
          autoComplete="off"
          onChange={(event) => setAction(event.target.value)}
          className="w-40 font-mono"
        />
        <datalist id={`${ids}-actions`}>
          {KNOWN_ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </Labelled>
      <Labelled label="Result" htmlFor={`${ids}-result`}>
        <Select
          id={`${ids}-result`}
          value={search.result ?? ''}
          onChange={(event) =>
            onChange({ result: (event.target.value || undefined) as AuditSearch['result'] })
          }
        >
          <option value="">Any result</option>
          <option value="ok">ok</option>
          <option value="denied">denied</option>
          <option value="error">error</option>
        </Select>
      </Labelled>
      <Labelled label="Time" htmlFor={`${ids}-range`}>
        <Select
          id={`${ids}-range`}
          value={range}
          onChange={(event) => onChange({ range: event.target.value as AuditRange })}
        >
          {Object.entries(AUDIT_RANGES).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Labelled>
      {range === 'custom' && (
        <>
          <Labelled label="From" htmlFor={`${ids}-from`}>
            <TextInput
              id={`${ids}-from`}
              type="datetime-local"
              value={search.from ?? ''}
              max={search.to}
              onChange={(event) => onChange({ from: event.target.value || undefined })}
            />
          </Labelled>
          <Labelled label="To" htmlFor={`${ids}-to`}>
            <TextInput
              id={`${ids}-to`}
              type="datetime-local"
              value={search.to ?? ''}
              min={search.from}
              onChange={(event) => onChange({ to: event.target.value || undefined })}
            />
          </Labelled>
        </>
      )}
      <Labelled label="Search" htmlFor={`${ids}-q`}>
        <div className="relative">
          <Search
            className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-faint"
            aria-hidden
          />
          <TextInput
            ref={textRef}
            id={`${ids}-q`}
            type="search"
            value={q}
            placeholder="Target or detail"
            onChange={(event) => setQ(event.target.value)}
            className="w-52 pl-8"
          />
        </div>
      </Labelled>
    </div>
  );
}

function Labelled({
  label,
  htmlFor,
  children,
}: {
  label: string;
  htmlFor: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-[11.5px] font-medium text-muted">
        {label}
      </label>
      {children}
    </div>
  );
}
