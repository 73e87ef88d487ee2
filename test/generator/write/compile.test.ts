// The file-by-file compile gives what a whole-program emit gives, and refuses what it cannot compile
// alone; the full typecheck (`--typecheck`) adds type errors.
import { join } from 'node:path';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { PACKAGE_COMPILER_OPTIONS } from '../../../generator/emitters/package/tsconfig.ts';
import { compilePackage } from '../../../generator/write/compile.ts';
import { skeletonOf } from '../../../generator/write/literal-skeleton.ts';
import { typecheckPackage } from '../../../generator/write/typecheck.ts';

const HEADER = '// header\n';
const ROOT = join(import.meta.dirname, '..', '..', '..');

function compiled(content: string): Map<string, string> {
  const files = compilePackage([{ path: 'src/a.ts', content: `${HEADER}${content}` }], HEADER);
  return new Map(files.map((f) => [f.path, f.content]));
}

describe('compilePackage', () => {
  it.each([
    [
      'ES module JS and declarations, type-only imports dropped',
      {
        given: "import type { B } from './b.js';\nexport const a: B = { x: 1 };\n",
        js: `${HEADER}export const a = { x: 1 };\n`,
        dts: `${HEADER}import type { B } from './b.js';\nexport declare const a: B;\n//# sourceMappingURL=a.d.ts.map`,
      },
    ],
    [
      'a class keeps its members in the declarations',
      {
        given: 'export class C {\n  /** Doc. */\n  m(x: number): string {\n    return String(x);\n  }\n}\n',
        js: `${HEADER}export class C {\n    /** Doc. */\n    m(x) {\n        return String(x);\n    }\n}\n`,
        dts: `${HEADER}export declare class C {\n    /** Doc. */\n    m(x: number): string;\n}\n//# sourceMappingURL=a.d.ts.map`,
      },
    ],
  ])('%s', (_name, { given, js, dts }) => {
    const out = compiled(given);
    expect(out.get('dist/a.js')).toBe(js);
    expect(out.get('dist/a.d.ts')).toBe(dts);
  });

  it.each([
    ['src/a.ts', 'dist/a.d.ts.map', '../src/a.ts'],
    [
      'src/conformance/checks/b.ts',
      'dist/conformance/checks/b.d.ts.map',
      '../../../src/conformance/checks/b.ts',
    ],
  ])('maps the declarations of %s to their source, as a whole-program emit does', (source, mapPath, rel) => {
    const given = `${HEADER}\n/** Doc. */\nexport function f(x: number): { x: number } {\n  return { x };\n}\nexport const k: number = 1;\n`;
    const ours = new Map(
      compilePackage([{ path: source, content: given }], HEADER).map((f) => [f.path, f.content]),
    );
    const whole = wholeProgramMap(source, given);
    const map = JSON.parse(ours.get(mapPath)!) as Record<string, unknown>;
    expect(map.sources).toEqual([rel]);
    expect(map.sources).toEqual(whole.sources);
    expect(map.file).toBe(whole.file);
    // The whole-program emit drops the header from the declarations; ours puts it back, one line lower.
    expect(map.mappings).toBe(`;${whole.mappings}`);
    const declarations = mapPath.slice(0, -'.map'.length);
    expect(ours.get(declarations)).toMatch(
      new RegExp(`\\n//# sourceMappingURL=${declarations.split('/').pop()!.replaceAll('.', '\\.')}\\.map$`),
    );
  });

  it('gives the same bytes every time, with no absolute path', () => {
    const given = 'export const a: number = 1;\n';
    const once = compiled(given);
    expect(compiled(given)).toEqual(once);
    expect(once.get('dist/a.d.ts.map')).not.toContain(ROOT);
    expect(once.get('dist/a.d.ts.map')).not.toMatch(/"\//);
  });

  it('copies hand-written JS and its declarations to dist/ as they are', () => {
    const files = compilePackage(
      [
        { path: 'src/v.js', content: 'export const v = 1;\n' },
        { path: 'src/v.d.ts', content: 'export declare const v: number;\n' },
      ],
      HEADER,
    );
    expect(files).toEqual([
      { path: 'dist/v.js', content: 'export const v = 1;\n' },
      { path: 'dist/v.d.ts', content: 'export declare const v: number;\n' },
    ]);
  });

  it.each([
    ['a syntax error', 'export const a = {;\n', 'TS1136'],
    ['a declaration only the type checker could write', 'export const a = [1].map((x) => x);\n', 'TS9010'],
  ])('refuses %s', (_name, given, code) => {
    expect(() => compiled(given)).toThrow(code);
  });
});

/** The declaration map `tsc -p` gives for one file of a package (rootDir src, outDir dist). */
function wholeProgramMap(path: string, content: string): Record<string, unknown> {
  const dir = '/package';
  const written = new Map<string, string>();
  const options: ts.CompilerOptions = {
    ...ts.convertCompilerOptionsFromJson(PACKAGE_COMPILER_OPTIONS, dir).options,
    types: [],
    noLib: true,
    emitDeclarationOnly: true,
  };
  const host = ts.createCompilerHost(options);
  host.readFile = (f) => (f === `${dir}/${path}` ? content : undefined);
  host.fileExists = (f) => f === `${dir}/${path}`;
  host.getSourceFile = (f, language) =>
    f === `${dir}/${path}` ? ts.createSourceFile(f, content, language) : undefined;
  host.writeFile = (f, text) => written.set(f, text);
  host.getCurrentDirectory = () => dir;
  ts.createProgram([`${dir}/${path}`], options, host).emit();
  const map = [...written].find(([f]) => f.endsWith('.d.ts.map'));
  if (map === undefined) throw new Error(`tsc wrote ${[...written.keys()].join(', ')}`);
  return JSON.parse(map[1]) as Record<string, unknown>;
}

describe('typecheckPackage', () => {
  it('throws on a type error that the file-by-file compile lets through', () => {
    const given = "export const a: number = 'one';\n";
    expect(compiled(given).get('dist/a.js')).toBe(`${HEADER}export const a = 'one';\n`);
    expect(() =>
      typecheckPackage(join(ROOT, 'generated', 'fixture'), [{ path: 'src/a.ts', content: given }], []),
    ).toThrow("Type 'string' is not assignable to type 'number'");
  });

  it('resolves the runtime package from the sources given for it, not from an install', () => {
    const uses = "import { plus } from '@acs-rpc/runtime/plus.js';\nexport const a: number = plus(1);\n";
    const runtime = [
      { path: 'dist/plus.d.ts', content: 'export declare const plus: (n: number) => string;\n' },
    ];
    expect(() =>
      typecheckPackage(join(ROOT, 'generated', 'fixture'), [{ path: 'src/a.ts', content: uses }], runtime),
    ).toThrow("Type 'string' is not assignable to type 'number'");
    const fixed = [
      { path: 'dist/plus.d.ts', content: 'export declare const plus: (n: number) => number;\n' },
    ];
    expect(() =>
      typecheckPackage(join(ROOT, 'generated', 'fixture'), [{ path: 'src/a.ts', content: uses }], fixed),
    ).not.toThrow();
  });
});

describe('compilePackage with the literals marked (write/literal-skeleton.ts)', () => {
  const literals = [
    "{\n  name: 'A',\n  'odd-key': [1, -2.5, null],\n  nested: {\n    deep: [\n      {\n        s: 'it\\'s \"q\" \\n',\n      },\n    ],\n  },\n  load: async () => (await import('./v.js')).validateA,\n  ref: b,\n}",
    "[\n  'x',\n  {\n    empty: {},\n    none: [],\n  },\n]",
  ];
  const content = [
    HEADER,
    "import type { T } from './t.js';\nimport { b } from './b.js';\n",
    `/** First. */\nexport const first: T = ${literals[0]};\n`,
    '/** Small. */\nexport const small: T = { a: 1 };\n',
    `/** Second. */\nexport const second: readonly unknown[] = ${literals[1]};\n`,
  ].join('');
  const spans = literals.map((l) => ({ start: content.indexOf(l), end: content.indexOf(l) + l.length }));
  const byPath = (files: { path: string; content: string }[]) =>
    new Map(files.map((f) => [f.path, f.content]));

  it('gives what compiling the whole file gives: JavaScript, declarations and their map', () => {
    const whole = byPath(compilePackage([{ path: 'src/a.ts', content }], HEADER));
    const marked = byPath(compilePackage([{ path: 'src/a.ts', content, literals: spans }], HEADER));
    expect([...marked.keys()].sort()).toEqual(['dist/a.d.ts', 'dist/a.d.ts.map', 'dist/a.js']);
    for (const [path, text] of whole) expect(marked.get(path), path).toBe(text);
    expect(marked.get('dist/a.js')).toContain("        deep: [\n            {\n                s: 'it\\'s");
  });

  it('compiles the file without its literals, every line where it was, and puts them back', () => {
    const skeleton = skeletonOf({ path: 'src/a.ts', content, literals: spans })!;
    expect(skeleton.file.content).not.toContain('deep');
    // Same lines, and each literal's place ends where the literal did (its `}` or `]` is now `)`).
    const lines = skeleton.file.content.split('\n');
    expect(lines.length).toBe(content.split('\n').length);
    const ends = content.split('\n').flatMap((l, i) => (l === '};' || l === '];' ? [i] : []));
    expect(ends.map((i) => lines[i])).toEqual([');', ');']);
    const compiled = byPath(compilePackage([skeleton.file], HEADER));
    const whole = byPath(compilePackage([{ path: 'src/a.ts', content }], HEADER));
    expect(skeleton.restore(compiled.get('dist/a.js')!, compiled.get('dist/a.d.ts')!)).toBe(
      whole.get('dist/a.js'),
    );
  });

  it.each([
    ['a span that is not a literal', [{ start: 0, end: HEADER.length + 5 }]],
    ['spans out of order', [...spans].reverse()],
  ])('compiles the whole file when given %s', (_name, bad) => {
    const whole = byPath(compilePackage([{ path: 'src/a.ts', content }], HEADER));
    const marked = byPath(compilePackage([{ path: 'src/a.ts', content, literals: bad }], HEADER));
    expect(marked).toEqual(whole);
  });
});
