import type { ContainerRow } from '@berth/api';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { ContainersTable, ROW_HEIGHT } from './containers-table';

const VIEWPORT = 800;

function makeRows(count: number): ContainerRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${String(i).padStart(6, '0')}${'f'.repeat(58)}`,
    shortId: String(i).padStart(12, '0'),
    name: `svc-${String(i).padStart(4, '0')}`,
    image: 'berth/busybox:latest',
    state: i % 7 === 0 ? 'exited' : 'running',
    status: 'Up 5 minutes',
    health: null,
    ports:
      i === 0 ? [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }] : [],
    ips: [`10.0.${Math.floor(i / 250)}.${i % 250}`],
    created: Date.now() - i * 1000,
    command: 'sleep',
    labels: {},
  }));
}

// jsdom has no layout: give the scroll container a real height so the virtualiser has a window.
const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get() {
      return (this as HTMLElement).dataset.testid === 'containers-scroll' ? VIEWPORT : 0;
    },
  });
});
afterAll(() => {
  if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
});

function renderTable(rows: ContainerRow[], selected = new Set<string>()) {
  const onToggle = vi.fn();
  const onToggleAll = vi.fn();
  const onSort = vi.fn();
  const utils = renderWithProviders(
    <div style={{ height: VIEWPORT, display: 'flex', flexDirection: 'column' }}>
      <ContainersTable
        endpointId="local"
        rows={rows}
        sort={{ key: 'name', direction: 'asc' }}
        onSort={onSort}
        selected={selected}
        onToggle={onToggle}
        onToggleAll={onToggleAll}
        hostname="berth.example"
        now={Date.now()}
      />
    </div>,
  );
  return { ...utils, onToggle, onToggleAll, onSort };
}

describe('ContainersTable', () => {
  it('renders only a window of 5,000 rows and follows the scroll', async () => {
    const rows = makeRows(5000);
    renderTable(rows);
    const table = await screen.findByRole('table', { name: 'Containers' });
    expect(table).toHaveAttribute('aria-rowcount', '5001');

    const rendered = within(table).getAllByRole('row').length - 1;
    expect(rendered).toBeGreaterThan(VIEWPORT / ROW_HEIGHT);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByRole('link', { name: 'svc-0000' })).toHaveAttribute(
      'href',
      `/endpoints/local/containers/${rows[0]?.id}`,
    );

    const scroller = screen.getByTestId('containers-scroll');
    await act(async () => {
      scroller.scrollTop = 4000 * ROW_HEIGHT;
      fireEvent.scroll(scroller);
    });
    expect(await screen.findByRole('link', { name: 'svc-4000' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'svc-0000' })).not.toBeInTheDocument();
  });

  it('names every checkbox, marks the sorted column and links published ports', async () => {
    const rows = makeRows(3);
    const { onToggle, onToggleAll, onSort } = renderTable(rows, new Set([rows[1]?.id ?? '']));

    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select svc-0000' }));
    expect(onToggle).toHaveBeenCalledWith(rows[0]?.id);
    expect(screen.getByRole('checkbox', { name: 'Select svc-0001' })).toBeChecked();
    const all = screen.getByRole('checkbox', { name: 'Select all containers' });
    expect((all as HTMLInputElement).indeterminate).toBe(true);
    fireEvent.click(all);
    expect(onToggleAll).toHaveBeenCalled();

    const headers = screen.getAllByRole('columnheader');
    expect(headers.find((h) => h.textContent === 'Name')).toHaveAttribute('aria-sort', 'ascending');
    expect(headers.find((h) => h.textContent === 'Image')).toHaveAttribute('aria-sort', 'none');
    fireEvent.click(screen.getByRole('button', { name: 'Created' }));
    expect(onSort).toHaveBeenCalledWith('created');

    expect(screen.getByRole('link', { name: /Open port 8080/ })).toHaveAttribute(
      'href',
      'http://berth.example:8080',
    );
  });
});
