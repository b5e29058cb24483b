import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PageHeader } from './page-header';

describe('PageHeader', () => {
  it('shows the title as the one h1, and the description and actions once each', () => {
    render(
      <PageHeader
        title="Services"
        count="3"
        description="Replicas running"
        actions={<button type="button">Create service</button>}
      />,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Services3');
    expect(screen.getAllByText('Replicas running')).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Create service' })).toHaveLength(1);
  });
});
