// Validators emitter: each validator is its schema as data, checked by the runtime (no schema
// compiled at run time, no code per validator): schema-module.ts writes those modules straight to
// dist/ as JavaScript (their declarations stay in src/, where the wrappers are typechecked against
// them). Typed wrappers report issues by parameter name. Request validators and response ones are
// separate modules, so a client that does not check responses never loads their schemas; a bundler
// keeps only the request validators a program uses.
import { type StatementStructures, StructureKind, VariableDeclarationKind } from 'ts-morph';
import type { ServiceModel } from '../../model/types.ts';
import { type ValidatorSchema, validatorSchemas } from '../../model/validation-schemas.ts';
import type { Emitter, GeneratedFile } from '../contract.ts';
import { runtimeModule, validatorName } from '../naming.ts';
import { renderTs } from '../ts-file.ts';
import { schemaModule } from './schema-module.ts';

const GROUPS = ['requests', 'responses'] as const;

export const validatorsEmitter: Emitter = {
  name: 'validators',
  async emit({ model }) {
    const files: GeneratedFile[] = [];
    const all = validatorSchemas(model);
    for (const group of GROUPS) {
      const schemas = all.filter((v) => v.group === group);
      files.push(
        { path: `dist/validators/${group}.schemas.js`, content: schemaModule(model, schemas) },
        renderTs(model, `src/validators/${group}.schemas.d.ts`, declarations(model, schemas)),
        renderTs(model, `src/validators/${group}.ts`, wrappers(model, group, schemas)),
      );
    }
    files.push(renderTs(model, 'src/validators/index.ts', index(model, all)));
    return files;
  },
};

function declarations(model: ServiceModel, schemas: readonly ValidatorSchema[]): StatementStructures[] {
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: runtimeModule('validation'),
      namedImports: ['SchemaValidate'],
    },
    ...schemas.map(
      (v): StatementStructures => ({
        kind: StructureKind.VariableStatement,
        isExported: true,
        hasDeclareKeyword: true,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [{ name: validatorName(model, v), type: 'SchemaValidate' }],
      }),
    ),
  ];
}

function wrappers(
  model: ServiceModel,
  group: string,
  schemas: readonly ValidatorSchema[],
): StatementStructures[] {
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: runtimeModule('descriptors'),
      namedImports: ['Validate'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: runtimeModule('validation'),
      namedImports: ['toIssues'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: `./${group}.schemas.js`,
      namespaceImport: 'schemas',
    },
    ...schemas.map(
      (v): StatementStructures => ({
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [`Checks a value against ${v.id}; returns every issue, named by its path, or none.`],
        declarations: [
          {
            name: validatorName(model, v),
            type: 'Validate',
            initializer: `(value) => toIssues(schemas.${validatorName(model, v)}, value)`,
          },
        ],
      }),
    ),
  ];
}

function index(model: ServiceModel, all: readonly ValidatorSchema[]): StatementStructures[] {
  return GROUPS.map((group) => ({
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier: `./${group}.js`,
    namedExports: all
      .filter((v) => v.group === group)
      .map((v) => validatorName(model, v))
      .sort(),
  }));
}
