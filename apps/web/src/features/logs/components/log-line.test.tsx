import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LogLine } from './log-line';

const base = {
  stream: 1,
  time: Date.UTC(2024, 4, 1, 12, 0, 0),
  showTimestamp: false,
  wrap: true,
  highlight: null,
  current: false,
  theme: 'light' as const,
};

describe('LogLine', () => {
  it('renders markup in a log line as text, never as HTML', () => {
    const { container } = render(
      <LogLine {...base} text={'\x1b[31m<img src=x onerror="alert(1)">\x1b[0m<b>bold?</b>'} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror="alert(1)"><b>bold?</b>');
  });

  it('colours ANSI runs and marks every match, the current line more strongly', () => {
    const { container } = render(
      <LogLine {...base} text={'\x1b[32mok\x1b[0m then ok again'} highlight={/ok/gi} current />,
    );
    const marks = container.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['ok', 'ok']);
    expect((marks[0] as HTMLElement).style.color).not.toBe('');
    expect(container.firstElementChild).toHaveAttribute('data-current', 'true');
  });

  it('marks stderr and shows the source and timestamp when asked', () => {
    render(
      <LogLine
        {...base}
        stream={2}
        text="boom"
        showTimestamp
        source={{ name: 'db', colour: 'red' }}
      />,
    );
    const line = screen.getByText('boom').closest('[data-stream]');
    expect(line).toHaveAttribute('data-stream', 'stderr');
    expect(line).toHaveTextContent('db');
    expect(line?.textContent).toMatch(/2024-05-01 \d\d:00:00\.000/);
  });
});
