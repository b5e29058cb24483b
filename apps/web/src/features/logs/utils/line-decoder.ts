/**
 * Bytes of one stream to whole lines: UTF-8 decoded in streaming mode (a character may span two
 * frames), split on newlines, the unfinished last line kept for the next chunk.
 */
export class LineDecoder {
  private readonly decoder = new TextDecoder('utf-8');
  private partial = '';

  push(bytes: Uint8Array): string[] {
    const text = this.partial + this.decoder.decode(bytes, { stream: true });
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line?.endsWith('\r')) lines[i] = line.slice(0, -1);
    }
    return lines;
  }

  /** The stream ended: whatever is left is a last line without its newline. */
  end(): string[] {
    const rest = this.partial + this.decoder.decode();
    this.partial = '';
    return rest ? [rest.endsWith('\r') ? rest.slice(0, -1) : rest] : [];
  }
}
