import { ContainerRoute } from '@/features/containers/routes/container-route';
import type { RenderConsole } from '@/features/containers/routes/container-route';
import { ContainerConsole } from '@/features/terminal/components/container-console';

const renderConsole: RenderConsole = ({ endpointId, inspect }) => (
  <ContainerConsole endpointId={endpointId} inspect={inspect} />
);

/** The container page with the terminal feature's Console tab (features don't import each other). */
export function ContainerPage() {
  return <ContainerRoute renderConsole={renderConsole} />;
}
