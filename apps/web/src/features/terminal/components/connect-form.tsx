import type { ContainerInspect } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ExternalLink, Plug, TerminalSquare, Unplug } from 'lucide-react';
import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Select, TextInput } from '@/components/ui/input';
import { cn } from '@/lib/cn';
import { useCapabilities } from '@/hooks/use-capabilities';
import { pathExistsQueryOptions } from '../api/terminal-queries';
import { DEFAULT_SHELL, searchFromTarget, splitCommand } from '../api/terminal-target';
import type { TerminalTarget } from '../api/terminal-target';

const BASH = '/bin/bash';
const CUSTOM = 'custom';

/** Picks what a new terminal runs: a command (exec) or the main process (attach). */
export function ConnectForm({
  endpointId,
  inspect,
  onConnect,
}: {
  endpointId: string;
  inspect: ContainerInspect;
  onConnect: (target: TerminalTarget) => void;
}) {
  const id = useId();
  const [mode, setMode] = useState<'exec' | 'attach'>('exec');
  const [command, setCommand] = useState(DEFAULT_SHELL);
  const [custom, setCustom] = useState('');
  const [user, setUser] = useState('');
  const [workdir, setWorkdir] = useState('');
  const [logs, setLogs] = useState(true);
  const [customError, setCustomError] = useState<string | null>(null);
  const running = inspect.State.Running && !inspect.State.Paused;
  // The probe is a stat through the archive API, which not every engine has (pouchd has none):
  // the capability table says, instead of a call that can only fail.
  const capabilities = useCapabilities(endpointId);
  const canProbe = capabilities.has('archive');
  // Only ask while the container runs: the probe is an engine call and a stopped one has no shell.
  const hasBash = useQuery({
    ...pathExistsQueryOptions(endpointId, inspect.Id, BASH),
    enabled: running && capabilities.known && canProbe,
  });

  function target(): TerminalTarget | null {
    if (mode === 'attach') return { mode: 'attach', logs };
    const cmd = command === CUSTOM ? splitCommand(custom) : [command];
    if (cmd.length === 0) return null;
    return {
      mode: 'exec',
      cmd,
      ...(user.trim() ? { user: user.trim() } : {}),
      ...(workdir.trim() ? { workdir: workdir.trim() } : {}),
    };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = target();
    if (!next) {
      setCustomError('Type the command to run, e.g. /bin/ash -l');
      return;
    }
    onConnect(next);
  }

  const current = target();

  return (
    <form
      onSubmit={submit}
      aria-label="New terminal"
      className="mx-auto flex w-full max-w-xl flex-col gap-4 px-6 py-6"
    >
      <div className="flex items-center gap-2 text-[14px] font-semibold text-fg">
        <TerminalSquare className="size-4 text-accent-text" aria-hidden />
        Open a terminal in {inspect.Name.replace(/^\//, '')}
      </div>

      {!inspect.State.Running ? (
        <InlineAlert tone="warning" title="The container is not running">
          Start it to open a terminal; the engine will refuse until then.
        </InlineAlert>
      ) : inspect.State.Paused ? (
        <InlineAlert tone="warning" title="The container is paused">
          Unpause it to open a terminal; the engine will refuse until then.
        </InlineAlert>
      ) : null}

      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-[12.5px] font-medium text-fg">Session</legend>
        <div className="grid grid-cols-2 gap-2">
          <ModeOption
            name={`${id}-mode`}
            checked={mode === 'exec'}
            onSelect={() => setMode('exec')}
            title="Run a command"
            hint="A new process, like docker exec -it"
            icon={<Plug className="size-3.5" aria-hidden />}
          />
          <ModeOption
            name={`${id}-mode`}
            checked={mode === 'attach'}
            onSelect={() => setMode('attach')}
            title="Attach to the main process"
            hint="Its console, like docker attach"
            icon={<Unplug className="size-3.5" aria-hidden />}
          />
        </div>
      </fieldset>

      {mode === 'exec' ? (
        <>
          <div className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2">
            <div className="flex flex-col gap-1.5 sm:col-span-2">
              <label htmlFor={`${id}-command`} className="text-[12.5px] font-medium text-fg">
                Command
              </label>
              <Select
                id={`${id}-command`}
                value={command}
                onChange={(event) => {
                  setCommand(event.target.value);
                  setCustomError(null);
                }}
              >
                <option value={DEFAULT_SHELL}>/bin/sh</option>
                {(hasBash.data || !canProbe || command === BASH) && (
                  <option value={BASH}>/bin/bash</option>
                )}
                <option value={CUSTOM}>Custom command…</option>
              </Select>
              {running && canProbe && hasBash.data === false && (
                <p className="text-[12px] text-faint">This image has no /bin/bash.</p>
              )}
              {!canProbe && (
                <p className="text-[12px] text-faint">
                  This engine cannot tell whether the image has /bin/bash (no archive API).
                </p>
              )}
            </div>
            {command === CUSTOM && (
              <div className="flex flex-col gap-1.5 sm:col-span-2">
                <label htmlFor={`${id}-custom`} className="text-[12.5px] font-medium text-fg">
                  Custom command
                </label>
                <TextInput
                  id={`${id}-custom`}
                  autoFocus
                  value={custom}
                  placeholder="e.g. /bin/ash -l, or python3 -i"
                  aria-invalid={customError ? true : undefined}
                  aria-describedby={`${id}-custom-note`}
                  className={cn('font-mono', customError && 'border-danger')}
                  onChange={(event) => {
                    setCustom(event.target.value);
                    setCustomError(null);
                  }}
                />
                <p
                  id={`${id}-custom-note`}
                  className={cn('text-[12px]', customError ? 'text-danger' : 'text-muted')}
                >
                  {customError ?? 'Arguments are split on spaces; quote one that has spaces in it.'}
                </p>
              </div>
            )}
            <div className="flex flex-col gap-1.5">
              <label htmlFor={`${id}-user`} className="text-[12.5px] font-medium text-fg">
                User
              </label>
              <TextInput
                id={`${id}-user`}
                value={user}
                autoComplete="off"
                placeholder={inspect.Config.User || 'image default'}
                className="font-mono"
                onChange={(event) => setUser(event.target.value)}
              />
            </div>
            <div className="flex flex-col gap-1.5">
              <label htmlFor={`${id}-workdir`} className="text-[12.5px] font-medium text-fg">
                Working directory
              </label>
              <TextInput
                id={`${id}-workdir`}
                value={workdir}
                autoComplete="off"
                placeholder={inspect.Config.WorkingDir || '/'}
                className="font-mono"
                onChange={(event) => setWorkdir(event.target.value)}
              />
            </div>
          </div>
        </>
      ) : (
        <div className="flex flex-col gap-3">
          <CheckboxField
            label="Replay logs"
            hint="Show the output so far before the live stream."
            checked={logs}
            onChange={(event) => setLogs(event.target.checked)}
          />
          <InlineAlert tone="warning" title="This is the container’s main process">
            What you type goes to it: <strong>Ctrl-C may stop the container</strong>. To leave it
            running, detach with <kbd className="font-mono">Ctrl-P</kbd> then{' '}
            <kbd className="font-mono">Ctrl-Q</kbd>, or use the Detach button.
            {!inspect.Config.Tty &&
              ' This container has no TTY: you see its output, but there is no line editing and the detach keys do not apply.'}
            {!inspect.Config.OpenStdin && ' Its stdin is not open, so typing has no effect.'}
          </InlineAlert>
        </div>
      )}

      <div className="flex flex-wrap items-center gap-2 pt-1">
        <Button type="submit" variant="primary" icon={<Plug className="size-3.5" aria-hidden />}>
          Connect
        </Button>
        {current && (
          <Link
            to="/endpoints/$endpointId/containers/$containerId/terminal"
            params={{ endpointId, containerId: inspect.Id }}
            search={searchFromTarget(current)}
            target="_blank"
            rel="noopener"
            className={buttonClasses('ghost')}
          >
            <ExternalLink className="size-3.5" aria-hidden />
            Open in new window
          </Link>
        )}
      </div>
    </form>
  );
}

function ModeOption({
  name,
  checked,
  onSelect,
  title,
  hint,
  icon,
}: {
  name: string;
  checked: boolean;
  onSelect: () => void;
  title: string;
  hint: string;
  icon: ReactNode;
}) {
  const id = useId();
  return (
    <label
      className={cn(
        'flex cursor-pointer items-start gap-2.5 rounded-md border px-3 py-2.5 transition-colors',
        checked ? 'border-accent bg-accent-soft' : 'border-line-strong bg-panel hover:border-faint',
      )}
    >
      <input
        type="radio"
        name={name}
        checked={checked}
        onChange={onSelect}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-hint`}
        className="mt-[3px] accent-[var(--berth-accent)]"
      />
      <span className="min-w-0">
        <span
          id={`${id}-title`}
          className="flex items-center gap-1.5 text-[13px] font-medium text-fg"
        >
          {icon}
          {title}
        </span>
        <span id={`${id}-hint`} className="block text-[12px] text-muted">
          {hint}
        </span>
      </span>
    </label>
  );
}
