import type { EndpointTestResult } from '@berth/api';
import { CheckCircle2, XCircle } from 'lucide-react';

/** What "Test connection" found: kind, versions and latency, or the reason in plain words. */
export function TestResult({ result }: { result: EndpointTestResult }) {
  if (!result.ok) {
    return (
      <div
        role="alert"
        className="flex items-start gap-2 rounded-md border border-red-500/30 bg-danger-soft px-3 py-2 text-[12.5px] text-red-800 dark:text-red-300"
      >
        <XCircle className="mt-0.5 size-3.5 shrink-0" aria-hidden />
        <div>
          <p className="font-semibold">Connection failed</p>
          <p className="break-words">{result.error ?? 'The engine did not answer.'}</p>
        </div>
      </div>
    );
  }
  return (
    <div
      role="status"
      className="flex items-start gap-2 rounded-md border border-emerald-500/30 bg-emerald-500/10 px-3 py-2 text-[12.5px] text-emerald-900 dark:text-emerald-200"
    >
      <CheckCircle2 className="mt-0.5 size-3.5 shrink-0" aria-hidden />
      <div>
        <p className="font-semibold">Connected</p>
        <p>
          <span className="capitalize">{result.kind}</span> {result.engineVersion} · API{' '}
          {result.apiVersion} · {result.latencyMs} ms
        </p>
        {result.sshHostKey && (
          <p className="font-mono text-[11.5px]">
            SSH host key {result.sshHostKey}: compare it with `ssh-keygen -lf` on the host; saving
            pins it.
          </p>
        )}
      </div>
    </div>
  );
}
