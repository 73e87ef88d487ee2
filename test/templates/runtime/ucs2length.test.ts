// Length in code points, as JSON Schema's minLength/maxLength count it.
import { describe, expect, it } from 'vitest';
import { ucs2length } from '../../../templates/runtime/ucs2length.ts';

describe('ucs2length', () => {
  it.each<[string, number]>([
    ['', 0],
    ['abc', 3],
    ['中文', 2],
    ['😀', 1],
    ['a😀b', 3],
  ])('%j has %i code points', (given, want) => {
    expect(ucs2length(given)).toBe(want);
  });
});
