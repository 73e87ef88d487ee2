// The bounded memo clients and transports keep per key: made once per key, and never more than its
// limit of keys, however many keys come.
import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../../templates/runtime/memo.ts';

describe('boundedMemo', () => {
  it('makes each value once while the key is kept, undefined and null values included', () => {
    const made: (string | undefined)[] = [];
    const memo = boundedMemo(4, (key: string | undefined) => {
      made.push(key);
      return key === 'none' ? null : key;
    });
    expect([memo('a'), memo(undefined), memo('none'), memo('a'), memo(undefined), memo('none')]).toEqual([
      'a',
      undefined,
      null,
      'a',
      undefined,
      null,
    ]);
    expect(made).toEqual(['a', undefined, 'none']);
  });

  it('starts over at its limit, so ever-new keys keep at most that many', () => {
    const made: number[] = [];
    const memo = boundedMemo(2, (key: number) => made.push(key));
    for (const key of [1, 2, 3, 1]) memo(key);
    // 3 found the memo full: 1 and 2 were dropped, so 1 is made again.
    expect(made).toEqual([1, 2, 3, 1]);
  });

  it('keeps nothing for a key whose making threw', () => {
    let calls = 0;
    const memo = boundedMemo(4, (_key: string) => {
      calls++;
      throw new Error('bad');
    });
    expect(() => memo('x')).toThrow('bad');
    expect(() => memo('x')).toThrow('bad');
    expect(calls).toBe(2);
  });
});
