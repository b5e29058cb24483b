import { Upload } from 'lucide-react';
import { lazy, Suspense, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Spinner } from '@/components/ui/spinner';
import { Tabs } from '@/components/ui/tabs';
import { retryingImport } from '@/lib/chunk-load';
import type { EditorProblem } from './code-editor';

// CodeMirror is big: it loads with the editor, never with the rest of the app.
const CodeEditor = lazy(() => retryingImport(() => import('./code-editor')));

export interface StackFileValue {
  compose: string;
  env: string;
}

/**
 * The compose file and its .env, each in a code editor, with upload of a compose file and the
 * problems the gateway found (marked at their lines and listed below).
 */
export function StackFileEditor({
  value,
  onChange,
  problems,
  checking,
}: {
  value: StackFileValue;
  onChange: (value: StackFileValue) => void;
  problems: readonly EditorProblem[];
  checking: boolean;
}) {
  const [tab, setTab] = useState<'compose' | 'env'>('compose');
  const upload = useRef<HTMLInputElement>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 512 * 1024) {
      setUploadError(`${file.name} is larger than 512 KiB.`);
      return;
    }
    setUploadError(null);
    const text = await file.text();
    if (tab === 'env') onChange({ ...value, env: text });
    else onChange({ ...value, compose: text });
  };

  const fallback = (
    <div className="flex h-64 items-center justify-center gap-2 rounded-md border border-line text-muted">
      <Spinner /> Loading the editor…
    </div>
  );

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-end gap-2">
        <input
          ref={upload}
          type="file"
          accept=".yml,.yaml,.env,text/yaml,text/plain"
          className="sr-only"
          aria-label={tab === 'env' ? 'Upload an .env file' : 'Upload a compose file'}
          onChange={(event) => {
            void readFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <Button
          size="sm"
          icon={<Upload className="size-3.5" aria-hidden />}
          onClick={() => upload.current?.click()}
        >
          {tab === 'env' ? 'Upload .env' : 'Upload compose file'}
        </Button>
      </div>
      <Tabs
        label="Stack files"
        value={tab}
        onChange={setTab}
        items={[
          { value: 'compose', label: 'compose.yaml' },
          { value: 'env', label: '.env' },
        ]}
      >
        <div className="pt-2">
          <Suspense fallback={fallback}>
            {tab === 'compose' ? (
              <CodeEditor
                label="Compose file"
                value={value.compose}
                onChange={(compose) => onChange({ ...value, compose })}
                problems={problems}
                minHeight="26rem"
              />
            ) : (
              <CodeEditor
                label="Environment file"
                language="text"
                value={value.env}
                onChange={(env) => onChange({ ...value, env })}
                minHeight="14rem"
              />
            )}
          </Suspense>
        </div>
      </Tabs>
      {uploadError && <InlineAlert title="Upload failed">{uploadError}</InlineAlert>}
      <div aria-live="polite" className="min-h-5 text-[12.5px]">
        {checking ? (
          <span className="flex items-center gap-2 text-muted">
            <Spinner /> Checking against the compose specification…
          </span>
        ) : problems.length ? (
          <ul aria-label="Problems" className="flex flex-col gap-0.5 text-danger">
            {problems.map((problem, index) => (
              <li key={index}>
                {problem.line ? `Line ${problem.line}: ` : ''}
                {problem.message}
              </li>
            ))}
          </ul>
        ) : value.compose.trim() ? (
          <span className="text-emerald-700 dark:text-emerald-300">The file is valid.</span>
        ) : null}
      </div>
    </div>
  );
}
