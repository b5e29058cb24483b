import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { RenameDialog } from './rename-dialog';

afterEach(() => vi.unstubAllGlobals());

function mockEngine(answer: () => Response) {
  const paths: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      paths.push(
        new URL(input, 'http://berth.test').pathname + new URL(input, 'http://berth.test').search,
      );
      return answer();
    }),
  );
  return paths;
}

const container = { id: 'c1', name: 'web' };

describe('RenameDialog', () => {
  it('keeps Rename off until the name changes, and shows a bad name at the field', async () => {
    const paths = mockEngine(() => new Response(null, { status: 204 }));
    renderWithProviders(
      <RenameDialog open endpointId="local" container={container} onClose={vi.fn()} />,
    );
    const name = await screen.findByLabelText('New name');
    expect(screen.getByRole('button', { name: 'Rename' })).toBeDisabled();
    fireEvent.change(name, { target: { value: '-web' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    expect(await screen.findByText(/at least two characters/)).toBeVisible();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(paths).toEqual([]);
  });

  it("renames without the leading slash and keeps the engine's refusal in the dialog", async () => {
    const paths = mockEngine(() =>
      Response.json(
        { message: 'Conflict. The container name "/db" is already in use' },
        { status: 409 },
      ),
    );
    const onClose = vi.fn();
    renderWithProviders(
      <RenameDialog open endpointId="local" container={container} onClose={onClose} />,
    );
    fireEvent.change(await screen.findByLabelText('New name'), { target: { value: '/db' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    expect(await screen.findByText(/already in use/)).toBeVisible();
    await waitFor(() =>
      expect(paths.some((p) => p.includes('/containers/c1/rename?name=db'))).toBe(true),
    );
    expect(onClose).not.toHaveBeenCalled();
  });
});
