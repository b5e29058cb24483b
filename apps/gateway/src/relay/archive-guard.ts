import { Transform, type TransformCallback } from 'node:stream';
import { TarEntryReader, tarNameProblem } from '@berth/api';
import { HttpError } from '../http/errors';

const COMPRESSED = [
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58, 0x5a], // xz
];

/**
 * Sits between an archive upload (`PUT /containers/{id}/archive`) and the engine: reads each
 * entry name before the bytes carrying it are passed on, and stops the upload at the first name
 * that would land outside the folder asked for (absolute, or climbing with `..`). Entries before
 * it have been written; the offending one never reaches the engine.
 */
export class ArchiveGuard extends Transform {
  private readonly reader = new TarEntryReader();
  private first = true;

  constructor(private readonly allowCompressed: boolean) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.first) {
      this.first = false;
      if (COMPRESSED.some((magic) => magic.every((byte, i) => chunk[i] === byte))) {
        if (this.allowCompressed) {
          // Compressed archives can't be read on the fly: admins only, passed as they are.
          this.reader.push = () => [];
        } else {
          callback(
            new HttpError(
              400,
              'Upload an uncompressed tar: Berth checks where each file goes before the engine writes it.',
            ),
          );
          return;
        }
      }
    }
    for (const { name } of this.reader.push(chunk)) {
      const problem = tarNameProblem(name);
      if (problem) {
        callback(
          new HttpError(
            400,
            `Refused archive entry ${problem}: uploads stay inside the folder they are sent to.`,
          ),
        );
        return;
      }
    }
    callback(null, chunk);
  }
}
