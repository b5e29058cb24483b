import { endpointKeys, shortId, writeTar } from '@berth/api';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { ChevronRight, Hammer, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CapabilityNote } from '@/components/ui/capability-note';
import { CheckboxField } from '@/components/ui/checkbox';
import { TextAreaField, TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { useCapabilities } from '@/hooks/use-capabilities';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { parsePairs, toBuildQuery } from '../api/build-request';
import type { BuildForm } from '../api/build-request';
import { useProgressStream } from '../api/use-progress-stream';

const route = getRouteApi('/_app/endpoints/$endpointId/images/build');

const INITIAL: BuildForm = {
  source: 'dockerfile',
  dockerfile: 'FROM berth/busybox:latest\n',
  remote: '',
  dockerfilePath: '',
  tags: '',
  buildArgs: '',
  labels: '',
  target: '',
  nocache: false,
  pull: false,
};

const MAX_LOG = 1_000_000;

export function BuildRoute() {
  const { endpointId } = route.useParams();
  const capabilities = useCapabilities(endpointId);
  if (!capabilities.has('build')) {
    return (
      <div className="mx-auto max-w-3xl px-6 py-5">
        <h1 className="mb-3 text-[17px] font-semibold text-fg">Build image</h1>
        <CapabilityNote
          detailed
          engineName={capabilities.engineName}
          missing={[['Build', capabilities.reason('build')]]}
        />
      </div>
    );
  }
  return <BuildPage />;
}

function BuildPage() {
  const { endpointId } = route.useParams();
  useDocumentTitle('Build image');
  const queryClient = useQueryClient();
  const [form, setForm] = useState<BuildForm>(INITIAL);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [log, setLog] = useState('');
  const [imageId, setImageId] = useState<string | null>(null);
  const logRef = useRef<HTMLPreElement>(null);
  const stream = useProgressStream((message) => {
    if (message.aux?.ID) setImageId(message.aux.ID);
    const text =
      message.stream ??
      (message.error
        ? `ERROR: ${message.error}\n`
        : message.status
          ? `${message.id ? `${message.id}: ` : ''}${message.status}${message.progress ? ` ${message.progress}` : ''}\n`
          : '');
    if (text) setLog((current) => (current + text).slice(-MAX_LOG));
  });
  const running = stream.phase === 'running';
  const set = <K extends keyof BuildForm>(key: K, value: BuildForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  useEffect(() => {
    const node = logRef.current;
    if (node) node.scrollTop = node.scrollHeight;
  }, [log]);

  const argsError = parsePairs(form.buildArgs).error;
  const labelsError = parsePairs(form.labels).error;

  async function build() {
    if (argsError || labelsError) return setProblem('Fix the marked fields first.');
    let body: BodyInit | undefined;
    if (form.source === 'dockerfile') {
      if (!form.dockerfile.trim()) return setProblem('Write a Dockerfile first.');
      const data = new TextEncoder().encode(form.dockerfile);
      body = new Blob([writeTar([{ name: 'Dockerfile', data }]) as BlobPart], {
        type: 'application/x-tar',
      });
    } else if (form.source === 'tar') {
      if (!file) return setProblem('Choose a tar archive of the build context.');
      body = file;
    } else if (!/^(https?:\/\/|git@|git:\/\/)/.test(form.remote.trim())) {
      return setProblem('Enter a Git repository or an HTTP(S) URL of a context or Dockerfile.');
    }
    setProblem(null);
    setLog('');
    setImageId(null);
    await stream.start(endpointId, '/build', {
      query: toBuildQuery(form),
      headers: body ? { 'Content-Type': 'application/x-tar' } : {},
      body,
    });
    void queryClient.invalidateQueries({ queryKey: endpointKeys.images(endpointId) });
    void queryClient.invalidateQueries({ queryKey: endpointKeys.diskUsage(endpointId) });
  }

  return (
    <div className="h-full overflow-auto">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-6 py-5">
        <nav aria-label="Breadcrumb" className="flex items-center gap-1 text-[12.5px] text-muted">
          <Link
            to="/endpoints/$endpointId/images"
            params={{ endpointId }}
            className="hover:text-fg hover:underline"
          >
            Images
          </Link>
          <ChevronRight className="size-3" aria-hidden />
          <span aria-current="page" className="text-fg">
            Build
          </span>
        </nav>
        <h1 className="text-[17px] font-semibold text-fg">Build image</h1>
        <div className="grid gap-5 lg:grid-cols-2">
          <form
            noValidate
            aria-label="Build options"
            onSubmit={(event) => {
              event.preventDefault();
              void build();
            }}
            className="flex flex-col gap-3"
          >
            <fieldset className="flex flex-wrap gap-4 text-[13px]" disabled={running}>
              <legend className="mb-1.5 text-[12.5px] font-medium text-fg">Build context</legend>
              {(
                [
                  ['dockerfile', 'Type a Dockerfile'],
                  ['tar', 'Upload a tar context'],
                  ['remote', 'Git or HTTP URL'],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex items-center gap-1.5">
                  <input
                    type="radio"
                    name="source"
                    value={value}
                    checked={form.source === value}
                    onChange={() => set('source', value)}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
            {form.source === 'dockerfile' && (
              <TextAreaField
                label="Dockerfile"
                rows={12}
                value={form.dockerfile}
                disabled={running}
                onChange={(event) => set('dockerfile', event.target.value)}
                onKeyDown={(event) => {
                  // Tab indents inside the editor; Esc then Tab leaves it.
                  if (event.key === 'Tab' && !event.shiftKey && !event.altKey) {
                    const node = event.currentTarget;
                    if (node.dataset.escaped === '1') return;
                    event.preventDefault();
                    const { selectionStart: a, selectionEnd: b, value } = node;
                    set('dockerfile', `${value.slice(0, a)}  ${value.slice(b)}`);
                    requestAnimationFrame(() => node.setSelectionRange(a + 2, a + 2));
                  }
                  event.currentTarget.dataset.escaped = event.key === 'Escape' ? '1' : '0';
                }}
                hint="Sent as the only file of the context, so COPY and ADD of local files won't find anything. Tab indents; press Esc, then Tab, to leave."
              />
            )}
            {form.source === 'tar' && (
              <div className="flex flex-col gap-1.5">
                <label htmlFor="build-context" className="text-[12.5px] font-medium text-fg">
                  Context archive (.tar, .tar.gz)
                </label>
                <input
                  id="build-context"
                  type="file"
                  accept=".tar,.tar.gz,.tgz,application/x-tar,application/gzip"
                  disabled={running}
                  onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                  className="text-[13px] text-fg file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-panel file:px-3 file:py-1 file:text-fg"
                />
              </div>
            )}
            {form.source === 'remote' && (
              <TextField
                label="Context URL"
                placeholder="https://github.com/org/repo.git#main:dir"
                value={form.remote}
                disabled={running}
                onChange={(event) => set('remote', event.target.value)}
                hint="The engine fetches it: a Git repository, a tarball or a plain Dockerfile."
              />
            )}
            {form.source !== 'dockerfile' && (
              <TextField
                label="Dockerfile path"
                placeholder="Dockerfile"
                value={form.dockerfilePath}
                disabled={running}
                onChange={(event) => set('dockerfilePath', event.target.value)}
              />
            )}
            <TextField
              label="Tags"
              placeholder="myapp:1.0 myapp:latest"
              value={form.tags}
              disabled={running}
              onChange={(event) => set('tags', event.target.value)}
              hint="Separate several with spaces or commas."
            />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextAreaField
                label="Build arguments"
                rows={3}
                placeholder="VERSION=1.2"
                value={form.buildArgs}
                disabled={running}
                error={argsError}
                onChange={(event) => set('buildArgs', event.target.value)}
                hint="One KEY=VALUE a line."
              />
              <TextAreaField
                label="Labels"
                rows={3}
                placeholder="org.opencontainers.image.source=…"
                value={form.labels}
                disabled={running}
                error={labelsError}
                onChange={(event) => set('labels', event.target.value)}
                hint="One KEY=VALUE a line."
              />
            </div>
            <TextField
              label="Target stage"
              placeholder="(last stage)"
              value={form.target}
              disabled={running}
              onChange={(event) => set('target', event.target.value)}
            />
            <div className="flex gap-6">
              <CheckboxField
                label="No cache"
                checked={form.nocache}
                disabled={running}
                onChange={(event) => set('nocache', event.target.checked)}
              />
              <CheckboxField
                label="Always pull base images"
                checked={form.pull}
                disabled={running}
                onChange={(event) => set('pull', event.target.checked)}
              />
            </div>
            {problem && <InlineAlert>{problem}</InlineAlert>}
            <div className="flex gap-2">
              <Button
                type="submit"
                variant="primary"
                loading={running}
                icon={<Hammer className="size-3.5" />}
              >
                Build image
              </Button>
              {running && (
                <Button onClick={stream.cancel} icon={<X className="size-3.5" />}>
                  Cancel build
                </Button>
              )}
            </div>
          </form>
          <section aria-labelledby="build-log-title" className="flex min-h-[420px] flex-col gap-2">
            <div className="flex items-center justify-between">
              <h2 id="build-log-title" className="text-[13px] font-semibold text-fg">
                Build log
              </h2>
              <span className="text-[12.5px] text-muted" aria-live="polite">
                {stream.phase === 'running'
                  ? 'Building…'
                  : stream.phase === 'done'
                    ? 'Built'
                    : stream.phase === 'failed'
                      ? 'Failed'
                      : stream.phase === 'cancelled'
                        ? 'Cancelled'
                        : ''}
              </span>
            </div>
            <pre
              ref={logRef}
              role="log"
              aria-label="Build log"
              tabIndex={0}
              className="min-h-0 flex-1 overflow-auto rounded-lg border border-line bg-subtle p-3 font-mono text-[12px] leading-relaxed whitespace-pre-wrap text-fg"
            >
              {log || <span className="text-faint">The engine&apos;s output appears here.</span>}
            </pre>
            {stream.phase === 'failed' && stream.failure && (
              <InlineAlert title="Build failed">
                <span className="font-mono">{stream.failure}</span>
              </InlineAlert>
            )}
            {stream.phase === 'done' && imageId && (
              <InlineAlert tone="info" title="Image built">
                <Link
                  to="/endpoints/$endpointId/images/$imageId"
                  params={{ endpointId, imageId }}
                  className="font-mono text-accent-text underline"
                >
                  {shortId(imageId)}
                </Link>
              </InlineAlert>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
