import type { AuditEntry } from '@berth/api';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AUDIT_ROW_HEIGHT, AuditTable } from './audit-table';

// jsdom has no layout: give the scroll container a real height so the virtualiser has a window.
const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get() {
      return (this as HTMLElement).dataset.testid === 'audit-scroll' ? 600 : 0;
    },
  });
});
afterAll(() => {
  if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
});

function entry(id: number): AuditEntry {
  return {
    id,
    time: 1_790_000_000_000 - id * 1000,
    username: id % 2 ? 'admin' : null,
    role: id % 2 ? 'admin' : null,
    ip: '127.0.0.1',
    endpoint: id % 3 ? 'local' : null,
    action: id % 2 ? 'ContainerStart' : 'login',
    target: `target-${id}`,
    status: id % 5 ? 200 : 403,
    result: id % 5 ? 'ok' : 'denied',
    detail: null,
  };
}

describe('AuditTable', () => {
  it('renders a window of thousands of entries and asks for more near the end', async () => {
    const entries = Array.from({ length: 3000 }, (_, i) => entry(i + 1));
    const onLoadMore = vi.fn();
    render(
      <AuditTable
        entries={entries}
        total={5000}
        hasMore
        loadingMore={false}
        onLoadMore={onLoadMore}
        viewKey="all"
      />,
    );
    const table = screen.getByRole('table', { name: 'Audit log' });
    expect(table).toHaveAttribute('aria-rowcount', '5001');
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeLessThan(80);
    expect(rows[1]).toHaveTextContent('target-1');
    expect(onLoadMore).not.toHaveBeenCalled();

    const scroller = screen.getByTestId('audit-scroll');
    await act(async () => {
      scroller.scrollTop = 3000 * AUDIT_ROW_HEIGHT - 600;
      fireEvent.scroll(scroller);
    });
    expect(await screen.findByText('target-3000')).toBeInTheDocument();
    expect(screen.queryByText('target-1')).not.toBeInTheDocument();
    expect(onLoadMore).toHaveBeenCalled();
  });
});
