import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Menu } from './menu';

function renderMenu() {
  const tokens = vi.fn();
  const logout = vi.fn();
  render(
    <Menu
      label="Account: admin (admin)"
      trigger="admin"
      items={[
        { label: 'API tokens', onSelect: tokens },
        { label: 'Log out', onSelect: logout },
      ]}
    />,
  );
  return { tokens, logout, button: screen.getByRole('button', { name: 'Account: admin (admin)' }) };
}

describe('Menu (Radix dropdown menu)', () => {
  it('opens from the keyboard, moves with arrows and selects with Enter', async () => {
    const { logout, button } = renderMenu();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    button.focus();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const first = await screen.findByRole('menuitem', { name: 'API tokens' });
    await waitFor(() => expect(first).toHaveFocus());
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    const last = screen.getByRole('menuitem', { name: 'Log out' });
    await waitFor(() => expect(last).toHaveFocus());
    fireEvent.keyDown(last, { key: 'Enter' });
    expect(logout).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('closes on Escape and returns focus to its button', async () => {
    const { tokens, button } = renderMenu();
    button.focus();
    fireEvent.keyDown(button, { key: 'Enter' });
    const menu = await screen.findByRole('menu', { name: 'Account: admin (admin)' });
    fireEvent.keyDown(menu, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    await waitFor(() => expect(button).toHaveFocus());
    expect(tokens).not.toHaveBeenCalled();
  });
});
