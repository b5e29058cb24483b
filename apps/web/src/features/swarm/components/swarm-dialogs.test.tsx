// The swarm's dialogs on the form kit: errors at the field, nothing sent while one stands, and
// the body sent once fixed. The engine is a fetch stand-in (no swarm runs in unit tests).
import type { SwarmInspect } from '@berth/api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { DataDialogs } from './data-dialogs';
import { SwarmSpecDialog } from './swarm-settings';

afterEach(() => vi.unstubAllGlobals());

function stubEngine() {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
    Response.json({ ID: 'new1' }, { status: 201 }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const sent = (fetchMock: ReturnType<typeof stubEngine>) =>
  fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');

const swarm = {
  ID: 'swarm1',
  Version: { Index: 42 },
  CreatedAt: '',
  UpdatedAt: '',
  Spec: { Name: 'default', Dispatcher: { HeartbeatPeriod: 5e9 } },
  JoinTokens: { Worker: '', Manager: '' },
} as SwarmInspect;

describe('swarm dialogs', () => {
  it('settings: a zero heartbeat is refused at its field; fixed, the spec goes with its version', async () => {
    const fetchMock = stubEngine();
    renderWithProviders(<SwarmSpecDialog endpointId="local" swarm={swarm} onClose={() => {}} />);
    const heartbeat = await screen.findByLabelText('Dispatcher heartbeat (s)');
    fireEvent.change(heartbeat, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('A positive number.')).toBeVisible();
    expect(heartbeat).toHaveFocus();
    expect(heartbeat).toHaveAttribute('aria-invalid', 'true');
    expect(sent(fetchMock)).toHaveLength(0);

    fireEvent.change(heartbeat, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(sent(fetchMock)).toHaveLength(1));
    const [url, init] = sent(fetchMock)[0] ?? [];
    expect(url).toContain('/swarm/update');
    expect(url).toContain('version=42');
    expect(JSON.parse(String(init?.body))).toMatchObject({
      Name: 'default',
      Dispatcher: { HeartbeatPeriod: 2e9 },
    });
  });

  it('create secret: name and content are asked for at their fields, then sent base64', async () => {
    const fetchMock = stubEngine();
    renderWithProviders(
      <DataDialogs
        endpointId="local"
        kind="secrets"
        dialog={{ kind: 'create' }}
        usage={new Map()}
        onClose={() => {}}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Create secret' }));
    expect(await screen.findByText('A name is required: letters, digits, _ . -')).toBeVisible();
    expect(screen.getByText("Type the secret's content or choose a file.")).toBeVisible();
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(sent(fetchMock)).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'db' } });
    fireEvent.change(screen.getByLabelText('Content'), { target: { value: 's3cret' } });
    fireEvent.change(screen.getByLabelText('Labels'), { target: { value: 'team=db' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create secret' }));
    await waitFor(() => expect(sent(fetchMock)).toHaveLength(1));
    const [url, init] = sent(fetchMock)[0] ?? [];
    expect(url).toContain('/secrets/create');
    expect(JSON.parse(String(init?.body))).toEqual({
      Name: 'db',
      Labels: { team: 'db' },
      Data: btoa('s3cret'),
    });
  });
});
