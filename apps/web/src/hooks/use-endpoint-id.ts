import { useParams } from '@tanstack/react-router';

/** The endpoint in the URL (`/endpoints/$endpointId/...`); every engine view lives under one. */
export function useEndpointId(): string {
  const { endpointId } = useParams({ strict: false });
  if (!endpointId) throw new Error('useEndpointId used outside /endpoints/$endpointId');
  return endpointId;
}
