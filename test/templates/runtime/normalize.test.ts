// Shape-driven normalization: lists always arrays, numbers numbers, booleans booleans; a value that
// cannot be read as its shape is a typed error naming the field; int64 and integers beyond 2^53.
import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../templates/runtime/descriptors.ts';
import { AcsResponseError } from '../../../templates/runtime/errors.ts';
import { normalize } from '../../../templates/runtime/normalize.ts';

const S: Shape = { kind: 'string' };
const I: Shape = { kind: 'integer' };
const N: Shape = { kind: 'number' };
const B: Shape = { kind: 'boolean' };
const list = (items: Shape, xmlItemName?: string): Shape =>
  xmlItemName === undefined ? { kind: 'array', items } : { kind: 'array', items, xmlItemName };
const obj = (properties: Record<string, Shape>): Shape => ({ kind: 'object', properties });

describe('normalize, scalars', () => {
  it.each<[string, { shape: Shape; given: unknown; want: unknown }]>([
    ['a string stays', { shape: S, given: 'x', want: 'x' }],
    ['a number as string', { shape: S, given: 12, want: '12' }],
    ['a boolean as string', { shape: S, given: false, want: 'false' }],
    ['an integer', { shape: I, given: 7, want: 7 }],
    ['an integer from text', { shape: I, given: ' -42 ', want: -42 }],
    ['a number', { shape: N, given: 1.5, want: 1.5 }],
    ['a number from text', { shape: N, given: '-1.5', want: -1.5 }],
    ['a number with exponent', { shape: N, given: '2e3', want: 2000 }],
    ['a number with signed exponent', { shape: N, given: '1.5E-1', want: 0.15 }],
    ['a number with a trailing dot', { shape: N, given: '3.', want: 3 }],
    ['a number with a leading dot', { shape: N, given: '.5', want: 0.5 }],
    ['an integer-valued number for integer', { shape: I, given: 3.0, want: 3 }],
    ['a boolean', { shape: B, given: true, want: true }],
    ['"true"', { shape: B, given: 'true', want: true }],
    ['"false"', { shape: B, given: 'false', want: false }],
  ])('%s', (_name, { shape, given, want }) => {
    expect(normalize(given, shape)).toBe(want);
  });

  it.each<[string, { shape: Shape; given: unknown; message: string }]>([
    [
      'an object for a string',
      { shape: S, given: {}, message: 'Response field (root) should be a string, got object.' },
    ],
    [
      'a fraction for an integer',
      { shape: I, given: 1.5, message: 'Response field (root) should be an integer, got number.' },
    ],
    [
      'a fraction text for an integer',
      { shape: I, given: '1.5', message: 'Response field (root) should be an integer, got "1.5".' },
    ],
    [
      'text for a number',
      { shape: N, given: '1x', message: 'Response field (root) should be a number, got "1x".' },
    ],
    [
      'a bare sign for a number',
      { shape: N, given: '-', message: 'Response field (root) should be a number, got "-".' },
    ],
    [
      'an exponent alone',
      { shape: N, given: 'e5', message: 'Response field (root) should be a number, got "e5".' },
    ],
    [
      'a boolean for a number',
      { shape: N, given: true, message: 'Response field (root) should be a number, got boolean.' },
    ],
    [
      '"yes" for a boolean',
      { shape: B, given: 'yes', message: 'Response field (root) should be a boolean, got "yes".' },
    ],
    [
      '1 for a boolean',
      { shape: B, given: 1, message: 'Response field (root) should be a boolean, got number.' },
    ],
    [
      'a list for a string',
      { shape: S, given: ['a'], message: 'Response field (root) should be a string, got a list.' },
    ],
    [
      'text of 100 characters, quoted whole',
      {
        shape: I,
        given: 'x'.repeat(100),
        message: `Response field (root) should be an integer, got "${'x'.repeat(100)}".`,
      },
    ],
    [
      'longer text, described and never quoted in part (a cut secret would escape the scrubber)',
      {
        shape: I,
        given: 'x'.repeat(101),
        message: 'Response field (root) should be an integer, got a string of 101 characters.',
      },
    ],
  ])('refuses %s', (_name, { shape, given, message }) => {
    let error: unknown;
    try {
      normalize(given, shape);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AcsResponseError);
    expect(error).toMatchObject({ code: 'Client.MalformedResponse', message });
  });
});

