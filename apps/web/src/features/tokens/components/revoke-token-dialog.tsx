import { gatewayKeys } from '@berth/api';
import type { TokenSummary } from '@berth/api';
import { Trash2 } from 'lucide-react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { gateway } from '@/lib/api-client';

export function RevokeTokenDialog({
  token,
  onClose,
}: {
  token: TokenSummary | null;
  onClose: () => void;
}) {
  if (!token) return null;
  return (
    <ConfirmDialog
      title={`Revoke ${token.name}?`}
      description="Anything using this token is refused from now on. This cannot be undone."
      confirm="Revoke token"
      confirmIcon={<Trash2 className="size-3.5" aria-hidden />}
      action={() => gateway.revokeToken(token.id)}
      invalidates={[gatewayKeys.tokens()]}
      errorTitle={`Could not revoke ${token.name}`}
      onClose={onClose}
    />
  );
}
