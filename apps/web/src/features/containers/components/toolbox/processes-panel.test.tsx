import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { ProcessesPanel } from './processes-panel';

afterEach(() => vi.unstubAllGlobals());

describe('ProcessesPanel', () => {
  it('refuses shell characters in the ps arguments at the field, and sends ps flags', async () => {
    const urls: URL[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        urls.push(new URL(input, 'http://berth.test'));
        return Response.json({ Titles: ['PID', 'CMD'], Processes: [['1', 'sleep']] });
      }),
    );
    renderWithProviders(<ProcessesPanel endpointId="local" containerId="c1" running />);
    const args = await screen.findByLabelText('ps arguments');
    await waitFor(() => expect(urls).toHaveLength(1));
    fireEvent.change(args, { target: { value: 'aux; rm -rf /' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText(/ps options only/)).toBeVisible();
    expect(args).toHaveFocus();
    expect(urls).toHaveLength(1);

    fireEvent.change(args, { target: { value: 'aux' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(urls.at(-1)?.searchParams.get('ps_args')).toBe('aux'));
  });
});
