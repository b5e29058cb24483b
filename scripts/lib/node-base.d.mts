// Types for node-base.mjs, for the image test.
export const NODE_BASE_IMAGE: string;
export function nodeBaseTarball(cacheDir?: string): string;
export function ensureNodeBaseTarball(
  cacheDir?: string,
): Promise<{ tarball: string; made: boolean }>;
export function ensureNodeBaseImage(
  host: string,
  options?: { cacheDir?: string },
): Promise<{ image: string; madeRootfs: boolean; imported: boolean }>;
