import type { Page, Response } from '@playwright/test';

/**
 * The next engine call the page makes through Berth's relay with this method and an engine path
 * matching `path` (version prefix ignored): how a spec proves a control asks the engine itself.
 */
export function engineCall(page: Page, method: string, path: RegExp): Promise<Response> {
  return page.waitForResponse((response) => {
    const request = response.request();
    if (request.method() !== method) return false;
    const match = /\/api\/endpoints\/[^/]+\/docker(\/.*)$/.exec(new URL(response.url()).pathname);
    return match !== null && path.test((match[1] ?? '').replace(/^\/v\d+\.\d+/, ''));
  });
}
