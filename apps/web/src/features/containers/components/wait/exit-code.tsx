import type { ContainerWaitResponse } from '@berth/api';
import { cn } from '@/lib/cn';

/** The answer of a wait: the exit code, green for 0, red otherwise, and the engine's error if any. */
export function ExitCode({ result }: { result: ContainerWaitResponse }) {
  const ok = result.StatusCode === 0 && !result.Error?.Message;
  return (
    <p
      role="status"
      className={cn(
        'text-[12.5px] font-medium',
        ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-danger',
      )}
    >
      Exited with code <span className="font-mono">{result.StatusCode}</span>
      {result.Error?.Message && <span className="font-normal"> ({result.Error.Message})</span>}
    </p>
  );
}
