import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DiffDialog } from './diff-dialog';

describe('DiffDialog', () => {
  const before = { compose: 'services:\n  web:\n    image: app:1\n', env: 'A=1\n' };
  const after = { compose: 'services:\n  web:\n    image: app:2\n', env: 'A=1\n' };
  const preview = {
    ok: true,
    problems: [],
    current: before,
    services: [
      { name: 'web', action: 'recreate' as const, reason: 'its configuration changed' },
      { name: 'db', action: 'unchanged' as const, reason: 'same configuration and image' },
    ],
  };

  it('shows the changed lines, what happens to each service, and redeploys on confirm', () => {
    const onConfirm = vi.fn();
    render(
      <DiffDialog
        before={before}
        after={after}
        preview={preview}
        onCancel={() => {}}
        onConfirm={onConfirm}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Redeploy with these changes?' });
    const compose = within(dialog).getByRole('region', { name: 'Changes to compose.yaml' });
    expect(compose.querySelector('[data-diff="removed"]')?.textContent).toBe('-     image: app:1');
    expect(compose.querySelector('[data-diff="added"]')?.textContent).toBe('+     image: app:2');
    // The .env did not change: no section for it.
    expect(within(dialog).queryByRole('region', { name: 'Changes to .env' })).toBeNull();
    const services = within(dialog).getByRole('region', { name: 'Services' });
    expect(services.textContent).toContain('web will be recreated (its configuration changed)');
    expect(services.textContent).toContain('db stays running');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Redeploy' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('will not redeploy a file the gateway refused', () => {
    render(
      <DiffDialog
        before={before}
        after={after}
        preview={{ ...preview, ok: false, problems: [{ message: 'nope' }] }}
        onCancel={() => {}}
        onConfirm={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: 'Redeploy' })).toBeDisabled();
  });
});
