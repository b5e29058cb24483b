import { CUSTOM_COMMAND, terminalConnectSchema } from '@berth/api';
import type { ContainerInspect, TerminalConnectValues } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ExternalLink, Plug, TerminalSquare, Unplug } from 'lucide-react';
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Button, buttonClasses } from '@/components/ui/button';
import {
  Form,
  FormCheckboxField,
  FormSelectField,
  FormTextField,
  useZodForm,
} from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { useCapabilities } from '@/hooks/use-capabilities';
import { cn } from '@/lib/cn';
import { pathExistsQueryOptions } from '../api/terminal-queries';
import { DEFAULT_SHELL, searchFromTarget, splitCommand } from '../api/terminal-target';
import type { TerminalTarget } from '../api/terminal-target';

const BASH = '/bin/bash';

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
  const form = useZodForm(terminalConnectSchema, {
    defaultValues: {
      mode: 'exec',
      command: DEFAULT_SHELL,
      custom: '',
      user: '',
      workdir: '',
      logs: true,
    },
  });
  const values = form.watch();
  const running = inspect.State.Running && !inspect.State.Paused;
  // The probe is a stat through the archive API, which not every engine has (pouchd has none):
  // the capability table says, instead of a call that can only fail.
  const capabilities = useCapabilities(endpointId);
  const canProbe = !capabilities.known || capabilities.has('archive');
  // Only ask while the container runs: the probe is an engine call and a stopped one has no shell.
  const hasBash = useQuery({
    ...pathExistsQueryOptions(endpointId, inspect.Id, BASH),
    enabled: running && capabilities.known && canProbe,
  });
  const current = toTarget(values);

  return (
    <Form
      form={form}
      onSubmit={form.handleSubmit((parsed) => {
        const target = toTarget(parsed);
        if (target) onConnect(target);
      })}
      aria-label="New terminal"
      className="mx-auto w-full max-w-xl gap-4 px-6 py-6"
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
            value="exec"
            checked={values.mode === 'exec'}
            registration={form.register('mode')}
            title="Run a command"
            hint="A new process, like docker exec -it"
            icon={<Plug className="size-3.5" aria-hidden />}
          />
          <ModeOption
            value="attach"
            checked={values.mode === 'attach'}
            registration={form.register('mode')}
            title="Attach to the main process"
            hint="Its console, like docker attach"
            icon={<Unplug className="size-3.5" aria-hidden />}
          />
        </div>
      </fieldset>

      {values.mode === 'exec' ? (
        <div className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <FormSelectField<TerminalConnectValues>
              id={`${id}-command`}
              name="command"
              label="Command"
              hint={
                !canProbe
                  ? 'This engine cannot tell whether the image has /bin/bash (no archive API).'
                  : running && hasBash.data === false
                    ? 'This image has no /bin/bash.'
                    : undefined
              }
            >
              <option value={DEFAULT_SHELL}>/bin/sh</option>
              {(hasBash.data || !canProbe || values.command === BASH) && (
                <option value={BASH}>/bin/bash</option>
              )}
              <option value={CUSTOM_COMMAND}>Custom command…</option>
            </FormSelectField>
          </div>
          {values.command === CUSTOM_COMMAND && (
            <div className="sm:col-span-2">
              <FormTextField<TerminalConnectValues>
                name="custom"
                label="Custom command"
                autoFocus
                placeholder="e.g. /bin/ash -l, or python3 -i"
                className="font-mono"
                hint="Arguments are split on spaces; quote one that has spaces in it."
              />
            </div>
          )}
          <FormTextField<TerminalConnectValues>
            name="user"
            label="User"
            autoComplete="off"
            placeholder={inspect.Config.User || 'image default'}
            className="font-mono"
          />
          <FormTextField<TerminalConnectValues>
            name="workdir"
            label="Working directory"
            autoComplete="off"
            placeholder={inspect.Config.WorkingDir || '/'}
            className="font-mono"
          />
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          <FormCheckboxField<TerminalConnectValues>
            name="logs"
            label="Replay logs"
            hint="Show the output so far before the live stream."
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
    </Form>
  );
}

/** The terminal the form's values describe; null while a custom command is still blank. */
function toTarget(values: TerminalConnectValues): TerminalTarget | null {
  if (values.mode === 'attach') return { mode: 'attach', logs: values.logs };
  const cmd = values.command === CUSTOM_COMMAND ? splitCommand(values.custom) : [values.command];
  if (cmd.length === 0) return null;
  const user = values.user.trim();
  const workdir = values.workdir.trim();
  return { mode: 'exec', cmd, ...(user ? { user } : {}), ...(workdir ? { workdir } : {}) };
}

function ModeOption({
  value,
  checked,
  registration,
  title,
  hint,
  icon,
}: {
  value: TerminalConnectValues['mode'];
  checked: boolean;
  registration: UseFormRegisterReturn<'mode'>;
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
        value={value}
        {...registration}
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
