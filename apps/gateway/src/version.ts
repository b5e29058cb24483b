/** Berth's own version, baked in by the build (falls back to the dev marker under tsx). */
export const BERTH_VERSION = process.env.BERTH_VERSION ?? '0.0.0-dev';

/**
 * The newest Engine API version Berth is written against (Docker 20.10). With each engine the
 * gateway speaks the lower of this and the engine's own version.
 */
export const BERTH_API_VERSION = '1.41';

export function compareApiVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

export function negotiateApiVersion(engine: string): string {
  return compareApiVersions(engine, BERTH_API_VERSION) < 0 ? engine : BERTH_API_VERSION;
}
