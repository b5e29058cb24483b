// The form kit on its own: a zod schema, a rows field and a mutation that refuses the way the
// gateway does (a stand-in mutation, no network: what is tested is where errors show).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { FormDialog } from './form-dialog';
import { FormCheckboxField, FormTextField } from './fields';
import { FormRowsField } from './rows-field';
import { useZodForm } from './use-zod-form';

const schema = z.object({
  name: z.string().min(1, 'A name is needed.'),
  subnets: z.array(z.object({ cidr: z.string().regex(/^\d+\.\d+\.\d+\.\d+\/\d+$/, 'A CIDR.') })),
  attachable: z.boolean(),
});
type Values = z.input<typeof schema>;

function Harness({ save }: { save: (values: Values) => Promise<unknown> }) {
  const form = useZodForm(schema, { defaultValues: { name: '', subnets: [], attachable: false } });
  return (
    <FormDialog
      title="Create thing"
      onClose={() => undefined}
      form={form}
      mutation={{ mutationFn: save }}
      toVariables={(values) => values}
      submitLabel="Create"
    >
      <FormTextField<Values> name="name" label="Name" />
      <FormRowsField<Values, 'subnets'>
        name="subnets"
        blank={() => ({ cidr: '' })}
        addLabel="Add subnet"
        noun="subnet"
        renderRow={(index, path) => (
          <FormTextField<Values> name={`${path}.cidr`} label={`Subnet ${index + 1}`} />
        )}
      />
      <FormCheckboxField<Values> name="attachable" label="Attachable" />
    </FormDialog>
  );
}

function renderHarness(save: (values: Values) => Promise<unknown>) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Harness save={save} />
    </QueryClientProvider>,
  );
}

describe('FormDialog and its fields', () => {
  it('does not mark a row just added as wrong, only once it is left or the form is sent', async () => {
    const save = vi.fn(async () => ({}));
    renderHarness(save);
    const name = screen.getByLabelText('Name');
    fireEvent.change(name, { target: { value: 'net' } });
    fireEvent.blur(name);
    fireEvent.click(screen.getByRole('button', { name: 'Add subnet' }));
    const subnet = await screen.findByLabelText('Subnet 1');
    // react-hook-form validates the array as it grows; the blank row must not turn red for it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText('A CIDR.')).toBeNull();
    expect(subnet).not.toHaveAttribute('aria-invalid', 'true');

    fireEvent.blur(subnet);
    expect(await screen.findByText('A CIDR.')).toBeVisible();
    fireEvent.change(subnet, { target: { value: '10.9.0.0/24' } });
    await waitFor(() => expect(screen.queryByText('A CIDR.')).toBeNull());
  });

  it('on submit shows every error at its field, focuses the first, and sends nothing', async () => {
    const save = vi.fn(async () => ({}));
    renderHarness(save);
    fireEvent.click(screen.getByRole('button', { name: 'Add subnet' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('A name is needed.')).toBeVisible();
    expect(screen.getByText('A CIDR.')).toBeVisible();
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(save).not.toHaveBeenCalled();
  });

  it('sends the parsed values, and puts a refusal naming a field at that field', async () => {
    const save = vi.fn(async (_values: Values): Promise<unknown> => {
      throw new Error('subnets.0.cidr: overlaps with 10.9.0.0/16');
    });
    renderHarness(save);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'net' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add subnet' }));
    fireEvent.change(await screen.findByLabelText('Subnet 1'), {
      target: { value: '10.9.1.0/24' },
    });
    fireEvent.click(screen.getByLabelText('Attachable'));
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
    expect(save.mock.calls[0]?.[0]).toEqual({
      name: 'net',
      subnets: [{ cidr: '10.9.1.0/24' }],
      attachable: true,
    });
    expect(await screen.findByText('Overlaps with 10.9.0.0/16')).toBeVisible();
    expect(screen.getByLabelText('Subnet 1')).toHaveFocus();
  });
});
