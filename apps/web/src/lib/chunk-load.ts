// Loading the app's code in parts (pages, xterm.js, uPlot, CodeMirror) must survive a request
// that fails for a moment: Chromium aborts in-flight requests with ERR_NETWORK_CHANGED whenever a
// network interface comes or goes, which on an engine host is every container start; a gateway
// restart does the same. Everything lazily loaded goes through here.
const RETRY_DELAYS_MS = [300, 1_000];
const STYLESHEET_RETRIES = 3;

/** `load()` tried again twice, after a pause, before its failure counts. */
export async function retryingImport<M>(load: () => Promise<M>): Promise<M> {
  for (const delay of RETRY_DELAYS_MS) {
    try {
      return await load();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return load();
}

/**
 * Vite preloads a chunk's CSS before the chunk and fails the import when that CSS fails. Retried
 * imports skip CSS they already tried, so the import would go on unstyled: instead let the import
 * go on, and add the stylesheet again until it loads.
 */
export function retryFailedStylesheets(): void {
  window.addEventListener('vite:preloadError', (event) => {
    const reason = (event as Event & { payload?: unknown }).payload;
    const href = /^Unable to preload CSS for (\S+)$/.exec(
      reason instanceof Error ? reason.message : '',
    )?.[1];
    if (!href) return; // a script: retryingImport deals with it
    event.preventDefault();
    addStylesheet(href, 1);
  });
}

function addStylesheet(href: string, attempt: number): void {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.addEventListener('error', () => {
    link.remove();
    if (attempt < STYLESHEET_RETRIES)
      setTimeout(() => addStylesheet(href, attempt + 1), 300 * attempt);
  });
  document.head.append(link);
}