describe('normalize, lists and objects', () => {
  it.each<[string, { given: unknown; want: unknown }]>([
    ['undefined is empty', { given: undefined, want: [] }],
    ['null is empty', { given: null, want: [] }],
    ['an empty element is empty', { given: '', want: [] }],
    ['an empty element with layout inside is empty', { given: '\n    ', want: [] }],
    ['one item is a list of one', { given: '5', want: [5] }],
    ['a list stays, items normalized', { given: ['1', 2], want: [1, 2] }],
  ])('list: %s', (_name, { given, want }) => {
    expect(normalize(given, list(I))).toEqual(want);
  });

  it('reads an empty element with layout inside as an empty object', () => {
    expect(normalize({ Tags: '\n  ' }, obj({ Tags: obj({ Tag: list(I) }) }))).toEqual({ Tags: { Tag: [] } });
  });

  it('names the item that is wrong, with its index and parents', () => {
    const shape = obj({ Things: obj({ Thing: list(obj({ Size: I })) }) });
    expect(() => normalize({ Things: { Thing: [{ Size: 1 }, { Size: 'big' }] } }, shape)).toThrow(
      'Response field Things.Thing[1].Size should be an integer, got "big".',
    );
    expect(() => normalize({ A: 'x' }, obj({ A: I }), 'Root')).toThrow(
      'Response field Root.A should be an integer',
    );
  });

  it.each<[string, unknown]>([
    ['an empty element', ''],
    ['undefined', undefined],
    ['null', null],
  ])('reads %s as an empty object, lists inside it empty', (_name, given) => {
    expect(normalize(given, obj({ A: S, L: list(S) }))).toEqual({ L: [] });
  });

  it.each<[string, unknown, string]>([
    ['a string', 'x', '"x"'],
    ['a list', [], 'a list'],
    ['a number', 3, 'number'],
  ])('refuses %s for an object', (_name, given, got) => {
    expect(() => normalize(given, obj({}))).toThrow(`Response field (root) should be an object, got ${got}.`);
  });

  it('keeps fields the shape does not know, and leaves absent scalars absent', () => {
    expect(normalize({ Extra: { x: 1 }, A: '1' }, obj({ A: I, B: S }))).toEqual({ Extra: { x: 1 }, A: 1 });
  });

  it('reads an unwrapped XML list under its item name, and drops the item key', () => {
    const shape = obj({ Things: list(obj({ Id: S }), 'Thing') });
    expect(normalize({ Thing: [{ Id: 'a' }, { Id: 'b' }] }, shape)).toEqual({
      Things: [{ Id: 'a' }, { Id: 'b' }],
    });
    expect(normalize({ Thing: { Id: 'a' } }, shape)).toEqual({ Things: [{ Id: 'a' }] });
  });

  it('prefers the list name when it is there, and keeps the item key then', () => {
    const shape = obj({ Things: list(S, 'Thing') });
    expect(normalize({ Things: ['a'], Thing: 'z' }, shape)).toEqual({ Things: ['a'], Thing: 'z' });
  });

  it('without an item name an absent list is empty', () => {
    expect(normalize({ Thing: 'a' }, obj({ Things: list(S) }))).toEqual({ Thing: 'a', Things: [] });
  });

  it('does not change its input', () => {
    const given = { Thing: ['1'] };
    normalize(given, obj({ Things: list(I, 'Thing') }));
    expect(given).toEqual({ Thing: ['1'] });
  });
});

const ownerShape: Shape = {
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
    expect(normalize({ OwnerId: given }, ownerShape)).toEqual({ OwnerId: want });
  });

  it.each<[string, { given: unknown; message: RegExp }]>([
    ['an int64 that is not an integer', { given: '1.5', message: /OwnerId should be an int64/ }],
    ['an unsafe number (digits already lost)', { given: 2 ** 60, message: /OwnerId should be an int64/ }],
  ])('refuses %s', (_name, { given, message }) => {
    expect(() => normalize({ OwnerId: given }, ownerShape)).toThrow(AcsResponseError);
    expect(() => normalize({ OwnerId: given }, ownerShape)).toThrow(message);
  });

  it('refuses an integer field beyond 2^53 instead of rounding it', () => {
    expect(() => normalize({ Count: '253460731706911258' }, ownerShape)).toThrow(
      /Count is 253460731706911258, beyond 2\^53: the spec should declare it format: int64/,
    );
    expect(normalize({ Count: '9007199254740991' }, ownerShape)).toEqual({ Count: 9007199254740991 });
  });
});

describe('normalize, maps and untyped values', () => {
  const map = (additional: Shape, properties: Record<string, Shape> = {}): Shape => ({
    kind: 'object',
    properties,
    additional,
  });
  it.each<[string, { shape: Shape; given: unknown; want: unknown }]>([
    [
      'entries read by the value shape (XML text)',
      { shape: map(I), given: { a: '1', b: '2' }, want: { a: 1, b: 2 } },
    ],
    [
      'declared fields by their own shape',
      { shape: map(I, { Name: S }), given: { Name: 7, x: '3' }, want: { Name: '7', x: 3 } },
    ],
    ['an empty XML map element', { shape: map(S), given: '', want: {} }],
    [
      'a list of maps of untyped values, kept as sent',
      { shape: list(map({ kind: 'any' })), given: [{ a: 18, b: [1] }], want: [{ a: 18, b: [1] }] },
    ],
    ['maps in maps', { shape: map(map(B)), given: { x: { y: 'true' } }, want: { x: { y: true } } }],
  ])('%s', (_name, { shape, given, want }) => {
    expect(normalize(given, shape)).toEqual(want);
  });

  it('names the entry whose value does not read as the value shape', () => {
    expect(() => normalize({ Counts: { cpu: 'many' } }, obj({ Counts: map(I) }))).toThrow(
      /Response field Counts\.cpu should be an integer/,
    );
  });

  it('keeps a key named __proto__ an own key, never the prototype', () => {
    const out = normalize(JSON.parse('{"__proto__":"1"}'), map(I)) as object;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.entries(out)).toEqual([['__proto__', 1]]);
  });
});
