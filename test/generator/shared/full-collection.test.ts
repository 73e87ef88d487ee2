// The collection between stages frees what nothing holds, and leaves `gc` hidden as it found it.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fullCollection } from '../../../generator/shared/full-collection.ts';

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
});
