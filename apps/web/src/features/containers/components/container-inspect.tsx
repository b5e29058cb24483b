import type { ContainerInspect } from '@berth/api';
import { CopyButton } from '@/components/ui/copy-button';
import { JsonView } from '@/components/ui/json-view';

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
      <JsonView text={text} label="Inspect JSON" />
    </div>
  );
}
