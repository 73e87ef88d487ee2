// Shape-driven normalization (templates/runtime/normalize.ts) of int64 and of integers beyond 2^53.
import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../templates/runtime/descriptors.ts';
import { AcsResponseError } from '../../../templates/runtime/errors.ts';
import { normalize } from '../../../templates/runtime/normalize.ts';

const shape: Shape = {
  kind: 'object',
  properties: { OwnerId: { kind: 'int64' }, Count: { kind: 'integer' } },
};

describe('normalize, int64', () => {
  it.each<[string, { given: unknown; want: unknown }]>([
    ['a quoted big literal keeps every digit', { given: '253460731706911258', want: '253460731706911258' }],
    ['a safe number becomes its decimal text', { given: 42, want: '42' }],
    ['a negative one', { given: '-253460731706911258', want: '-253460731706911258' }],
    ['XML text, spaces trimmed', { given: ' 7 ', want: '7' }],
  ])('%s', (_name, { given, want }) => {
    expect(normalize({ OwnerId: given }, shape)).toEqual({ OwnerId: want });
  });

  it.each<[string, { given: unknown; message: RegExp }]>([
    ['an int64 that is not an integer', { given: '1.5', message: /OwnerId should be an int64/ }],
    ['an unsafe number (digits already lost)', { given: 2 ** 60, message: /OwnerId should be an int64/ }],
  ])('refuses %s', (_name, { given, message }) => {
    expect(() => normalize({ OwnerId: given }, shape)).toThrow(AcsResponseError);
    expect(() => normalize({ OwnerId: given }, shape)).toThrow(message);
  });

  it('refuses an integer field beyond 2^53 instead of rounding it', () => {
    expect(() => normalize({ Count: '253460731706911258' }, shape)).toThrow(
      /Count is 253460731706911258, beyond 2\^53: the spec should declare it format: int64/,
    );
    expect(normalize({ Count: '9007199254740991' }, shape)).toEqual({ Count: 9007199254740991 });
  });
});
