// The gateway is mocked (fetch): the secret is shown once and gone when the dialog closes.
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { CreateTokenDialog } from './create-token-dialog';

afterEach(() => vi.unstubAllGlobals());

function Harness() {
  const [open, setOpen] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <CreateTokenDialog open={open} onClose={() => setOpen(false)} myRole="operator" />
    </>
  );
}

describe('CreateTokenDialog', () => {
  it('offers roles up to your own and shows the new token once', async () => {
    const fetchMock = vi.fn(async () =>
      Response.json(
        {
          id: 7,
          name: 'ci',
          role: 'operator',
          owner: 'olga',
          createdAt: 1,
          lastUsedAt: null,
          token: 'berth_secret123',
        },
        { status: 201 },
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<Harness />);

    expect(await screen.findByRole('option', { name: 'admin (above your role)' })).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'ci' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'operator' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    const shown = await screen.findByRole('dialog', { name: 'Token “ci” created' });
    expect(shown).toHaveTextContent("you won't see it again");
    expect(screen.getByLabelText('API token')).toHaveValue('berth_secret123');
    expect(screen.getByRole('button', { name: 'Copy token' })).toBeInTheDocument();
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({ name: 'ci', role: 'operator' });

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('dialog', { name: 'Create API token' })).toBeInTheDocument();
    expect(screen.queryByText('berth_secret123')).not.toBeInTheDocument();
  });

  it("asks for a name at its field (the gateway's own rule), focused, and sends nothing", async () => {
    const fetchMock = vi.fn(async () => Response.json({}));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<Harness />);
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByText('Enter a name for the token')).toBeVisible();
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
