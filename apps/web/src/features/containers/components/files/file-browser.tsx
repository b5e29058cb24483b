import { formatBytes } from '@berth/api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ChevronRight,
  Download,
  File,
  Folder,
  FolderUp,
  Link2,
  RotateCw,
  Upload,
} from 'lucide-react';
import { useRef, useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { InlineAlert } from '@/components/ui/inline-alert';
import { TextInput } from '@/components/ui/input';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/simple-table';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useEnginePermission } from '@/hooks/use-me';
import {
  archiveUrl,
  filesKey,
  folderQueryOptions,
  pathStatQueryOptions,
  isDirMode,
  isSafeName,
  joinPath,
  LIST_MAX_ENTRIES,
  normalisePath,
  uploadFiles,
} from '../../api/files';
import type { TarEntry } from '@berth/api';

function modeString(entry: TarEntry): string {
  const kind = entry.type === 'dir' ? 'd' : entry.type === 'symlink' ? 'l' : '-';
  const bits = 'rwxrwxrwx'
    .split('')
    .map((ch, i) => (entry.mode & (1 << (8 - i)) ? ch : '-'))
    .join('');
  return kind + bits;
}

function baseName(path: string) {
  return path.split('/').filter(Boolean).pop() ?? '';
}

export function FileBrowser({
  endpointId,
  containerId,
}: {
  endpointId: string;
  containerId: string;
}) {
  const [path, setPath] = useState('/');
  const [typed, setTyped] = useState('/');
  const queryClient = useQueryClient();
  const can = useEnginePermission();
  const canUpload = can('PUT', `/containers/${containerId}/archive`).allowed;
  const fileInput = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<{ sent: number; total: number; abort: () => void } | null>(
    null,
  );
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);

  const key = filesKey(endpointId, containerId, path);
  const stat = useQuery(pathStatQueryOptions(endpointId, containerId, path));
  const isDir = stat.data ? isDirMode(stat.data.mode) : false;
  const listing = useQuery({
    ...folderQueryOptions(endpointId, containerId, path),
    enabled: isDir,
  });

  function go(next: string) {
    const clean = normalisePath(next);
    setPath(clean);
    setTyped(clean);
    setUploaded(null);
    setUploadError(null);
  }

  async function onFiles(list: FileList | null) {
    if (!list || list.length === 0) return;
    setUploadError(null);
    setUploaded(null);
    const files = await Promise.all(
      Array.from(list).map(async (file) => ({
        name: file.name,
        data: new Uint8Array(await file.arrayBuffer()),
        mtime: Math.floor(file.lastModified / 1000),
      })),
    );
    const bad = files.find((file) => !isSafeName(file.name));
    if (bad) {
      setUploadError(`“${bad.name}” is not a plain file name.`);
      return;
    }
    try {
      const job = uploadFiles(endpointId, containerId, path, files, (sent, total) =>
        setUpload((current) => ({ sent, total, abort: current?.abort ?? (() => {}) })),
      );
      setUpload({ sent: 0, total: 1, abort: job.abort });
      await job.promise;
      setUploaded(files.map((f) => f.name).join(', '));
      void queryClient.invalidateQueries({ queryKey: key });
    } catch (error) {
      setUploadError(error instanceof Error ? error.message : String(error));
    } finally {
      setUpload(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  const crumbs = path.split('/').filter(Boolean);
  const muted = 'text-[12.5px] text-muted';
  const columns: Column<TarEntry>[] = [
    {
      key: 'name',
      header: 'Name',
      cellClassName: 'text-[12.5px]',
      cell: (entry) =>
        entry.type === 'dir' ? (
          <button
            type="button"
            className="flex items-center gap-2 font-mono text-accent-text hover:underline"
            onClick={() => go(joinPath(path, entry.name))}
          >
            <Folder className="size-3.5" aria-hidden />
            {entry.name}
          </button>
        ) : (
          <span className="flex items-center gap-2 font-mono text-fg">
            {entry.type === 'symlink' ? (
              <Link2 className="size-3.5 text-muted" aria-hidden />
            ) : (
              <File className="size-3.5 text-muted" aria-hidden />
            )}
            {entry.name}
            {entry.type === 'symlink' && <span className="text-muted">→ {entry.linkTarget}</span>}
          </span>
        ),
    },
    {
      key: 'size',
      header: 'Size',
      className: 'text-right',
      cellClassName: `${muted} tabular-nums`,
      cell: (entry) => (entry.type === 'file' ? formatBytes(entry.size) : '—'),
    },
    {
      key: 'mode',
      header: 'Mode',
      cellClassName: `${muted} font-mono`,
      cell: (entry) => modeString(entry),
    },
    {
      key: 'modified',
      header: 'Modified',
      cellClassName: muted,
      cell: (entry) => (entry.mtime ? new Date(entry.mtime * 1000).toLocaleString() : '—'),
    },
    {
      key: 'download',
      header: 'Download',
      hideHeader: true,
      className: 'text-right',
      cell: (entry) => (
        <a
          href={archiveUrl(endpointId, containerId, joinPath(path, entry.name))}
          download={`${entry.name}.tar`}
          aria-label={`Download ${entry.name}`}
          title="Download as tar"
          className="inline-flex size-7 items-center justify-center rounded-md text-muted hover:bg-hover hover:text-fg"
        >
          <Download className="size-3.5" aria-hidden />
        </a>
      ),
    },
  ];

  return (
    <div className="flex flex-col gap-3 p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav
          aria-label="Folder path"
          className="flex flex-wrap items-center gap-1 font-mono text-[12.5px]"
        >
          <button
            type="button"
            className="rounded px-1 text-accent-text hover:underline"
            onClick={() => go('/')}
          >
            /
          </button>
          {crumbs.map((part, i) => {
            const target = `/${crumbs.slice(0, i + 1).join('/')}`;
            const last = i === crumbs.length - 1;
            return (
              <span key={target} className="flex items-center gap-1">
                {i > 0 && <ChevronRight className="size-3 text-faint" aria-hidden />}
                {last ? (
                  <span aria-current="location" className="text-fg">
                    {part}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="text-accent-text hover:underline"
                    onClick={() => go(target)}
                  >
                    {part}
                  </button>
                )}
              </span>
            );
          })}
        </nav>
        <div className="flex items-center gap-2">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              go(typed);
            }}
          >
            <TextInput
              aria-label="Go to path"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              className="w-64 font-mono"
            />
          </form>
          {path !== '/' && (
            <Button
              size="sm"
              icon={<FolderUp className="size-3.5" aria-hidden />}
              onClick={() => go(`${path}/..`)}
            >
              Up
            </Button>
          )}
          <Button
            size="sm"
            icon={<RotateCw className="size-3.5" aria-hidden />}
            loading={stat.isFetching || listing.isFetching}
            onClick={() => void queryClient.invalidateQueries({ queryKey: key })}
          >
            Refresh
          </Button>
          {isDir && (
            <a
              href={archiveUrl(endpointId, containerId, path)}
              download={`${baseName(path) || 'root'}.tar`}
              className={buttonClasses('secondary', 'sm')}
            >
              <Download className="size-3.5" aria-hidden />
              Download folder
            </a>
          )}
          {isDir && canUpload && (
            <>
              <input
                ref={fileInput}
                type="file"
                multiple
                hidden
                aria-label="Choose files to upload"
                onChange={(event) => void onFiles(event.target.files)}
              />
              <Button
                size="sm"
                variant="primary"
                icon={<Upload className="size-3.5" aria-hidden />}
                loading={upload !== null}
                onClick={() => fileInput.current?.click()}
              >
                Upload files
              </Button>
            </>
          )}
        </div>
      </div>

      {upload && (
        <div className="flex items-center gap-3 text-[12.5px] text-muted">
          <progress
            aria-label="Upload progress"
            max={upload.total}
            value={upload.sent}
            className="h-2 w-64 accent-[var(--berth-accent)]"
          />
          {formatBytes(upload.sent)} of {formatBytes(upload.total)}
          <Button size="sm" variant="ghost" onClick={upload.abort}>
            Cancel upload
          </Button>
        </div>
      )}
      {uploadError && <InlineAlert title="The upload failed">{uploadError}</InlineAlert>}
      {uploaded && (
        <p role="status" className="text-[12.5px] text-muted">
          Uploaded {uploaded}.
        </p>
      )}

      {stat.isPending ? (
        <SkeletonRows rows={6} label="Loading files" />
      ) : stat.isError ? (
        <ErrorState title={`Could not open ${path}`} message={stat.error.message} />
      ) : !isDir ? (
        <div className="rounded-lg border border-line p-4 text-[13px]">
          <p className="font-mono text-fg">{path}</p>
          <p className="mt-1 text-muted">
            {formatBytes(stat.data.size)} · modified {new Date(stat.data.mtime).toLocaleString()}
            {stat.data.linkTarget && ` · links to ${stat.data.linkTarget}`}
          </p>
          <a
            href={archiveUrl(endpointId, containerId, path)}
            download={`${baseName(path)}.tar`}
            className={`${buttonClasses('secondary', 'sm')} mt-3`}
          >
            <Download className="size-3.5" aria-hidden />
            Download (tar)
          </a>
        </div>
      ) : listing.isPending ? (
        <SkeletonRows rows={6} label="Listing the folder" />
      ) : listing.isError ? (
        <ErrorState title={`Could not list ${path}`} message={listing.error.message} />
      ) : listing.data.entries.length === 0 ? (
        <EmptyState icon={<Folder className="size-8" aria-hidden />} title="This folder is empty">
          {canUpload ? 'Upload files into it with “Upload files”.' : null}
        </EmptyState>
      ) : (
        <>
          {listing.data.truncated && (
            <InlineAlert tone="warning" title="Partial listing">
              The engine sends a folder as one archive; Berth stopped reading after{' '}
              {LIST_MAX_ENTRIES.toLocaleString()} entries or 256 MiB, so some items may be missing.
              Open a subfolder to see its full contents.
            </InlineAlert>
          )}
          <div className="overflow-auto rounded-lg border border-line">
            <SimpleTable
              label="Files"
              density="compact"
              columns={columns}
              rows={listing.data.entries}
              rowKey={(entry) => entry.name}
            />
          </div>
        </>
      )}
    </div>
  );
}
