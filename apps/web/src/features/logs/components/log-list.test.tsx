import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LogStore, STDOUT } from '../utils/log-store';
import { LogList } from './log-list';

function store(count: number): LogStore {
  const s = new LogStore(count);
  for (let i = 0; i < count; i++) s.push(`line ${i}`, STDOUT, i);
  s.commit();
  return s;
}

describe('LogList', () => {
  it('puts only the lines in view in the DOM, newest at the bottom when following', () => {
    const lines = store(1_000_000);
    render(
      <LogList
        store={lines}
        version={lines.version}
        follow
        onFollowChange={vi.fn()}
        scrollRequest={null}
        label="Logs of web"
        wrap={false}
        renderLine={(i) => <div key={i}>{lines.textAt(i)}</div>}
      />,
    );
    const log = screen.getByRole('log', { name: 'Logs of web' });
    // 600 px (jsdom has no layout) / 18 px a line: a window of a few dozen, not a million.
    expect(log.querySelectorAll('div > div > div').length).toBeLessThan(60);
    expect(screen.getByText('line 999999')).toBeInTheDocument();
    expect(screen.queryByText('line 0')).toBeNull();
  });

  it('jumps to a requested line', () => {
    const lines = store(100_000);
    const { rerender } = render(
      <LogList
        store={lines}
        version={lines.version}
        follow={false}
        onFollowChange={vi.fn()}
        scrollRequest={null}
        label="Logs"
        wrap
        renderLine={(i) => <div key={i}>{lines.textAt(i)}</div>}
      />,
    );
    rerender(
      <LogList
        store={lines}
        version={lines.version}
        follow={false}
        onFollowChange={vi.fn()}
        scrollRequest={{ index: 50_000, nonce: 1 }}
        label="Logs"
        wrap
        renderLine={(i) => <div key={i}>{lines.textAt(i)}</div>}
      />,
    );
    expect(screen.getByText('line 50000')).toBeInTheDocument();
  });
});
