// RFC 3986 percent-encoding as both signature versions use it (templates/runtime/encode.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalQuery, percentEncode } from '../../../templates/runtime/encode.ts';
import { AcsError } from '../../../templates/runtime/errors.ts';

describe('percentEncode', () => {
  it.each<[string, { given: string; want: string }]>([
    ['unreserved characters stay literal', { given: 'AZaz09-_.~', want: 'AZaz09-_.~' }],
    ['space is %20, never +', { given: 'a b', want: 'a%20b' }],
    ['* is encoded', { given: '*', want: '%2A' }],
    ['~ stays literal', { given: '~', want: '~' }],
    ['+ is encoded', { given: '+', want: '%2B' }],
    ['/ is encoded', { given: '/', want: '%2F' }],
    ['! is encoded', { given: '!', want: '%21' }],
    ["' is encoded", { given: "'", want: '%27' }],
    ['( and ) are encoded', { given: '()', want: '%28%29' }],
    ['= & ? # % : are encoded', { given: '=&?#%:', want: '%3D%26%3F%23%25%3A' }],
    ['Chinese text is its UTF-8 bytes in uppercase hex', { given: '中文', want: '%E4%B8%AD%E6%96%87' }],
    ['an astral character is its four UTF-8 bytes', { given: '😀', want: '%F0%9F%98%80' }],
    ['control characters are encoded', { given: '\n\t\u0000', want: '%0A%09%00' }],
    ['the empty string stays empty', { given: '', want: '' }],
  ])('%s', (_name, { given, want }) => {
    expect(percentEncode(given)).toBe(want);
  });

  it.each([
    ['a lone high surrogate', 'x\uD800y'],
    ['a lone low surrogate', '\uDC00'],
    ['surrogates in the wrong order', '\uDE00\uD83D'],
  ])('refuses %s with a typed error that quotes nothing', (_name, given) => {
    let error: unknown;
    try {
      percentEncode(given);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AcsError);
    expect(error).toMatchObject({ code: 'Client.InvalidParameter' });
    expect((error as Error).message).toBe(
      'A parameter name or value is not valid Unicode text (it holds a lone surrogate).',
    );
    expect(JSON.stringify(error)).not.toContain(given);
    expect((error as Error).message).not.toContain(given);
  });

  it('produces only unreserved characters and %XY triplets, and decodes back (1000 strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const encoded = percentEncode(s);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(encoded)).toBe(s);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});

describe('canonicalQuery', () => {
  it.each<[string, { given: Array<[string, string]>; want: string }]>([
    ['nothing gives the empty string', { given: [], want: '' }],
    [
      'a key sorts before the keys it prefixes (compared by key, not by `k=v` text)',
      {
        given: [
          ['A.1', 'x'],
          ['A', '1'],
        ],
        want: 'A=1&A.1=x',
      },
    ],
    [
      'a repeated key sorts by value, so the result does not depend on input order',
      {
        given: [
          ['K', 'b'],
          ['K', 'a'],
        ],
        want: 'K=a&K=b',
      },
    ],
    [
      'non-ASCII keys sort by their UTF-8 bytes',
      {
        given: [
          ['😀', '1'],
          ['\uFF61', '2'],
        ],
        want: '%EF%BD%A1=2&%F0%9F%98%80=1',
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(canonicalQuery(given)).toBe(want);
  });
});
