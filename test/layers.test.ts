// Layers import only downward (test/support/layers.ts holds the rules): a wrong-way import anywhere
// in the toolkit fails here, with the file and the import named.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsUnder, layerOf, layerViolations } from './support/layers.ts';

const ROOT = join(import.meta.dirname, '..');
const SOURCES = [
  'bin',
  'cli',
  'generator',
  'importer',
  'server',
  'templates/runtime',
  'templates/conformance',
];

describe('layers', () => {
  it('no import goes the wrong way', () => {
    expect(layerViolations(importsUnder(ROOT, SOURCES))).toEqual([]);
  });

  it('every source file belongs to a layer', () => {
    const orphans = importsUnder(ROOT, SOURCES)
      .map((f) => f.path)
      .filter((p) => layerOf(p) === undefined);
    expect(orphans).toEqual([]);
  });

  it.each<[string, { given: { path: string; imports: string[] }; want: string[] }]>([
    [
      'a stage importing a later stage',
      {
        given: { path: 'generator/load/x.ts', imports: ['../check/y.ts'] },
        want: ['load must not import check'],
      },
    ],
    [
      'an emitter reading the loaded document',
      {
        given: { path: 'generator/emitters/a/b.ts', imports: ['../../load/walk.ts'] },
        want: ['emitters must not import load'],
      },
    ],
    [
      'the generator importing the server',
      {
        given: { path: 'generator/pipeline.ts', imports: ['../server/start.ts'] },
        want: ['pipeline must not import server'],
      },
    ],
    [
      'the server importing the generator',
      {
        given: { path: 'server/a.ts', imports: ['../generator/pipeline.ts'] },
        want: ['server must not import pipeline'],
      },
    ],
    [
      'the runtime importing the conformance library',
      {
        given: { path: 'templates/runtime/a.ts', imports: ['../conformance/b.ts'] },
        want: ['runtime must not import conformance-lib'],
      },
    ],
    [
      'the generator importing a generated package',
      {
        given: { path: 'generator/model/a.ts', imports: ['@acs-rpc/x'] },
        want: ['model must not import a generated package'],
      },
    ],
    [
      'downward imports and npm packages',
      {
        given: { path: 'generator/emitters/a.ts', imports: ['../model/types.ts', './b.ts', 'ts-morph'] },
        want: [],
      },
    ],
  ])('catches %s', (_name, { given, want }) => {
    expect(layerViolations([given]).map((v) => v.reason.replace(/ \(.*\)$/, ''))).toEqual(want);
  });
});

describe('generated names', () => {
  it('are built only in generator/emitters/naming.ts', () => {
    // An identifier assembled from a template (`validate${name}Request`) or rewritten with a regex
    // (`x.replace(/Service$/, '')`) outside the naming module would drift from the names it gives.
    const built =
      /`[A-Za-z_$][\w$]*\$\{[^}`]*\}[\w$]*`|`\$\{[^}`]*\}[A-Za-z_$][\w$]*`|\.replace\(\/\^?[A-Za-z]+\$?\//;
    const offenders = importsUnder(ROOT, ['generator/emitters'])
      .map((f) => f.path)
      .filter((p) => !p.endsWith('/naming.ts'))
      .filter((p) => built.test(readFileSync(join(ROOT, p), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
