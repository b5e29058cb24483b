import { ROLES, ssoSettingsSchema } from '@berth/api';
import type { SsoSettings, SsoSettingsInput } from '@berth/api';
import { Save } from 'lucide-react';
import { Button } from '@/components/ui/button';
import {
  Form,
  FormCheckboxField,
  FormError,
  FormRowsField,
  FormSection,
  FormSelectField,
  FormTextField,
  useFormSubmit,
  useZodForm,
} from '@/components/ui/form';
import { Panel } from '@/components/ui/panel';
import { saveSsoSettingsMutation, toSsoFormValues } from '../api/sso-settings';

type Values = SsoSettingsInput;

const roleOptions = ROLES.map((role) => (
  <option key={role} value={role}>
    {role}
  </option>
));

function Fixed({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <div className="flex flex-col gap-1 text-[13px]">
      <span className="font-medium text-fg">{label}</span>
      <code className="rounded border border-line bg-subtle px-2 py-1 font-mono text-[12px] break-all text-fg">
        {value || '— not set —'}
      </code>
      <span className="text-[12px] text-muted">{hint}</span>
    </div>
  );
}

/** Single sign-on: the OpenID provider, forward-auth headers, the group → role mapping. */
export function SsoSettingsForm({ saved }: { saved: SsoSettings }) {
  const form = useZodForm(ssoSettingsSchema, { defaultValues: toSsoFormValues(saved) });
  const { submit, mutation } = useFormSubmit(
    form,
    saveSsoSettingsMutation(),
    (values) => values as Values,
    (next) => form.reset(toSsoFormValues(next)),
  );

  return (
    <Form form={form} onSubmit={(event) => void submit(event)} aria-label="Single sign-on">
      <Panel title="OpenID Connect" id="oidc">
        <div className="flex flex-col gap-3 px-4 py-3">
          <FormCheckboxField<Values> name="oidc.enabled" label="Sign in with OpenID Connect" />
          <Fixed
            label="Redirect URI"
            value={saved.redirectUri}
            hint="Register this at the provider; it comes from BERTH_PUBLIC_URL."
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <FormTextField<Values>
              name="oidc.displayName"
              label="Provider name"
              hint='The button says "Sign in with …"'
              placeholder="Keycloak"
            />
            <FormTextField<Values>
              name="oidc.issuer"
              label="Issuer URL"
              placeholder="https://id.example.com/realms/main"
              autoComplete="off"
            />
            <FormTextField<Values> name="oidc.clientId" label="Client id" autoComplete="off" />
            <FormTextField<Values>
              name="oidc.clientSecret"
              label="Client secret"
              type="password"
              autoComplete="new-password"
              hint={
                saved.oidc.clientSecretSet
                  ? 'Saved. Leave empty to keep it.'
                  : 'Never shown again once saved.'
              }
            />
            <FormTextField<Values> name="oidc.scopes" label="Scopes" />
            <FormTextField<Values>
              name="oidc.usernameClaim"
              label="User name claim"
              hint="preferred_username, email, …"
            />
            <FormTextField<Values>
              name="oidc.groupsClaim"
              label="Groups claim"
              hint="groups, or a path like realm_access.roles"
            />
          </div>
        </div>
      </Panel>

      <Panel title="Forward-auth from a trusted proxy" id="forward-auth">
        <div className="flex flex-col gap-3 px-4 py-3">
          <FormCheckboxField<Values>
            name="forwardAuth.enabled"
            label="Believe the proxy's user and groups headers"
          />
          <Fixed
            label="Trusted proxies"
            value={saved.trustedProxies.join(', ')}
            hint="From BERTH_TRUSTED_PROXIES; headers from any other address are ignored."
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <FormTextField<Values> name="forwardAuth.userHeader" label="User header" />
            <FormTextField<Values> name="forwardAuth.groupsHeader" label="Groups header" />
          </div>
        </div>
      </Panel>

      <Panel title="Groups to roles" id="mapping">
        <div className="flex flex-col gap-4 px-4 py-3">
          <FormSection
            title="Role rules"
            description="The highest role of the groups a user is in wins; it is checked again at every login."
          >
            <FormRowsField<Values, 'mapping.rules'>
              name="mapping.rules"
              blank={() => ({ group: '', role: 'viewer' })}
              addLabel="Add rule"
              noun="rule"
              renderRow={(index, path) => (
                <>
                  <FormTextField<Values> name={`${path}.group`} label={`Group ${index + 1}`} />
                  <FormSelectField<Values> name={`${path}.role`} label={`Role ${index + 1}`}>
                    {roleOptions}
                  </FormSelectField>
                </>
              )}
            />
          </FormSection>
          <FormSelectField<Values> name="mapping.defaultRole" label="Everyone else">
            <option value="none">refused</option>
            {roleOptions}
          </FormSelectField>
          <FormSection
            title="Per-endpoint roles"
            description="A user in any of these groups sees only the endpoints named here."
          >
            <FormRowsField<Values, 'mapping.endpointRules'>
              name="mapping.endpointRules"
              blank={() => ({ group: '', endpoint: '', role: 'viewer' })}
              addLabel="Add endpoint rule"
              noun="endpoint rule"
              renderRow={(index, path) => (
                <>
                  <FormTextField<Values>
                    name={`${path}.group`}
                    label={`Endpoint group ${index + 1}`}
                  />
                  <FormTextField<Values>
                    name={`${path}.endpoint`}
                    label={`Endpoint ${index + 1}`}
                  />
                  <FormSelectField<Values>
                    name={`${path}.role`}
                    label={`Endpoint role ${index + 1}`}
                  >
                    {roleOptions}
                  </FormSelectField>
                </>
              )}
            />
          </FormSection>
        </div>
      </Panel>

      <Panel title="Password login" id="local-login">
        <div className="flex flex-col gap-3 px-4 py-3">
          <FormCheckboxField<Values>
            name="localLogin.enabled"
            label="Everyone may log in with a Berth password"
          />
          <FormTextField<Values>
            name="localLogin.breakGlassUser"
            label="Break-glass admin"
            hint="With password login off, this local admin still may: for when the provider is down."
            autoComplete="off"
          />
        </div>
      </Panel>

      <FormError title="Could not save the single sign-on settings" />
      <div className="flex justify-end">
        <Button
          type="submit"
          variant="primary"
          loading={mutation.isPending}
          disabled={!form.formState.isDirty}
          icon={<Save className="size-3.5" aria-hidden />}
        >
          Save single sign-on settings
        </Button>
      </div>
    </Form>
  );
}
