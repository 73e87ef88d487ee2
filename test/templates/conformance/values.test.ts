// The value the suite sends for a required parameter the spec gives no example of: valid by the
// schema, deterministic, and none at all where validity cannot be known.
import { describe, expect, it } from 'vitest';
import { minimalValue } from '../../../templates/conformance/values.ts';

const schemas = {
  Point: { type: 'object', required: ['X'], properties: { X: { type: 'integer', minimum: 3 } } },
};

describe('minimalValue', () => {
  it.each([
    ['the const', { type: 'string', const: 'k' }, 'k'],
    ['the first enum value', { type: 'string', enum: ['b', 'a'] }, 'b'],
    ['the default', { type: 'integer', default: 7 }, 7],
    ['the example', { type: 'string', example: 'cn-hangzhou' }, 'cn-hangzhou'],
    ['a letter', { type: 'string' }, 'a'],
    ['as many letters as minLength asks', { type: 'string', minLength: 3 }, 'aaa'],
    ['the first candidate the pattern accepts', { type: 'string', pattern: '^[0-9]+$' }, '1'],
    ['one, within the bounds', { type: 'integer' }, 1],
    ['the minimum', { type: 'integer', minimum: 5, maximum: 9 }, 5],
    ['the maximum when it is below one', { type: 'integer', maximum: 0 }, 0],
    ['the next integer above an exclusive minimum', { type: 'integer', exclusiveMinimum: 4 }, 5],
    ['true', { type: 'boolean' }, true],
    ['minItems items', { type: 'array', minItems: 2, items: { type: 'string' } }, ['a', 'a']],
    [
      'the required fields only',
      { type: 'object', required: ['B'], properties: { A: { type: 'string' }, B: { type: 'integer' } } },
      { B: 1 },
    ],
    [
      'the first field when none is required, so the object is on the wire',
      { type: 'object', properties: { Key: { type: 'string', example: 'env' }, Value: { type: 'string' } } },
      { Key: 'env' },
    ],
    ['a referenced schema', { type: 'array', items: { $ref: '#/$defs/Point' } }, [{ X: 3 }]],
  ])('gives %s', (_what, schema, want) => {
    expect(minimalValue(schema, schemas)).toEqual(want);
  });

  it.each([
    ['a pattern no candidate matches', { type: 'string', pattern: '^vpc-[a-z0-9]{8}$' }],
    ['a minLength above maxLength', { type: 'string', minLength: 5, maxLength: 2 }],
    ['an untyped schema', {}],
    ['a reference to nothing', { $ref: '#/$defs/Missing' }],
    [
      'an object whose required field has no value',
      { type: 'object', required: ['Id'], properties: { Id: { type: 'string', pattern: '^i-\\d{9}$' } } },
    ],
  ])('gives nothing for %s', (_what, schema) => {
    expect(minimalValue(schema, schemas)).toBeUndefined();
  });
});
