import { describe, expect, it } from 'vitest';
import {
  hostOfRemoteUrl,
  registryHostOfImage,
  registryHostOfSearch,
  registryHostOfServer,
} from './registry-host';

describe('registryHostOfImage', () => {
  it.each([
    ['alpine', 'docker.io'],
    ['alpine:3', 'docker.io'],
    ['library/alpine', 'docker.io'],
    ['team/app@sha256:abc', 'docker.io'],
    ['index.docker.io/library/alpine', 'docker.io'],
    ['127.0.0.1:5000/sec/probe:latest', '127.0.0.1:5000'],
    ['Registry.Example.com/x', 'registry.example.com'],
    ['localhost/app', 'localhost'],
    ['localhost:5000/app', 'localhost:5000'],
    ['[::1]:5000/app', '[::1]:5000'],
  ])('%s is fetched from %s', (reference, host) => {
    expect(registryHostOfImage(reference)).toBe(host);
  });
});

describe('registryHostOfSearch', () => {
  it.each([
    ['busybox', 'docker.io'],
    ['team/busybox', 'docker.io'],
    ['127.0.0.1:5000/sec', '127.0.0.1:5000'],
    ['127.0.0.1:5000', 'docker.io'],
    ['localhost/x', 'localhost'],
  ])('a search for %s goes to %s', (term, host) => {
    expect(registryHostOfSearch(term)).toBe(host);
  });
});

describe('registryHostOfServer', () => {
  it.each([
    ['127.0.0.1:5000', '127.0.0.1:5000'],
    ['https://index.docker.io/v1/', 'docker.io'],
    ['http://Registry.Example.com:443/', 'registry.example.com:443'],
    ['registry.example.com/', 'registry.example.com'],
  ])('a saved registry at %s is host %s', (server, host) => {
    expect(registryHostOfServer(server)).toBe(host);
  });
});

describe('hostOfRemoteUrl', () => {
  it.each([
    ['http://127.0.0.1:8080/x.tar', '127.0.0.1:8080'],
    ['https://files.example.com/ctx.tar.gz', 'files.example.com'],
    ['git@github.com:moby/moby.git', 'github.com'],
    ['git://git.example.com/repo', 'git.example.com'],
    ['github.com/moby/moby', 'github.com'],
    ['http://[::1]:9/x', '[::1]:9'],
  ])('%s is fetched from %s', (remote, host) => {
    expect(hostOfRemoteUrl(remote)).toBe(host);
  });

  it('is undefined for what is not a URL', () => {
    expect(hostOfRemoteUrl('just-a-word')).toBeUndefined();
    expect(hostOfRemoteUrl('')).toBeUndefined();
  });
});
