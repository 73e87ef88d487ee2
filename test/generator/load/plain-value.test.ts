// js-yaml's value of a spec is the `yaml` library's, or it leaves the spec to the `yaml` library: on
// every spec and fixture here, and on the scalars and documents where YAML readers part ways.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { plainValue } from '../../../generator/load/plain-value.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const specsIn = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${dir}/${f}`);
const SPECS = [
  ...specsIn('spec'),
  ...specsIn('spec/imported'),
  ...specsIn('test/fixtures/specs'),
  ...specsIn('test/fixtures/diagnostics'),
];

const yamlValue = (text: string) =>
  parse(text, { uniqueKeys: true, prettyErrors: false, maxAliasCount: 100 });

describe('plainValue', () => {
  it.each(SPECS)('reads %s as the yaml library does', (spec) => {
    const text = readFileSync(join(ROOT, spec), 'utf8');
    const plain = plainValue(text);
    let wanted: unknown;
    try {
      wanted = yamlValue(text);
    } catch {
      // A fixture the yaml library refuses (a diagnostic's): it must be left to it.
      expect(plain).toBeUndefined();
      return;
    }
    if (plain !== undefined) expect(plain).toStrictEqual(wanted);
  });

  it("reads the repository's specs without the slow path", () => {
    for (const spec of [
      'spec/vpc.yaml',
      'spec/imported/ecs@2014-05-26.yaml',
      'spec/imported/vpc@2016-04-28.yaml',
    ])
      expect(plainValue(readFileSync(join(ROOT, spec), 'utf8'))).toBeDefined();
  });

  it('reads a scalar alias and a % inside text without the slow path', () => {
    expect(plainValue('a: &x 1\nb: *x\nc: |\n  %d items\n')).toStrictEqual({ a: 1, b: 1, c: '%d items\n' });
  });

  it('reads spec text changed at random (fixed seed) as the yaml library does, or leaves it to it', () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/specs/focused.yaml'), 'utf8');
    const pieces = [
      ' ',
      '\t',
      ':',
      '- ',
      '#',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ',',
      '\n',
      '|',
      '?',
      '*',
      '&',
      '%',
      '!',
    ];
    let seed = 15;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 400; i++) {
      const at = next(text.length);
      const cut = next(3);
      const changed = text.slice(0, at) + pieces[next(pieces.length)]! + text.slice(at + cut);
      const plain = plainValue(changed);
      if (plain === undefined) continue;
      expect({ at, value: plain }).toStrictEqual({ at, value: yamlValue(changed) });
    }
  });

  it.each([
    '0o17',
    '0x1F',
    '017',
    '+12',
    '1_000',
    '.5',
    '1e3',
    '1.5e-3',
    '.inf',
    '-.Inf',
    '.NaN',
    '~',
    'null',
    'NULL',
    'true',
    'True',
    'yes',
    'on',
    'No',
    '2014-05-26',
    '12:30',
    '0b101',
    '1.0',
    '-0',
    '00',
    '9007199254740993',
    "'it''s'",
    '"\\u00e9"',
    '<<',
    '=',
  ])('reads the scalar %s as the yaml library does', (scalar) => {
    expect(plainValue(`k: ${scalar}\n`)).toStrictEqual(yamlValue(`k: ${scalar}\n`));
  });

  it.each([
    ['a YAML 1.1 directive', '%YAML 1.1\n---\na: yes\n'],
    ['a collection reached by an alias', 'a: &x [1]\nb: *x\n'],
    ['an alias bomb', 'a: &a [1, 1]\nb: &b [*a, *a]\nc: &c [*b, *b]\n'],
    ['an unknown tag', 'a: !foo 1\n'],
    ['a complex key', '? [1]\n: 2\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a syntax error', 'a: b: c\n'],
    ['an empty key', 'a:\n  b: 1\n  : c: 2\n'],
    ['an empty key in a flow sequence', 'a: [: 1]\n'],
    ['a null key', '~: 1\n'],
    ['a directive after a comment', '# c\n%YAML 1.2\n---\na: 1\n'],
  ])('leaves %s to the yaml library', (_name, text) => {
    expect(plainValue(text)).toBeUndefined();
  });
});
