// PouchContainer's `POST /daemon/update`: the daemon's labels and image proxy, changed live.
import { engine } from '@/lib/api-client';

export interface DaemonUpdateInput {
  /** One `key=value` a line. */
  labels: string;
  imageProxy: string;
}

export interface DaemonUpdateErrors {
  labels?: string;
  imageProxy?: string;
}

export function parseLabelLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export function validateDaemonUpdate(input: DaemonUpdateInput): DaemonUpdateErrors {
  const errors: DaemonUpdateErrors = {};
  const bad = parseLabelLines(input.labels).find((line) => !/^[^=\s][^=]*=.*$/.test(line));
  if (bad !== undefined) errors.labels = `"${bad}" is not key=value.`;
  const proxy = input.imageProxy.trim();
  if (proxy) {
    let url: URL | null = null;
    try {
      url = new URL(proxy);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol))
      errors.imageProxy = 'An http:// or https:// address, e.g. http://proxy.example.com:3128.';
  }
  return errors;
}

/** The DaemonUpdateConfig body: only what the form sets (an empty proxy is left as it is). */
export function daemonUpdateBody(input: DaemonUpdateInput) {
  const proxy = input.imageProxy.trim();
  return { Labels: parseLabelLines(input.labels), ...(proxy ? { ImageProxy: proxy } : {}) };
}

export function updateDaemon(endpointId: string, input: DaemonUpdateInput) {
  return engine(endpointId).json<undefined>('POST', '/daemon/update', {
    body: daemonUpdateBody(input),
  });
}
