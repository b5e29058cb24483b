import { describe, expect, it } from 'vitest';
import { readBasePath } from './base-path';

function docWith(head: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head;
  return doc;
}

describe('readBasePath', () => {
  it('reads the base path the gateway puts into index.html', () => {
    expect(readBasePath(docWith('<meta name="berth-base-path" content="/berth" />'))).toBe(
      '/berth',
    );
    expect(readBasePath(docWith('<meta name="berth-base-path" content="/a/b-c" />'))).toBe(
      '/a/b-c',
    );
  });

  it('is the root without the tag (Vite dev server), when empty, or when not a plain path', () => {
    expect(readBasePath(docWith(''))).toBe('');
    expect(readBasePath(docWith('<meta name="berth-base-path" content="" />'))).toBe('');
    expect(readBasePath(docWith('<meta name="berth-base-path" content="//evil.example" />'))).toBe(
      '',
    );
    expect(readBasePath(docWith('<meta name="berth-base-path" content="/x/" />'))).toBe('');
    expect(readBasePath(undefined)).toBe('');
  });
});
