import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ssoSettingsQueryOptions } from '../api/sso-settings';
import { SsoSettingsForm } from '../components/sso-settings-form';

export function SsoSettingsRoute() {
  useDocumentTitle('Single sign-on');
  const query = useQuery(ssoSettingsQueryOptions());

  return (
    <div className="h-full overflow-auto">
      <div className="mx-auto flex max-w-3xl flex-col gap-5 px-6 py-5">
        <div>
          <h1 className="text-[17px] font-semibold text-fg">Single sign-on</h1>
          <p className="mt-0.5 text-[12.5px] text-muted">
            Let people sign in through your identity provider (OpenID Connect) or a proxy in front
            of Berth, with roles from their groups.
          </p>
        </div>
        {query.isPending ? (
          <Panel title="OpenID Connect">
            <SkeletonRows rows={5} label="Loading single sign-on settings" />
          </Panel>
        ) : query.isError ? (
          <Panel title="OpenID Connect">
            <ErrorState
              title="Could not read the single sign-on settings"
              message={query.error.message}
              onRetry={() => void query.refetch()}
              retrying={query.isFetching}
            />
          </Panel>
        ) : (
          <SsoSettingsForm saved={query.data} />
        )}
      </div>
    </div>
  );
}
