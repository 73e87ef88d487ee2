// Generated TypeScript is printed from structures without running TypeScript's formatter: the bytes
// must be what the formatter would give, or regenerating would change every package.
import { join } from 'node:path';
import {
  IndentationText,
  NewLineKind,
  Project,
  QuoteKind,
  type StatementStructures,
  StructureKind,
  ts,
  VariableDeclarationKind,
} from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { settleHangingIndents } from '../../../generator/emitters/hanging-indent.ts';
import { toLiteral } from '../../../generator/emitters/literal.ts';
import { typeOfSchema } from '../../../generator/emitters/types/schema-type.ts';
import { generate } from '../../../generator/pipeline.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
// The conformance library is copied as written, and openapi.ts is openapi-typescript's own output.
const NOT_PRINTED = /^src\/(openapi\.ts|conformance\/(?!facts\.ts|main\.ts))/;

function project(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Single,
      useTrailingCommas: true,
    },
  });
}

/** What TypeScript's formatter makes of `text`: the oracle the generator no longer runs. */
function formatted(text: string): string {
  const file = project().createSourceFile('/oracle.ts', text);
  file.formatText({ indentSize: 2, convertTabsToSpaces: true, semicolons: ts.SemicolonPreference.Insert });
  return file.getFullText();
}

const nested = {
  type: 'object',
  properties: {
    Tags: {
      type: 'array',
      description: 'Tags.\n\nAt most 20.',
      items: {
        type: 'object',
        properties: { Key: { type: 'string', description: 'The key.' }, Value: { type: 'string' } },
      },
    },
    Name: { type: 'string' },
  },
};

const cases: [string, StatementStructures[]][] = [
  [
    'a multi-line literal as a constant',
    [
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: ['Facts.'],
        declarations: [
          { name: 'facts', type: 'Facts', initializer: toLiteral({ a: [{ b: 1 }, { c: 'x' }] }) },
        ],
      },
    ],
  ],
  [
    'a union over several lines and a nested object type',
    [
      { kind: StructureKind.TypeAlias, isExported: true, name: 'Code', type: "'A'\n  | 'B'\n  | 'C'" },
      { kind: StructureKind.TypeAlias, isExported: true, name: 'Shape', type: typeOfSchema(nested) },
      {
        kind: StructureKind.Interface,
        isExported: true,
        name: 'Request',
        properties: [{ name: 'Body', hasQuestionToken: true, type: typeOfSchema(nested) }],
      },
    ],
  ],
  [
    'a body written by hand, left as it is',
    [
      {
        kind: StructureKind.Function,
        isExported: true,
        name: 'f',
        statements: ['const x = {\n  a: [1, 2],\n};', 'return x;'],
      },
    ],
  ],
];

describe('settleHangingIndents', () => {
  it.each(cases)('%s: the formatter would change nothing', (_name, statements) => {
    const file = project().createSourceFile('/x.ts', { statements });
    const settled = settleHangingIndents(file.compilerNode, '  ');
    expect(settled).toBe(formatted(settled));
  });
});

describe('a generated package as printed', async () => {
  const result = await generate({
    rootDir: ROOT,
    spec: 'test/fixtures/specs/kiosk.yaml',
    out: join(ROOT, 'tmp', 'kiosk', '{package}'),
    mode: 'none',
  });
  const sources = (result.files ?? []).filter(
    (f) => f.path.endsWith('.ts') && !f.path.startsWith('dist/') && !NOT_PRINTED.test(f.path),
  );

  it('is every TypeScript file already as the formatter leaves it', () => {
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources)
      expect({ path: file.path, text: formatted(file.content) }).toEqual({
        path: file.path,
        text: file.content,
      });
  });
});
