import type { ContainerInspect } from '@berth/api';
import { CopyButton } from '@/components/ui/copy-button';

export function ContainerInspectJson({ inspect }: { inspect: ContainerInspect }) {
  const text = JSON.stringify(inspect, null, 2);
  return (
    <div className="flex flex-col gap-3 p-6">
      <div className="flex items-center justify-between">
        <p className="text-[12.5px] text-muted">
          The engine&apos;s <code className="font-mono">GET /containers/{'{id}'}/json</code>, as
          returned.
        </p>
        <CopyButton text={text} label="Copy JSON" />
      </div>
      <pre
        aria-label="Inspect JSON"
        tabIndex={0}
        className="max-h-[calc(100vh-260px)] overflow-auto rounded-lg border border-line bg-panel p-4 font-mono text-[12px] leading-relaxed text-fg"
      >
        {text}
      </pre>
    </div>
  );
}
