import { imageSearchSchema } from '@berth/api';
import type { ImageSearchValues } from '@berth/api';
import { useQuery } from '@tanstack/react-query';
import { Search, Star } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Form, FormTextField, useZodForm } from '@/components/ui/form';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Spinner } from '@/components/ui/spinner';
import { searchImagesQueryOptions } from '../api/images-api';

/** Searches the engine's configured index (Docker Hub). Offline engines answer an error. */
export function SearchDialog({
  endpointId,
  onClose,
  onPull,
  canPull,
}: {
  endpointId: string;
  onClose: () => void;
  onPull: (name: string) => void;
  canPull: boolean;
}) {
  const form = useZodForm(imageSearchSchema, { defaultValues: { term: '' } });
  const [term, setTerm] = useState('');
  const query = useQuery(searchImagesQueryOptions(endpointId, term));
  return (
    <Dialog open onClose={onClose} title="Search images" className="sm:max-w-2xl">
      <div role="search">
        <Form
          form={form}
          onSubmit={(event) => void form.handleSubmit((values) => setTerm(values.term))(event)}
        >
          <div className="flex items-end gap-2">
            <div className="flex-1">
              <FormTextField<ImageSearchValues>
                name="term"
                label="Search term"
                placeholder="nginx"
              />
            </div>
            <Button type="submit" variant="primary" icon={<Search className="size-3.5" />}>
              Search
            </Button>
          </div>
        </Form>
      </div>
      <div className="mt-3 pb-4">
        {!term ? (
          <p className="text-[12.5px] text-muted">
            Searches the registry index the engine is configured with (Docker Hub by default).
          </p>
        ) : query.isPending ? (
          <p className="flex items-center gap-2 text-[12.5px] text-muted">
            <Spinner /> Asking the index…
          </p>
        ) : query.isError ? (
          <InlineAlert title="The image index could not be searched">
            <span className="font-mono">{query.error.message}</span>
            <span className="mt-1 block">
              The engine needs to reach the index (internet access or a mirror). You can still pull
              by exact name from a registry it can reach.
            </span>
          </InlineAlert>
        ) : query.data.length === 0 ? (
          <p className="text-[12.5px] text-muted">No images match “{term}”.</p>
        ) : (
          <ul
            aria-label="Search results"
            className="max-h-80 divide-y divide-line overflow-auto rounded-md border border-line"
          >
            {query.data.map((result) => (
              <li key={result.name} className="flex items-center gap-3 px-3 py-2 text-[13px]">
                <div className="min-w-0 flex-1">
                  <p className="font-mono text-fg">
                    {result.name}
                    {result.is_official && (
                      <span className="ml-2 rounded bg-accent-soft px-1.5 font-sans text-[11px] text-accent-text">
                        official
                      </span>
                    )}
                  </p>
                  <p className="truncate text-[12px] text-muted">{result.description}</p>
                </div>
                <span className="flex shrink-0 items-center gap-1 text-[12px] text-muted">
                  <Star className="size-3" aria-hidden /> {result.star_count}
                </span>
                {canPull && (
                  <Button size="sm" onClick={() => onPull(result.name)}>
                    Pull
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
