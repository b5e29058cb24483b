/**
 * Splits a byte stream of JSON documents, one per line (events, pull/push/build progress), into
 * parsed values. Lines cut across chunks are kept until their end arrives; UTF-8 is decoded in
 * streaming mode so a character split between chunks stays whole.
 */
export class JsonLines<T = unknown> {
  private readonly decoder = new TextDecoder();
  private rest = '';

  push(chunk: Uint8Array): T[] {
    this.rest += this.decoder.decode(chunk, { stream: true });
    const lines = this.rest.split('\n');
    this.rest = lines.pop() ?? '';
    return lines.flatMap((line) => this.parse(line));
  }

  /** Whatever is left when the stream ends (a last line without a newline). */
  end(): T[] {
    const last = this.rest + this.decoder.decode();
    this.rest = '';
    return this.parse(last);
  }

  private parse(line: string): T[] {
    const text = line.trim();
    if (!text) return [];
    try {
      return [JSON.parse(text) as T];
    } catch {
      return [];
    }
  }
}

/** Reads a response body of JSON lines to its end, handing each document over as it arrives. */
export async function readJsonLines<T>(
  response: Response,
  onMessage: (message: T) => void,
): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  const lines = new JsonLines<T>();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    lines.push(value).forEach(onMessage);
  }
  lines.end().forEach(onMessage);
}
