// Lossless JSON reading (templates/runtime/json.ts): integers beyond 2^53 keep every digit as text.
import { describe, expect, it } from 'vitest';
import { parseJson, quoteUnsafeIntegers } from '../../../templates/runtime/json.ts';

describe('parseJson', () => {
  it.each<[string, { given: string; want: unknown }]>([
    ['an id beyond 2^53', { given: '{"Id":253460731706911258}', want: { Id: '253460731706911258' } }],
    ['a negative one', { given: '[-253460731706911258]', want: ['-253460731706911258'] }],
    ['2^53 − 1 stays a number', { given: '{"n":9007199254740991}', want: { n: 9007199254740991 } }],
    ['2^53 + 1 becomes text', { given: '{"n":9007199254740993}', want: { n: '9007199254740993' } }],
    [
      'fractions and exponents are numbers',
      { given: '[1234567890123456.5,1e300]', want: [1234567890123456.5, 1e300] },
    ],
    [
      'digits inside strings are left alone, escapes included',
      {
        given: '{"s":"a\\"253460731706911258","n":253460731706911258}',
        want: { s: 'a"253460731706911258', n: '253460731706911258' },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(parseJson(given)).toEqual(want);
  });

  it('leaves text without an unsafe integer byte for byte', () => {
    const text = '{"a":[1,-2,3.5e2,"x\\\\"],"b":true,"c":null}';
    expect(quoteUnsafeIntegers(text)).toBe(text);
  });

  it('still refuses JSON that does not parse', () => {
    expect(() => parseJson('{"n":253460731706911258')).toThrow(SyntaxError);
  });
});
