import type { Endpoint } from '../endpoints/endpoint';
import { EngineCallError } from '../endpoints/transport';

/** Engine calls the stacks module makes, through the endpoint's own transport (unix, TCP, SSH). */
export class StackEngine {
  constructor(readonly endpoint: Endpoint) {}

  /** A JSON call; an engine error becomes an EngineCallError with the engine's own message. */
  async call<T = unknown>(
    method: string,
    path: string,
    body?: object,
    timeoutMs = 60_000,
  ): Promise<{ status: number; body: T }> {
    const answer = await this.endpoint.transport
      .json<T>(method, this.endpoint.versionedPath(path), { body, timeoutMs })
      .catch((error: unknown) => {
        throw new EngineCallError(502, this.endpoint.markDown(error));
      });
    return answer;
  }

  /** Like call, but any 4xx/5xx is thrown; `allowed` statuses (e.g. 404, 304) are answered. */
  async ok<T = unknown>(
    method: string,
    path: string,
    body?: object,
    options: { allowed?: number[]; timeoutMs?: number } = {},
  ): Promise<{ status: number; body: T }> {
    const answer = await this.call<T>(method, path, body, options.timeoutMs);
    if (answer.status >= 400 && !options.allowed?.includes(answer.status)) {
      const message =
        (answer.body as { message?: string } | undefined)?.message ??
        `the engine answered HTTP ${answer.status}`;
      throw new EngineCallError(answer.status, message);
    }
    return answer;
  }

  /**
   * Pulls an image, handing each progress line of the engine's stream to `onLine`. The engine
   * reports a failed pull inside the stream (`{"error": …}`), which rejects here.
   */
  pull(
    image: string,
    onLine: (line: Record<string, unknown>) => void,
    headers: Record<string, string> = {},
  ): Promise<void> {
    const at = image.lastIndexOf(':');
    const hasTag = at > image.lastIndexOf('/') && !image.includes('@');
    const query = new URLSearchParams(
      hasTag
        ? { fromImage: image.slice(0, at), tag: image.slice(at + 1) }
        : { fromImage: image, ...(image.includes('@') ? {} : { tag: 'latest' }) },
    );
    return new Promise((resolve, reject) => {
      const req = this.endpoint.transport.request({
        method: 'POST',
        path: this.endpoint.versionedPath(`/images/create?${query.toString()}`),
        headers,
      });
      req.on('error', (error) => reject(new EngineCallError(502, this.endpoint.markDown(error))));
      req.on('response', (res) => {
        let buffer = '';
        let failure: string | undefined;
        const take = (line: string) => {
          if (!line.trim()) return;
          try {
            const parsed = JSON.parse(line) as Record<string, unknown>;
            if (typeof parsed.error === 'string') failure = parsed.error;
            if (typeof parsed.message === 'string' && (res.statusCode ?? 200) >= 400)
              failure = parsed.message;
            onLine(parsed);
          } catch {
            failure ??= line.trim();
          }
        };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          lines.forEach(take);
        });
        res.on('error', reject);
        res.on('end', () => {
          take(buffer);
          if (failure || (res.statusCode ?? 0) >= 400)
            reject(
              new EngineCallError(
                res.statusCode && res.statusCode >= 400 ? res.statusCode : 500,
                failure ?? `pull answered HTTP ${res.statusCode}`,
              ),
            );
          else resolve();
        });
      });
      req.end();
    });
  }
}
