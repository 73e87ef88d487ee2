// Values reach generated code only as literals; names only through the naming rules.
import { describe, expect, it } from 'vitest';
import { Identifier, stringLiteral, toLiteral } from '../../../generator/emitters/literal.ts';
import { safeIdentifier, schemaTypeName } from '../../../generator/emitters/naming.ts';

describe('toLiteral', () => {
  it.each<[string, { given: unknown; want: string }]>([
    ['a plain string', { given: 'ecs', want: "'ecs'" }],
    ['quotes and backslashes', { given: `it's "x" \\ y`, want: `'it\\'s "x" \\\\ y'` }],
    ['a line break and a closing comment', { given: 'a\n*/b', want: "'a\\n*/b'" }],
    ['a script-breaking string', { given: "'); process.exit(1); ('", want: "'\\'); process.exit(1); (\\''" }],
    ['numbers and booleans', { given: [1, 2.5, true, null], want: '[1, 2.5, true, null]' }],
    [
      'keys that are not identifiers',
      { given: { 'Invalid.Code': 1, ok: 2 }, want: "{\n  'Invalid.Code': 1,\n  ok: 2,\n}" },
    ],
    [
      'an identifier reference',
      { given: { validate: new Identifier('validateX') }, want: '{\n  validate: validateX,\n}' },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(toLiteral(given)).toBe(want);
  });

  it('evaluates back to the same value', () => {
    const value = { s: 'a\'b"c\\d\u2028e', n: [1, -2, 3.5], nested: { 'x-y': [true, false, null] } };
    expect(new Function(`return ${toLiteral(value)};`)()).toEqual(value);
    expect(new Function(`return ${stringLiteral('\u0000\t')};`)()).toBe('\u0000\t');
  });

  it('refuses anything but an identifier as code', () => {
    expect(() => new Identifier('a; b')).toThrow(TypeError);
  });
});

describe('naming', () => {
  it.each([
    ['class', 'class_'],
    ['Describe-Things', 'Describe_Things'],
    ['3d', '_3d'],
    ['ok', 'ok'],
  ])('safeIdentifier(%j) = %j', (given, want) => {
    expect(safeIdentifier(given)).toBe(want);
  });

  it('never shadows a global type', () => {
    expect(schemaTypeName('Error')).toBe('ErrorType');
    expect(schemaTypeName('ErrorEnvelope')).toBe('ErrorEnvelope');
  });
});
