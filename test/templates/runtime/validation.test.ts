// ajv errors → issues named by parameter or field path.
import { describe, expect, it } from 'vitest';
import {
  type AjvErrorLike,
  formatPath,
  type SchemaValidate,
  toIssues,
} from '../../../templates/runtime/validation.ts';

function failing(errors: AjvErrorLike[] | null | undefined): SchemaValidate {
  const validate: SchemaValidate = () => false;
  if (errors !== undefined) validate.errors = errors;
  return validate;
}

describe('toIssues', () => {
  it('returns no issues for a valid value, whatever errors were left behind', () => {
    const validate: SchemaValidate = () => true;
    validate.errors = [{ instancePath: '', keyword: 'type', params: {} }];
    expect(toIssues(validate, {})).toEqual([]);
  });

  it('passes the value to the validator', () => {
    const seen: unknown[] = [];
    toIssues(
      (v) => {
        seen.push(v);
        return true;
      },
      { a: 1 },
    );
    expect(seen).toEqual([{ a: 1 }]);
  });

  it.each<[string, { given: AjvErrorLike; want: { path: string; message: string } }]>([
    [
      'required at the root',
      {
        given: { instancePath: '', keyword: 'required', params: { missingProperty: 'RegionId' } },
        want: { path: 'RegionId', message: 'is required' },
      },
    ],
    [
      'required in an item',
      {
        given: { instancePath: '/Tag/0', keyword: 'required', params: { missingProperty: 'Key' } },
        want: { path: 'Tag[0].Key', message: 'is required' },
      },
    ],
    [
      'an extra property',
      {
        given: {
          instancePath: '/Filter',
          keyword: 'additionalProperties',
          params: { additionalProperty: 'Bogus' },
        },
        want: { path: 'Filter.Bogus', message: 'is not allowed' },
      },
    ],
    [
      'an enum',
      {
        given: { instancePath: '/Status', keyword: 'enum', params: { allowedValues: ['Running', 1, null] } },
        want: { path: 'Status', message: 'must be one of "Running", 1, null' },
      },
    ],
    [
      'any other keyword uses ajv message',
      {
        given: { instancePath: '/PageSize', keyword: 'maximum', params: {}, message: 'must be <= 50' },
        want: { path: 'PageSize', message: 'must be <= 50' },
      },
    ],
    [
      'without a message (as the generated validators are compiled), ajv words from the params',
      {
        given: { instancePath: '/PageSize', keyword: 'maximum', params: { comparison: '<=', limit: 50 } },
        want: { path: 'PageSize', message: 'must be <= 50' },
      },
    ],
    [
      'no message names the keyword',
      {
        given: { instancePath: '/A', keyword: 'format', params: {} },
        want: { path: 'A', message: 'fails format' },
      },
    ],
    [
      'escaped segments',
      {
        given: { instancePath: '/a~1b/c~0d/~01', keyword: 'type', params: {}, message: 'm' },
        want: { path: 'a/b.c~d.~1', message: 'm' },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(toIssues(failing([given]), {})).toEqual([want]);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
  ])('fails with no issues when errors is %s', (_n, errors) => {
    expect(toIssues(failing(errors), {})).toEqual([]);
  });
});

describe('formatPath', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A.B'],
    [['0'], '[0]'],
    [['A', '12', 'B'], 'A[12].B'],
    [['A', '1x'], 'A.1x'],
    [['x1'], 'x1'],
  ])('%j → %s', (segments, want) => {
    expect(formatPath(segments)).toBe(want);
  });
});
