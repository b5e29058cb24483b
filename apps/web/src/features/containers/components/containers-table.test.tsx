import type { ContainerRow } from '@berth/api';
import type { SortingState } from '@tanstack/react-table';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useEffect } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { useDataTable } from '@/components/ui/data-table';
import { ContainersTable, ROW_HEIGHT, useContainerColumns } from './containers-table';

const VIEWPORT = 800;
const NOW = Date.UTC(2026, 11, 7);

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
    created: NOW - i * 1000,
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

function Harness({
  rows,
  onSort,
  onSelection,
}: {
  rows: ContainerRow[];
  onSort: (sorting: SortingState) => void;
  onSelection: (names: string[]) => void;
}) {
  const columns = useContainerColumns({
    endpointId: 'local',
    hostname: 'berth.example',
    now: NOW,
  });
  const table = useDataTable({
    id: 'containers-test',
    columns,
    data: rows,
    getRowId: (row) => row.id,
    selectable: true,
    sorting: [{ id: 'name', desc: false }],
    onSortingChange: onSort,
  });
  const selected = table
    .getFilteredSelectedRowModel()
    .rows.map((row) => row.original.name)
    .join(',');
  useEffect(() => onSelection(selected ? selected.split(',') : []), [onSelection, selected]);
  return <ContainersTable table={table} />;
}

function renderTable(rows: ContainerRow[]) {
  const onSort = vi.fn();
  const onSelection = vi.fn();
  const utils = renderWithProviders(
    <div style={{ height: VIEWPORT, display: 'flex', flexDirection: 'column' }}>
      <Harness rows={rows} onSort={onSort} onSelection={onSelection} />
    </div>,
  );
  return { ...utils, onSort, onSelection };
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
  }, 30_000); // a shared 2-core machine: this checks the window, not the speed

  it('names every checkbox, selects a range, marks the sorted column and links ports', async () => {
    const rows = makeRows(3);
    const { onSort, onSelection } = renderTable(rows);

    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select svc-0000' }));
    expect(onSelection).toHaveBeenLastCalledWith(['svc-0000']);
    expect(screen.getByRole('checkbox', { name: 'Select svc-0000' })).toBeChecked();
    const all = screen.getByRole('checkbox', { name: 'Select all containers' });
    expect((all as HTMLInputElement).indeterminate).toBe(true);
    fireEvent.click(all);
    expect(onSelection).toHaveBeenLastCalledWith(['svc-0000', 'svc-0001', 'svc-0002']);

    const headers = screen.getAllByRole('columnheader');
    expect(headers.find((h) => h.textContent === 'Name')).toHaveAttribute('aria-sort', 'ascending');
    expect(headers.find((h) => h.textContent === 'Image')).toHaveAttribute('aria-sort', 'none');
    fireEvent.click(screen.getByRole('button', { name: 'Created' }));
    // Newest first is what a person wants from a date column's first click.
    expect(onSort).toHaveBeenCalledWith([{ id: 'created', desc: true }]);

    expect(screen.getByRole('link', { name: /Open port 8080/ })).toHaveAttribute(
      'href',
      'http://berth.example:8080',
    );
  });

  it('moves between rows with the arrow keys and selects with Space', async () => {
    const rows = makeRows(5);
    const { onSelection } = renderTable(rows);
    const table = await screen.findByRole('table', { name: 'Containers' });
    const [, first, second] = within(table).getAllByRole('row');
    if (!first || !second) throw new Error('rows missing');
    expect(first).toHaveAttribute('tabindex', '0');
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(second).toHaveFocus());
    fireEvent.keyDown(second, { key: ' ' });
    expect(onSelection).toHaveBeenLastCalledWith(['svc-0001']);
    expect(second).toHaveAttribute('aria-selected', 'true');
  });
});
