// The collection between stages frees what nothing holds, and leaves `gc` hidden as it found it.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { doubled, fullCollection } from '../../../generator/shared/full-collection.ts';

describe('fullCollection', () => {
  it('collects an object nothing holds any more', async () => {
    const ref = new WeakRef({ payload: new Array(1000).fill('x') });
    // A WeakRef keeps its target for the rest of the job that made it.
    await new Promise((resolve) => setImmediate(resolve));
    fullCollection();
    expect(ref.deref()).toBeUndefined();
  });

  it('leaves gc unexposed in the contexts made after it, as the process started', () => {
    const before = runInNewContext('typeof gc');
    fullCollection();
    expect(runInNewContext('typeof gc')).toBe(before);
  });

  it('is asked for in the compile when the heap in use is twice what was alive, and 256 MB or more', () => {
    const MB = 2 ** 20;
    expect(doubled(300 * MB, 149 * MB)).toBe(true);
    expect(doubled(300 * MB, 150 * MB)).toBe(false);
    expect(doubled(255 * MB, 10 * MB)).toBe(false);
    expect(doubled(257 * MB, 10 * MB)).toBe(true);
  });
});
