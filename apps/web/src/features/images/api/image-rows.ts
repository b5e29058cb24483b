import { shortImageName } from '@berth/api';
import type { ContainerSummary, DiskUsage, ImageSummary } from '@berth/api';

export interface ImageRow {
  id: string;
  /** `repo:tag` names; empty for a dangling image. */
  tags: string[];
  /** What to show when there is no tag (`repo@<none>` or `<none>`). */
  label: string;
  size: number;
  sharedSize: number;
  created: number;
  /** Containers using it, or null when the engine did not say. */
  containers: number | null;
  dangling: boolean;
}

/**
 * The images as the page shows them. Users are counted from `containers` when given (the live
 * model's, so a new container counts at once), else from /system/df or the engine's own count.
 */
export function toImageRows(
  images: ImageSummary[],
  usage: DiskUsage | undefined,
  containers?: readonly ContainerSummary[],
): ImageRow[] {
  const byId = new Map((usage?.Images ?? []).map((image) => [image.Id, image]));
  const users = new Map<string, number>();
  for (const container of containers ?? [])
    users.set(container.ImageID, (users.get(container.ImageID) ?? 0) + 1);
  return images.map((image) => {
    const tags = (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>');
    // Engines before 23 list `<none>@<none>` as a dangling image's digest.
    const digest = image.RepoDigests?.find((d) => !d.startsWith('<none>'));
    const extra = byId.get(image.Id);
    const count = containers ? (users.get(image.Id) ?? 0) : (extra?.Containers ?? image.Containers);
    const shared = extra?.SharedSize ?? image.SharedSize;
    return {
      id: image.Id,
      tags,
      // pouchd names Docker Hub images `registry.hub.docker.com/library/…`: shown short.
      label: tags[0]
        ? shortImageName(tags[0])
        : digest
          ? `${digest.split('@')[0]}@<none>`
          : '<none>',
      size: image.Size,
      sharedSize: shared >= 0 ? shared : 0,
      created: image.Created,
      containers: count >= 0 ? count : null,
      dangling: tags.length === 0,
    };
  });
}

export type ImageSortKey = 'name' | 'size' | 'created' | 'containers';
export interface ImageSort {
  key: ImageSortKey;
  direction: 'asc' | 'desc';
}

/** The rows a filter text (a name, a tag or an ID prefix) and "dangling only" leave. */
export function filterImages(rows: ImageRow[], text: string, danglingOnly: boolean): ImageRow[] {
  const needle = text.trim().toLowerCase();
  const bare = (id: string) => id.replace(/^sha256:/, '');
  return rows.filter(
    (row) =>
      (!danglingOnly || row.dangling) &&
      (!needle ||
        bare(row.id).startsWith(needle.replace(/^sha256:/, '')) ||
        row.label.toLowerCase().includes(needle) ||
        row.tags.some((tag) => tag.toLowerCase().includes(needle))),
  );
}

export function filterSortImages(
  rows: ImageRow[],
  text: string,
  danglingOnly: boolean,
  sort: ImageSort,
): ImageRow[] {
  const out = filterImages(rows, text, danglingOnly);
  const sign = sort.direction === 'asc' ? 1 : -1;
  const value = (row: ImageRow): number | string => {
    switch (sort.key) {
      case 'name':
        return row.label.toLowerCase();
      case 'size':
        return row.size;
      case 'created':
        return row.created;
      case 'containers':
        return row.containers ?? -1;
    }
  };
  return out.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a.id.localeCompare(b.id);
  });
}
