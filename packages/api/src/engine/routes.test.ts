import { describe, expect, it } from 'vitest';
import {
  ENGINE_ROUTES,
  engineRouteRole,
  matchEngineRoute,
  roleCanCall,
  unversionedPath,
} from './routes';

describe('matchEngineRoute', () => {
  it('strips the version prefix and finds the operation with its target', () => {
    expect(matchEngineRoute('POST', '/v1.41/containers/abc/start')).toMatchObject({
      route: { op: 'ContainerStart' },
      target: 'abc',
    });
    expect(matchEngineRoute('GET', '/containers/json?all=1')?.route.op).toBe('ContainerList');
  });

  it('prefers literal paths over templates and lets image names span segments', () => {
    expect(matchEngineRoute('GET', '/images/json')?.route.op).toBe('ImageList');
    expect(matchEngineRoute('GET', '/images/127.0.0.1:5000/team/app/json')).toMatchObject({
      route: { op: 'ImageInspect' },
      target: '127.0.0.1:5000/team/app',
    });
    expect(matchEngineRoute('DELETE', '/images/team/app:1.0')?.route.op).toBe('ImageDelete');
    expect(matchEngineRoute('POST', '/images/create')?.route.op).toBe('ImageCreate');
  });

  it('treats HEAD like GET unless HEAD has its own route', () => {
    expect(matchEngineRoute('HEAD', '/containers/abc/archive')?.route.op).toBe(
      'ContainerArchiveInfo',
    );
    expect(matchEngineRoute('HEAD', '/info')?.route.op).toBe('SystemInfo');
  });

  it('knows nothing of unlisted routes (they are admin-only)', () => {
    expect(matchEngineRoute('POST', '/grpc')).toBeUndefined();
    expect(matchEngineRoute('POST', '/containers/abc/json')).toBeUndefined();
  });

  it('has one entry per method and path', () => {
    const keys = ENGINE_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('strips only a leading version', () => {
    expect(unversionedPath('/v1.24/images/v1.0/json')).toBe('/images/v1.0/json');
  });
});

describe('engineRouteRole', () => {
  it("gives SystemAuth admin, the role of the gateway's Test login and the UI's", () => {
    expect(engineRouteRole('SystemAuth')).toBe('admin');
    expect(roleCanCall('operator', 'POST', '/v1.41/auth')).toBe(false);
    expect(() => engineRouteRole('NoSuchOp')).toThrow(/NoSuchOp/);
  });
});
