// The load stage keeps positions: any JSON pointer maps back to the line and column of its value.
import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../../generator/load/load-spec.ts';
import { joinPointer, resolvePointer, splitPointer } from '../../../generator/load/pointer.ts';

const text = ['a:', '  b: 1', '  "c/d":', '    - x', '    - y', 'e: [1, 2]', ''].join('\n');

describe('parseSpecText', () => {
  const result = parseSpecText('f.yaml', text);
  if (!result.ok) throw new Error('fixture must parse');

  it.each([
    ['', { line: 1, column: 1 }],
    ['/a/b', { line: 2, column: 6 }],
    ['/a/c~1d/1', { line: 5, column: 7 }],
    ['/e/1', { line: 6, column: 8 }],
    ['/a/missing', { line: 2, column: 3 }],
  ])('locates %j', (pointer, want) => {
    expect(result.spec.locate(pointer)).toEqual(want);
  });

  it('locates the same once its tree is forgotten, and again after', () => {
    const spec = parseSpecText('f.yaml', text);
    if (!spec.ok) throw new Error('fixture must parse');
    spec.spec.forgetPositions();
    expect(spec.spec.locate('/a/c~1d/1')).toEqual({ line: 5, column: 7 });
    spec.spec.forgetPositions();
    expect(spec.spec.locate('/e/1')).toEqual({ line: 6, column: 8 });
  });

  it('reports YAML syntax errors with their position', () => {
    const bad = parseSpecText('bad.yaml', 'a: 1\na: 2\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.diagnostics[0]).toMatchObject({ code: 'yaml.syntax', file: 'bad.yaml', line: 2, column: 1 });
  });
});

describe('JSON pointers', () => {
  it('escape and resolve per RFC 6901', () => {
    expect(joinPointer('', 'paths', '/a~b', 0)).toBe('/paths/~1a~0b/0');
    expect(splitPointer('#/paths/~1a~0b/0')).toEqual(['paths', '/a~b', '0']);
    expect(resolvePointer({ paths: { '/a~b': ['x'] } }, '/paths/~1a~0b/0')).toBe('x');
    expect(resolvePointer({}, '/nope/deeper')).toBeUndefined();
  });
});
