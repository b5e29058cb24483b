// The form alone (no engine): the bash probe is answered by a stubbed fetch, named so here.
import type { ContainerInspect } from '@berth/api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { ConnectForm } from './connect-form';

const inspect = {
  Id: 'c'.repeat(64),
  Name: '/web',
  State: { Running: true, Paused: false },
  Config: { User: '', WorkingDir: '', Tty: true, OpenStdin: true },
} as unknown as ContainerInspect;

afterEach(() => vi.unstubAllGlobals());

function renderForm() {
  // the engine's answer to the /bin/bash probe (stubbed): no bash in this image
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json({ message: 'no such file' }, { status: 404 })),
  );
  const onConnect = vi.fn();
  renderWithProviders(<ConnectForm endpointId="local" inspect={inspect} onConnect={onConnect} />);
  return onConnect;
}

describe('ConnectForm', () => {
  it('asks for a custom command at its field, then connects with it split into arguments', async () => {
    const onConnect = renderForm();
    fireEvent.change(await screen.findByLabelText('Command'), { target: { value: 'custom' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    const custom = await screen.findByLabelText('Custom command');
    await waitFor(() => expect(custom).toHaveAccessibleDescription(/Type the command to run/));
    expect(custom).toHaveFocus();
    expect(onConnect).not.toHaveBeenCalled();

    fireEvent.change(custom, { target: { value: '/bin/ash -l' } });
    fireEvent.change(screen.getByLabelText('User'), { target: { value: ' app ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(onConnect).toHaveBeenCalledWith({
        mode: 'exec',
        cmd: ['/bin/ash', '-l'],
        user: 'app',
      }),
    );
  });

  it('attaches to the main process, with or without the logs so far', async () => {
    const onConnect = renderForm();
    fireEvent.click(await screen.findByRole('radio', { name: 'Attach to the main process' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Replay logs/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(onConnect).toHaveBeenCalledWith({ mode: 'attach', logs: false }));
  });
});
