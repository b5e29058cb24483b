import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PruneDialog } from './prune-dialog';

const idle = { isPending: false, isSuccess: false, isError: false, error: null };

describe('PruneDialog', () => {
  it('lists what would go and prunes only when asked', () => {
    const mutate = vi.fn();
    render(
      <PruneDialog
        noun="volume"
        preview={['cache', 'scratch']}
        previewText="No container mounts these; they would be removed:"
        emptyText="Nothing to prune."
        mutation={{ ...idle, mutate }}
        deleted={[]}
        onClose={() => undefined}
      />,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Prune unused volumes?' });
    const list = within(dialog).getByRole('list', { name: 'Volumes to prune' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['cache', 'scratch']);
    expect(mutate).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Prune' }));
    expect(mutate).toHaveBeenCalledTimes(1);
  });

  it('offers nothing to prune when the preview is empty', () => {
    render(
      <PruneDialog
        noun="network"
        preview={[]}
        previewText="unused"
        emptyText="Every custom network is in use: nothing to prune."
        mutation={{ ...idle, mutate: vi.fn() }}
        deleted={[]}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByText('Every custom network is in use: nothing to prune.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Prune' })).toBeDisabled();
  });

  it('reports what the engine removed and the space it gave back', () => {
    render(
      <PruneDialog
        noun="volume"
        preview={['cache']}
        previewText="unused"
        emptyText="none"
        mutation={{ ...idle, isSuccess: true, mutate: vi.fn() }}
        deleted={['cache']}
        reclaimedBytes={2048}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Removed 1 volume, 2.0 KB reclaimed.');
    expect(screen.getByRole('list', { name: 'Removed volumes' })).toHaveTextContent('cache');
  });
});
