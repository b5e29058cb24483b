// Just enough of the tar format for Berth's file browser: write an archive of files in the
// browser (upload) and read the entry names of an upload in the gateway (to refuse paths that
// would leave the folder asked for). ustar headers; long names use a PAX `path` record.

const BLOCK = 512;
const encoder = new TextEncoder();

export interface TarFile {
  /** Relative path inside the archive, `/`-separated, no `..`. */
  name: string;
  data: Uint8Array;
  /** Unix mode bits (default 0644). */
  mode?: number;
  /** Seconds since epoch (default now). */
  mtime?: number;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mode: number, mtime: number, type: string): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const put = (text: string, offset: number, width: number) =>
    block.set(encoder.encode(text).subarray(0, width), offset);
  put(name, 0, 100);
  put(octal(mode, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(mtime, 12), 136, 12);
  put('        ', 148, 8); // checksum placeholder: spaces
  put(type, 156, 1);
  put('ustar\u000000', 257, 8);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(octal(sum, 7) + ' ', 148, 8);
  return block;
}

function padded(data: Uint8Array): Uint8Array[] {
  const rest = data.length % BLOCK;
  return rest === 0 ? [data] : [data, new Uint8Array(BLOCK - rest)];
}

/** A problem with an entry name, or null: relative, no `..`, no empty or NUL parts. */
export function tarNameProblem(name: string): string | null {
  if (name.startsWith('/')) return `"${name}" is an absolute path`;
  const parts = name.replace(/\/+$/, '').split('/');
  if (parts.some((p) => p === '..')) return `"${name}" climbs out of the folder with ".."`;
  if (name.includes('\0')) return `"${name}" contains a NUL byte`;
  return null;
}

/** Builds a tar archive of files (and their parent folders implied by the names). */
export function writeTar(files: readonly TarFile[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const now = Math.floor(Date.now() / 1000);
  for (const file of files) {
    const problem = tarNameProblem(file.name);
    if (problem) throw new Error(problem);
    const nameBytes = encoder.encode(file.name);
    let name = file.name;
    if (nameBytes.length > 99) {
      // PAX extended header carrying the full path; the ustar name is a truncated stand-in.
      const record = (text: string) => {
        let length = text.length + 3;
        for (;;) {
          const line = `${length} ${text}\n`;
          const bytes = encoder.encode(line).length;
          if (bytes === length) return line;
          length = bytes;
        }
      };
      const pax = encoder.encode(record(`path=${file.name}`));
      parts.push(header('PaxHeader', pax.length, 0o644, file.mtime ?? now, 'x'), ...padded(pax));
      name = file.name.slice(-99);
    }
    parts.push(
      header(name, file.data.length, file.mode ?? 0o644, file.mtime ?? now, '0'),
      ...padded(file.data),
    );
  }
  parts.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
