// The gateway is mocked (fetch with a streamed body): per-layer bars follow the JSON lines, an
// `{error}` line is shown as said, and Cancel aborts the request (the gateway then cancels the pull).
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { PullDialog } from './pull-dialog';

afterEach(() => vi.unstubAllGlobals());

const encoder = new TextEncoder();

/** A fetch whose pull answer streams `lines`, then stays open unless `end`. */
function streamingFetch(lines: object[], end: boolean) {
  const seen: { url: string; init: RequestInit }[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    if (url === '/api/registries') return Response.json([]);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const line of lines) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        if (end) controller.close();
        init.signal?.addEventListener('abort', () =>
          controller.error(new DOMException('aborted', 'AbortError')),
        );
      },
    });
    return new Response(body, { status: 200 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return seen;
}

async function startPull(reference: string) {
  renderWithProviders(<PullDialog endpointId="local" open onClose={() => {}} />);
  fireEvent.change(await screen.findByLabelText('Image reference'), {
    target: { value: reference },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Pull image' }));
}

describe('PullDialog', () => {
  it('shows a bar per layer and can cancel the pull', async () => {
    const seen = streamingFetch(
      [
        { status: 'Pulling fs layer', id: 'aaaaaaaaaaaa' },
        { status: 'Downloading', id: 'aaaaaaaaaaaa', progressDetail: { current: 5, total: 10 } },
        { status: 'Already exists', id: 'bbbbbbbbbbbb' },
      ],
      false,
    );
    await startPull('127.0.0.1:5000/team/app');
    const layer = await screen.findByRole('progressbar', { name: 'Layer aaaaaaaaaaaa' });
    expect(layer).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByRole('progressbar', { name: 'Layer bbbbbbbbbbbb' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    const pull = seen.find((call) => call.url.includes('/images/create'));
    expect(pull?.url).toBe(
      '/api/endpoints/local/docker/images/create?fromImage=127.0.0.1%3A5000%2Fteam%2Fapp&tag=latest',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Cancel pull' }));
    expect(pull?.init.signal?.aborted).toBe(true);
    await screen.findByText('Pull cancelled');
  });

  it("shows the engine's error from the stream", async () => {
    streamingFetch([{ error: 'manifest for nope:latest not found', errorDetail: {} }], true);
    await startPull('nope');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('manifest for nope:latest not found');
    // Both the dialog's × and the footer's Close are usable again once the stream has ended.
    await waitFor(() =>
      screen.getAllByRole('button', { name: 'Close' }).forEach((b) => expect(b).toBeEnabled()),
    );
  });
});
