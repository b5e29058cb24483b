import type { EngineFetchPolicy, FetchPolicyScope } from '@berth/api';
import { Globe, Plus, X } from 'lucide-react';
import { useState } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { EmptyState } from '@/components/ui/empty-state';
import { SelectField, TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Panel } from '@/components/ui/panel';
import { fetchHostProblem, useSaveSecuritySettings } from '../api/security-settings';

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
  const [draft, setDraft] = useState('');
  const [attempted, setAttempted] = useState(false);
  const problem = fetchHostProblem(draft, policy.allowedHosts);
  const dirty = JSON.stringify(policy) !== JSON.stringify(saved);

  function add() {
    setAttempted(true);
    if (problem) return;
    setPolicy({
      ...policy,
      allowedHosts: [...policy.allowedHosts, draft.trim().toLowerCase()].sort(),
    });
    setDraft('');
    setAttempted(false);
  }

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
        {policy.allowedHosts.length === 0 ? (
          <EmptyState icon={<Globe className="size-7" aria-hidden />} title="No other hosts">
            Only saved registries{policy.allowDockerHub ? ' and Docker Hub' : ''} are allowed. Add a
            registry or download host below.
          </EmptyState>
        ) : (
          <ul
            aria-label="Allowed hosts"
            className="divide-y divide-line rounded-md border border-line"
          >
            {policy.allowedHosts.map((host) => (
              <li key={host} className="flex items-center justify-between gap-3 px-3 py-1.5">
                <span className="font-mono text-[12.5px] break-all text-fg">{host}</span>
                <IconButton
                  size="sm"
                  aria-label={`Remove ${host}`}
                  onClick={() =>
                    setPolicy({
                      ...policy,
                      allowedHosts: policy.allowedHosts.filter((h) => h !== host),
                    })
                  }
                >
                  <X className="size-3.5" />
                </IconButton>
              </li>
            ))}
          </ul>
        )}
        <form
          noValidate
          className="flex items-start gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <div className="flex-1">
            <TextField
              label="Add a host"
              placeholder="registry.example.com, 10.0.0.5:5000 or *.corp.example"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              value={draft}
              error={attempted || draft ? problem : null}
              hint="Without a port, any port of that host. A wildcard never allows loopback or link-local addresses."
              onChange={(event) => setDraft(event.target.value)}
            />
          </div>
          <Button
            type="submit"
            className="mt-[22px]"
            icon={<Plus className="size-3.5" aria-hidden />}
          >
            Add host
          </Button>
        </form>
        <div className="flex items-center justify-end gap-2 border-t border-line pt-3">
          {dirty && (
            <span
              className="mr-auto text-[12.5px] text-amber-700 dark:text-amber-400"
              role="status"
            >
              Unsaved changes
            </span>
          )}
          <Button disabled={!dirty || save.isPending} onClick={() => setPolicy(saved)}>
            Discard
          </Button>
          <Button
            variant="primary"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate({ engineFetch: policy })}
          >
            Save hosts
          </Button>
        </div>
      </div>
    </Panel>
  );
}
