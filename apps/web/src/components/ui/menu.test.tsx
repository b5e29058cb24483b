import { fireEvent, render, screen } from '@testing-library/react';
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

describe('Menu', () => {
  it('opens from the keyboard on the first item, moves with arrows and selects with Enter', () => {
    const { logout, button } = renderMenu();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('menuitem', { name: 'API tokens' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'ArrowDown' });
    expect(screen.getByRole('menuitem', { name: 'Log out' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'ArrowDown' });
    expect(screen.getByRole('menuitem', { name: 'API tokens' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'End' });
    fireEvent.click(screen.getByRole('menuitem', { name: 'Log out' }));
    expect(logout).toHaveBeenCalledOnce();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('closes on Escape and returns focus to its button', () => {
    const { tokens, button } = renderMenu();
    fireEvent.click(button);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(tokens).not.toHaveBeenCalled();
  });
});
