// The gateway is mocked (fetch): its refusal (the last admin) shows inside the dialog.
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { ChangeRoleDialog } from './change-role-dialog';

afterEach(() => vi.unstubAllGlobals());

const admin = {
  id: 1,
  username: 'admin',
  role: 'admin' as const,
  disabled: false,
  createdAt: 1,
  lastLoginAt: null,
};

describe('ChangeRoleDialog', () => {
  it("warns before lowering your own role and shows the gateway's refusal in place", async () => {
    const fetchMock = vi.fn(async () =>
      Response.json(
        { message: 'This is the last active admin; make another admin first.' },
        { status: 409 },
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<ChangeRoleDialog user={admin} isSelf onClose={() => {}} />);

    const dialog = await screen.findByRole('dialog', { name: 'Change the role of admin' });
    fireEvent.change(screen.getByLabelText('New role'), { target: { value: 'operator' } });
    expect(dialog).toHaveTextContent('You lower your own role: you are logged out');
    fireEvent.click(screen.getByRole('button', { name: 'Change role' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This is the last active admin; make another admin first.',
    );
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/users/1');
    expect(init.method).toBe('PATCH');
    expect(JSON.parse(String(init.body))).toEqual({ role: 'operator' });
  });
});
