import type { EndpointSummary, WallLayoutSummary } from '@berth/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { InlineAlert } from '@/components/ui/inline-alert';
import { Select } from '@/components/ui/input';
import { containerListQueryOptions } from '@/lib/container-list-query';
import { endpointsQueryOptions } from '@/lib/queries';
import { draftFrom, newTile, validateDraft } from '../api/layout-draft';
import type { DraftPage, DraftTile, LayoutDraft, TileType } from '../api/layout-draft';
import { saveLayout, wallKeys } from '../api/wall-api';
import { TILE_TITLES } from '../api/wall-grid';

const TILE_TYPES = Object.keys(TILE_TITLES) as TileType[];

/** Create or edit a named wall layout: pages of tiles that rotate on a timer. */
export function LayoutEditorDialog({
  existing,
  onClose,
}: {
  existing: WallLayoutSummary | null;
  onClose: () => void;
}) {
  const endpoints = useQuery(endpointsQueryOptions()).data ?? [];
  const [draft, setDraft] = useState<LayoutDraft>(() => draftFrom(existing ?? undefined));
  const [errors, setErrors] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: (body: Parameters<typeof saveLayout>[1]) => saveLayout(existing?.id ?? null, body),
    meta: { toastOnError: false, invalidates: [wallKeys.layouts()] },
    onSuccess: onClose,
  });
  const firstEndpoint = endpoints[0]?.id ?? '';

  const setPage = (index: number, page: DraftPage) =>
    setDraft((d) => ({ ...d, pages: d.pages.map((p, i) => (i === index ? page : p)) }));

  return (
    <Dialog
      open
      onClose={onClose}
      busy={save.isPending}
      title={existing ? `Edit ${existing.name}` : 'New wall layout'}
      description="Pages of tiles; a wall shows one page at a time and moves to the next on the timer."
      className="max-w-3xl!"
    >
      <form
        noValidate
        aria-label="Wall layout"
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          const result = validateDraft(draft);
          if (!result.ok) return setErrors(result.errors);
          setErrors([]);
          save.mutate({ name: result.name, config: result.config });
        }}
      >
        <div className="grid grid-cols-[1fr_180px] gap-3">
          <TextField
            label="Layout name"
            value={draft.name}
            placeholder="Ops room"
            onChange={(event) => setDraft((d) => ({ ...d, name: event.target.value }))}
          />
          <TextField
            label="Next page every (seconds)"
            type="number"
            min={5}
            max={3600}
            value={String(draft.rotateSeconds)}
            onChange={(event) =>
              setDraft((d) => ({ ...d, rotateSeconds: Number(event.target.value) }))
            }
          />
        </div>
        <div className="flex max-h-[52vh] flex-col gap-3 overflow-auto pr-1">
          {draft.pages.map((page, p) => (
            <fieldset key={p} className="flex flex-col gap-2 rounded-lg border border-line p-3">
              <legend className="px-1 text-[12.5px] font-semibold text-fg">Page {p + 1}</legend>
              <div className="flex items-end gap-2">
                <div className="flex-1">
                  <TextField
                    label={`Page ${p + 1} title`}
                    value={page.title}
                    placeholder="Optional, e.g. Production"
                    onChange={(event) => setPage(p, { ...page, title: event.target.value })}
                  />
                </div>
                <Button
                  size="sm"
                  variant="ghost"
                  className="text-danger hover:text-danger"
                  icon={<Trash2 className="size-3" aria-hidden />}
                  disabled={draft.pages.length === 1}
                  onClick={() =>
                    setDraft((d) => ({ ...d, pages: d.pages.filter((_, i) => i !== p) }))
                  }
                >
                  Remove page
                </Button>
              </div>
              <ul className="flex flex-col gap-2">
                {page.tiles.map((tile, t) => (
                  <TileRow
                    key={t}
                    label={`Page ${p + 1} tile ${t + 1}`}
                    tile={tile}
                    endpoints={endpoints}
                    onChange={(next) =>
                      setPage(p, { ...page, tiles: page.tiles.map((x, i) => (i === t ? next : x)) })
                    }
                    onMove={(delta) => {
                      const tiles = [...page.tiles];
                      const [moved] = tiles.splice(t, 1);
                      if (moved) tiles.splice(t + delta, 0, moved);
                      setPage(p, { ...page, tiles });
                    }}
                    first={t === 0}
                    last={t === page.tiles.length - 1}
                    onRemove={() =>
                      setPage(p, { ...page, tiles: page.tiles.filter((_, i) => i !== t) })
                    }
                  />
                ))}
              </ul>
              <div>
                <Button
                  size="sm"
                  icon={<Plus className="size-3" aria-hidden />}
                  disabled={page.tiles.length >= 12}
                  onClick={() =>
                    setPage(p, {
                      ...page,
                      tiles: [...page.tiles, newTile('containers', firstEndpoint)],
                    })
                  }
                >
                  Add tile
                </Button>
              </div>
            </fieldset>
          ))}
          <div>
            <Button
              size="sm"
              icon={<Plus className="size-3" aria-hidden />}
              disabled={draft.pages.length >= 20}
              onClick={() =>
                setDraft((d) => ({
                  ...d,
                  pages: [...d.pages, { title: '', tiles: [newTile('containers', firstEndpoint)] }],
                }))
              }
            >
              Add page
            </Button>
          </div>
        </div>
        {errors.length > 0 && (
          <InlineAlert title="The layout is not complete">
            <ul className="list-disc pl-4">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </InlineAlert>
        )}
        {save.isError && <InlineAlert title="Not saved">{save.error.message}</InlineAlert>}
        <div className="flex justify-end gap-2 pb-1">
          <Button onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save layout
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function TileRow({
  label,
  tile,
  endpoints,
  onChange,
  onMove,
  onRemove,
  first,
  last,
}: {
  label: string;
  tile: DraftTile;
  endpoints: EndpointSummary[];
  onChange: (tile: DraftTile) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
}) {
  const needsEndpoint = tile.type !== 'endpoints';
  return (
    <li className="flex flex-col gap-2 rounded-md bg-subtle px-2.5 py-2">
      <div className="flex flex-wrap items-center gap-2">
        <Select
          aria-label={`${label} type`}
          value={tile.type}
          onChange={(event) =>
            onChange({ ...tile, type: event.target.value as TileType, containers: [] })
          }
        >
          {TILE_TYPES.map((type) => (
            <option key={type} value={type}>
              {TILE_TITLES[type]}
            </option>
          ))}
        </Select>
        {needsEndpoint && (
          <Select
            aria-label={`${label} endpoint`}
            value={tile.endpoint}
            onChange={(event) =>
              onChange({ ...tile, endpoint: event.target.value, containers: [] })
            }
          >
            {tile.type === 'events' && <option value="">Every endpoint</option>}
            {tile.type !== 'events' && !tile.endpoint && (
              <option value="">Choose an endpoint</option>
            )}
            {endpoints.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </Select>
        )}
        <div className="ml-auto flex items-center">
          <IconButton
            size="sm"
            aria-label={`Move ${label} up`}
            disabled={first}
            onClick={() => onMove(-1)}
          >
            <ArrowUp className="size-3.5" />
          </IconButton>
          <IconButton
            size="sm"
            aria-label={`Move ${label} down`}
            disabled={last}
            onClick={() => onMove(1)}
          >
            <ArrowDown className="size-3.5" />
          </IconButton>
          <IconButton size="sm" aria-label={`Remove ${label}`} onClick={onRemove}>
            <Trash2 className="size-3.5" />
          </IconButton>
        </div>
      </div>
      {tile.type === 'charts' && tile.endpoint && (
        <ContainerPicker
          label={label}
          endpointId={tile.endpoint}
          chosen={tile.containers}
          onChange={(containers) => onChange({ ...tile, containers })}
        />
      )}
    </li>
  );
}

function ContainerPicker({
  label,
  endpointId,
  chosen,
  onChange,
}: {
  label: string;
  endpointId: string;
  chosen: string[];
  onChange: (names: string[]) => void;
}) {
  const list = useQuery(containerListQueryOptions(endpointId, { all: true }));
  const names = [...new Set([...chosen, ...(list.data ?? []).map((r) => r.name)])].sort();
  if (list.isError) return <InlineAlert>{list.error.message}</InlineAlert>;
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-[12px] text-muted">
        Containers to chart (by name, so a re-created container keeps its chart; up to 12)
      </legend>
      {names.length === 0 ? (
        <p className="text-[12px] text-muted">
          {list.isPending ? 'Loading containers…' : 'No containers on this endpoint yet.'}
        </p>
      ) : (
        <div className="grid max-h-40 grid-cols-2 gap-x-4 overflow-auto md:grid-cols-3">
          {names.map((name) => (
            <label key={name} className="flex items-center gap-2 py-0.5 font-mono text-[12px]">
              <Checkbox
                aria-label={`${label}: chart ${name}`}
                checked={chosen.includes(name)}
                disabled={!chosen.includes(name) && chosen.length >= 12}
                onChange={(event) =>
                  onChange(
                    event.target.checked ? [...chosen, name] : chosen.filter((n) => n !== name),
                  )
                }
              />
              <span className="truncate">{name}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
