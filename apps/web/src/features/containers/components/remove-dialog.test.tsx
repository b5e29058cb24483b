import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RemoveDialog } from './remove-dialog';

describe('RemoveDialog', () => {
  it('asks first (focus on Cancel) and confirms with the boxes ticked', async () => {
    const onConfirm = vi.fn();
    render(
      <RemoveDialog open names={['web']} anyRunning onClose={vi.fn()} onConfirm={onConfirm} />,
    );
    expect(screen.getByRole('alertdialog', { name: 'Remove web?' })).toBeVisible();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus());
    fireEvent.click(screen.getByRole('checkbox', { name: 'Force (stop running containers)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith({ volumes: false, force: true }));
  });
});
