import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JsonView } from './json-view';

describe('JsonView', () => {
  it('keeps the text exactly as given while colouring tokens', () => {
    const text = JSON.stringify(
      { Id: 'abc', Running: true, Pid: 42, Error: null, Args: ['-f'] },
      null,
      2,
    );
    const { getByLabelText } = render(<JsonView text={text} label="Inspect JSON" />);
    const pre = getByLabelText('Inspect JSON');
    expect(pre.textContent).toBe(text);
    expect(pre.querySelectorAll('span').length).toBeGreaterThanOrEqual(9);
  });
});
