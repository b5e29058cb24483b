/**
 * Cuts a JSON array of objects, as its bytes arrive, into the text of each object. The engine's
 * list answers are such arrays (20,000 containers are 14 MiB): parsing each object as soon as it
 * is whole overlaps the parse with the engine still writing, and each object's garbage dies
 * young, instead of one JSON.parse of the whole answer after its last byte.
 *
 * Works on bytes: JSON's structural characters are ASCII, and no byte of a multi-byte UTF-8
 * character is below 0x80, so none is mistaken for one. An object split over chunks is joined
 * before it is decoded.
 */
export class JsonArraySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private ended = false;
  /** Pieces of an object that began in an earlier chunk. */
  private pending: Buffer[] = [];

  constructor(private readonly onObject: (text: string) => void) {}

  push(chunk: Buffer): void {
    let start = this.pending.length > 0 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as number;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (this.ended) {
        if (!isSpace(c)) throw new SyntaxError('text after the end of the JSON array');
        continue;
      }
      if (this.depth === 0) {
        if (c === OPEN_BRACKET) this.depth = 1;
        else if (!isSpace(c)) throw new SyntaxError('the answer is not a JSON array');
        continue;
      }
      if (this.depth === 1) {
        if (c === OPEN_BRACE) {
          start = i;
          this.depth = 2;
        } else if (c === CLOSE_BRACKET) {
          this.depth = 0;
          this.ended = true;
        } else if (c !== COMMA && !isSpace(c)) {
          throw new SyntaxError('the JSON array holds something other than objects');
        }
        continue;
      }
      // inside an object
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === 1) {
          this.emit(chunk.subarray(start, i + 1));
          start = -1;
        }
      }
    }
    if (start >= 0) this.pending.push(chunk.subarray(start));
  }

  /** Throws unless the whole array has been seen. */
  end(): void {
    if (!this.ended) throw new SyntaxError('the JSON array ended early');
  }

  private emit(last: Buffer): void {
    const bytes = this.pending.length > 0 ? Buffer.concat([...this.pending, last]) : last;
    this.pending = [];
    this.onObject(bytes.toString('utf8'));
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
