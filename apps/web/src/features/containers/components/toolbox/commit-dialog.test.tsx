import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { CommitDialog } from './commit-dialog';

afterEach(() => vi.unstubAllGlobals());

describe('CommitDialog', () => {
  it('shows a bad repository at its field, then commits with the changes one a line', async () => {
    const urls: URL[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        urls.push(new URL(input, 'http://berth.test'));
        return Response.json({ Id: 'sha256:0123456789abcdef0123' }, { status: 201 });
      }),
    );
    renderWithProviders(<CommitDialog endpointId="local" containerId="c1" onClose={vi.fn()} />);
    const repo = await screen.findByLabelText('Repository');
    fireEvent.change(repo, { target: { value: 'MyApp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Commit' }));
    expect(await screen.findByText('Lower-case letters, digits and . _ - / only.')).toBeVisible();
    expect(repo).toHaveFocus();
    expect(urls).toEqual([]);

    fireEvent.change(repo, { target: { value: 'myapp' } });
    fireEvent.change(screen.getByLabelText('Dockerfile changes'), {
      target: { value: 'ENV A=1\n\nCMD ["sh"]' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Commit' }));
    expect(await screen.findByText('Image created')).toBeVisible();
    await waitFor(() => expect(urls).toHaveLength(1));
    const query = urls[0]!.searchParams;
    expect(query.get('repo')).toBe('myapp');
    expect(query.getAll('changes')).toEqual(['ENV A=1', 'CMD ["sh"]']);
    expect(screen.queryByRole('button', { name: 'Commit' })).toBeNull();
  });
});
