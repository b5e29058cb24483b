// The pairing form on the form kit: errors at the field, and the body the gateway parses with
// the same schema. The gateway is a fetch stand-in.
import type { WallLayoutSummary } from '@berth/api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { PairPanel } from './pair-panel';

afterEach(() => vi.unstubAllGlobals());

const layouts = [{ id: 5, name: 'Ops' }] as WallLayoutSummary[];

describe('PairPanel', () => {
  it('asks for the code and a name at their fields, then sends the clean code', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
      Response.json({ id: 1, name: 'Ops TV' }, { status: 201 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<PairPanel layouts={layouts} />);
    fireEvent.change(await screen.findByLabelText('Code on the wall'), {
      target: { value: 'a-b' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('Enter the code the wall shows.')).toBeVisible();
    expect(screen.getByText('Enter a name for the screen')).toBeVisible();
    expect(screen.getByLabelText('Code on the wall')).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Code on the wall'), { target: { value: 'ab-cd-12' } });
    fireEvent.change(screen.getByLabelText('Screen name'), { target: { value: 'Ops TV' } });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledOnce());
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(JSON.parse(String(init?.body))).toEqual({ code: 'abcd12', name: 'Ops TV', layoutId: 5 });
    expect(await screen.findByText(/Paired Ops TV as Ops TV/)).toBeVisible();
    expect(screen.getByLabelText('Code on the wall')).toHaveValue('');
  });
});
