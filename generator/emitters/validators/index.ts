// Validators emitter: standalone validator code (no schema compiled at run time), its declarations,
// and typed wrappers that report issues by parameter name.
import { type StatementStructures, StructureKind, VariableDeclarationKind } from 'ts-morph';
import type { ServiceModel } from '../../model/types.ts';
import { validatorSchemas } from '../../model/validation-schemas.ts';
import type { Emitter } from '../contract.ts';
import { codeHeader } from '../header.ts';
import { renderTs } from '../ts-file.ts';
import { standaloneValidators } from './standalone.ts';

export const validatorsEmitter: Emitter = {
  name: 'validators',
  async emit({ model, ajv }) {
    return [
      {
        path: 'src/validators/standalone.js',
        content: `${codeHeader(model)}${standaloneValidators(model, ajv)}`,
      },
      renderTs(model, 'src/validators/standalone.d.ts', declarations(model)),
      renderTs(model, 'src/validators/index.ts', wrappers(model)),
    ];
  },
};

function declarations(model: ServiceModel): StatementStructures[] {
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../runtime/validation.js',
      namedImports: ['StandaloneValidate'],
    },
    ...validatorSchemas(model).map(
      (v): StatementStructures => ({
        kind: StructureKind.VariableStatement,
        isExported: true,
        hasDeclareKeyword: true,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [{ name: v.exportName, type: 'StandaloneValidate' }],
      }),
    ),
  ];
}

function wrappers(model: ServiceModel): StatementStructures[] {
  const schemas = validatorSchemas(model);
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../runtime/descriptors.js',
      namedImports: ['Validate'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '../runtime/validation.js',
      namedImports: ['toIssues'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './standalone.js',
      namespaceImport: 'standalone',
    },
    ...schemas.map(
      (v): StatementStructures => ({
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [`Checks a value against ${v.id}; returns every issue, named by its path, or none.`],
        declarations: [
          {
            name: v.exportName,
            type: 'Validate',
            initializer: `(value) => toIssues(standalone.${v.exportName}, value)`,
          },
        ],
      }),
    ),
  ];
}
