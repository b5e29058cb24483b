import type { EngineFetchPolicy, FetchPolicyScope } from '@berth/api';
import { Globe } from 'lucide-react';
import { useState } from 'react';
import { CheckboxField } from '@/components/ui/checkbox';
import { EmptyState } from '@/components/ui/empty-state';
import { SelectField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Panel } from '@/components/ui/panel';
import { fetchHostProblem, useSaveSecuritySettings } from '../api/security-settings';
import { SaveBar, StringListEditor } from './string-list-editor';

const SCOPES: Record<FetchPolicyScope, string> = {
  'non-admins': 'Operators and viewers (admins are not limited)',
  everyone: 'Everyone, admins included',
  off: 'No one (engines may fetch from any host)',
};

/**
 * Where callers may send an engine to fetch from: image pulls, pushes and searches, registry
 * inspects, imports and builds from a URL, plugin remotes. The engine fetches from its own host,
 * so an open list lets a caller reach what only that host can (loopback, link-local, itself).
 */
export function EngineFetchForm({ saved }: { saved: EngineFetchPolicy }) {
  const save = useSaveSecuritySettings();
  const [policy, setPolicy] = useState(saved);
  const dirty = JSON.stringify(policy) !== JSON.stringify(saved);

  return (
    <Panel title="Hosts engines may fetch from" id="engine-fetch">
      <div className="flex flex-col gap-4 px-4 py-3">
        <p className="text-[13px] text-muted">
          A pull, push, search or registry check, an import or build from a URL and a plugin remote
          make the engine connect to the host they name, from the engine&apos;s machine. Saved
          registries are always allowed. Loopback, link-local and the engine host&apos;s own
          addresses are refused unless listed here exactly.
        </p>
        <SelectField
          label="Applies to"
          value={policy.appliesTo}
          onChange={(event) =>
            setPolicy({ ...policy, appliesTo: event.target.value as FetchPolicyScope })
          }
        >
          {Object.entries(SCOPES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        {policy.appliesTo === 'off' && (
          <InlineAlert tone="warning" title="Any host, for everyone">
            An operator can then make the engine request addresses only its host can reach, such as
            services on its loopback interface or a cloud metadata address.
          </InlineAlert>
        )}
        <CheckboxField
          label="Docker Hub (docker.io)"
          hint="Images without a registry host in their name come from Docker Hub."
          checked={policy.allowDockerHub}
          onChange={(event) => setPolicy({ ...policy, allowDockerHub: event.target.checked })}
        />
        <StringListEditor
          items={policy.allowedHosts}
          onChange={(allowedHosts) => setPolicy({ ...policy, allowedHosts })}
          listLabel="Allowed hosts"
          empty={
            <EmptyState icon={<Globe className="size-7" aria-hidden />} title="No other hosts">
              Only saved registries{policy.allowDockerHub ? ' and Docker Hub' : ''} are allowed. Add
              a registry or download host below.
            </EmptyState>
          }
          fieldLabel="Add a host"
          placeholder="registry.example.com, 10.0.0.5:5000 or *.corp.example"
          hint="Without a port, any port of that host. A wildcard never allows loopback or link-local addresses."
          addLabel="Add host"
          problemOf={fetchHostProblem}
          normalise={(host) => host.trim().toLowerCase()}
        />
        <SaveBar
          dirty={dirty}
          saving={save.isPending}
          saveLabel="Save hosts"
          onDiscard={() => setPolicy(saved)}
          onSave={() => save.mutate({ engineFetch: policy })}
        />
      </div>
    </Panel>
  );
}
