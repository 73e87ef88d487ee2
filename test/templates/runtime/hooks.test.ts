// runHook: a hook sees its info; one that throws or rejects is logged and the call goes on.
import { describe, expect, it, vi } from 'vitest';
import { runHook } from '../../../templates/runtime/hooks.ts';

describe('runHook', () => {
  it('does nothing without a hook', async () => {
    const warn = vi.fn();
    await expect(runHook(undefined, { a: 1 }, { warn })).resolves.toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it('gives the hook its info and waits for it', async () => {
    const seen: unknown[] = [];
    const warn = vi.fn();
    await runHook(
      async (info) => {
        await Promise.resolve();
        seen.push(info);
      },
      { a: 1 },
      { warn },
    );
    expect(seen).toEqual([{ a: 1 }]);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each<[string, { hook: () => void | Promise<void>; error: string }]>([
    [
      'throws an Error',
      {
        hook: () => {
          throw new Error('bad hook');
        },
        error: 'bad hook',
      },
    ],
    ['rejects with a string', { hook: () => Promise.reject('nope'), error: 'nope' }],
    [
      'throws an object',
      {
        hook: () => {
          throw { code: 1 };
        },
        error: '[object Object]',
      },
    ],
  ])('logs a hook that %s and resolves', async (_name, { hook, error }) => {
    const warn = vi.fn();
    await expect(runHook(hook, {}, { warn })).resolves.toBeUndefined();
    expect(warn.mock.calls).toEqual([['A client hook threw; the call goes on.', { error }]]);
  });
});
