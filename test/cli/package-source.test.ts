// The package `serve --spec` and `conformance --spec` use: generated once into the toolkit's cache
// (beside the runtime package it imports), then found there while the spec is unchanged.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolvePackage } from '../../cli/package-source.ts';
import { REPO } from '../support/cli.ts';

describe('a spec’s package in the cache', () => {
  it('is generated once, then found without generating again', { timeout: 60_000 }, async () => {
    const source = { spec: 'test/fixtures/specs/focused.yaml' };
    const first = await resolvePackage(source, REPO, true);
    if (typeof first === 'number') throw new Error(`exit ${first}`);
    expect(existsSync(join(first.dir, '..', 'runtime', 'dist', 'client.js'))).toBe(true);
    const progress: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      progress.push(String(chunk));
      return true;
    });
    try {
      const again = await resolvePackage(source, REPO, false);
      expect(again).toEqual(first);
    } finally {
      spy.mockRestore();
    }
    expect(progress).toEqual([]);
  });
});
