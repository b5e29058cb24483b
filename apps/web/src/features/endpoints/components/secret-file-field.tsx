import { FileUp, X } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/cn';

const MAX_BYTES = 64 * 1024;

/**
 * A PEM or private-key field: load it from a file or paste it. The text never comes back from the
 * gateway, so while editing an empty field says the stored one is kept.
 */
export function SecretFileField({
  label,
  value,
  onChange,
  error,
  hint,
  stored,
  accept = '.pem,.crt,.key,.cert,text/plain',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  /** Editing a saved endpoint: blank keeps the stored secret. */
  stored: boolean;
  accept?: string;
}) {
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const noteId = `${id}-note`;
  const shownError = fileError ?? error;
  const note =
    shownError ?? (value ? hint : stored ? 'Stored encrypted; leave blank to keep it.' : hint);

  async function load(files: FileList | null) {
    const picked = files?.[0];
    if (!picked) return;
    if (file.current) file.current.value = '';
    if (picked.size > MAX_BYTES) {
      setFileError(`${picked.name} is larger than 64 KiB: that is not a key or certificate.`);
      return;
    }
    setFileError(null);
    onChange(await picked.text());
  }

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-[12.5px] font-medium text-fg">
          {label}
        </label>
        <div className="flex items-center gap-1">
          {value && (
            <Button
              size="sm"
              variant="ghost"
              icon={<X className="size-3" aria-hidden />}
              onClick={() => onChange('')}
              aria-label={`Clear ${label}`}
            >
              Clear
            </Button>
          )}
          <Button
            size="sm"
            icon={<FileUp className="size-3" aria-hidden />}
            onClick={() => file.current?.click()}
          >
            Load file…
          </Button>
          <input
            ref={file}
            type="file"
            accept={accept}
            className="sr-only"
            tabIndex={-1}
            aria-label={`${label} file`}
            onChange={(event) => void load(event.target.files)}
          />
        </div>
      </div>
      <textarea
        id={id}
        value={value}
        spellCheck={false}
        autoComplete="off"
        rows={value ? 4 : 2}
        placeholder={stored ? '•••••• stored' : '-----BEGIN …-----'}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={note ? noteId : undefined}
        onChange={(event) => {
          setFileError(null);
          onChange(event.target.value);
        }}
        className={cn(
          'w-full resize-y rounded-md border border-line-strong bg-panel px-2.5 py-1.5 font-mono text-[11.5px] leading-snug text-fg placeholder:text-faint focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/30 focus-visible:outline-none',
          shownError && 'border-danger',
        )}
      />
      {note && (
        <p id={noteId} className={cn('text-[12px]', shownError ? 'text-danger' : 'text-muted')}>
          {note}
        </p>
      )}
    </div>
  );
}
