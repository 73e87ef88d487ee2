// The data modules (service descriptors, conformance facts) printed directly are what ts-morph prints
// from the same structures, byte for byte, on every focused spec and a product's; what falls outside
// the subset printed directly goes through ts-morph.
import { join } from 'node:path';
import { type StatementStructures, StructureKind, VariableDeclarationKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { factsStatements } from '../../../generator/emitters/conformance/facts.ts';
import { renderDataModule } from '../../../generator/emitters/data-module.ts';
import { descriptorStatements } from '../../../generator/emitters/descriptors/descriptors.ts';
import { readToolkit } from '../../../generator/emitters/toolkit.ts';
import { renderTs } from '../../../generator/emitters/ts-file.ts';
import { modelSpec } from '../../../generator/pipeline.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SPECS = [
  'test/fixtures/specs/focused.yaml',
  'test/fixtures/specs/odd-names.yaml',
  'test/fixtures/specs/stateful.yaml',
  'test/fixtures/specs/structured.yaml',
  'spec/vpc.yaml',
];

describe('renderDataModule', async () => {
  const toolkit = await readToolkit(ROOT);
  const cases = await Promise.all(
    SPECS.map(async (spec) => {
      const { model } = await modelSpec(ROOT, spec);
      if (model === undefined) throw new Error(`${spec} does not model`);
      return [spec, model] as const;
    }),
  );

  it.each(cases)('prints what ts-morph prints for the descriptors and facts of %s', (_spec, model) => {
    for (const statements of [descriptorStatements(model, toolkit), factsStatements(model)]) {
      const direct = renderDataModule(model, 'src/x.ts', statements);
      expect(direct.content).toBe(renderTs(model, 'src/x.ts', statements).content);
      // Each literal it marks is a whole multi-line initializer: `= ` before it, `;` after it.
      expect(direct.literals?.length).toBeGreaterThan(0);
      for (const { start, end } of direct.literals ?? []) {
        expect(direct.content.slice(start - 2, start)).toBe('= ');
        expect(direct.content[end]).toBe(';');
        expect(direct.content.slice(start, end)).toContain('\n');
      }
    }
  });

  it.each([
    ['a doc of several lines', { docs: ['First line.\nSecond line.'] }],
    ['a doc that closes the comment', { docs: ['Ends */ early.'] }],
    ['a declaration that is not exported', { isExported: false }],
    ['a let', { declarationKind: VariableDeclarationKind.Let }],
  ])('leaves %s to ts-morph', (_name, change) => {
    const [, model] = cases[0]!;
    const statements: StatementStructures[] = [
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: ['Doc.'],
        declarations: [{ name: 'x', type: 'X', initializer: '{\n  a: 1,\n}' }],
        ...change,
      },
    ];
    const direct = renderDataModule(model, 'src/x.ts', statements);
    expect(direct).toEqual(renderTs(model, 'src/x.ts', statements));
    expect(direct.literals).toBeUndefined();
  });
});
