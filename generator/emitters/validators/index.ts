// Validators emitter: standalone validator code (no schema compiled at run time), its declarations,
// and typed wrappers that report issues by parameter name. ajv's code is JavaScript already: it goes
// straight to dist/ (its declarations stay in src/, where the wrappers are typechecked against them),
// so the package does not hold it twice. Request validators and response ones
// are separate modules, so a client that does not check responses never loads their code.
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { type StatementStructures, StructureKind, VariableDeclarationKind } from 'ts-morph';
import type { ServiceModel } from '../../model/types.ts';
import { type ValidatorSchema, validatorSchemas } from '../../model/validation-schemas.ts';
import type { Emitter, GeneratedFile } from '../contract.ts';
import { codeHeader } from '../header.ts';
import { actionNames, runtimeModule, validatorName } from '../naming.ts';
import { renderTs } from '../ts-file.ts';
import { standaloneValidators, treeShakable } from './standalone.ts';

const GROUPS = ['requests', 'responses'] as const;

export const validatorsEmitter: Emitter = {
  name: 'validators',
  async emit({ model, ajv }) {
    const files: GeneratedFile[] = [];
    for (const group of GROUPS) {
      const schemas = validatorSchemas(model).filter((v) => v.group === group);
      const code = standaloneValidators(model, ajv, schemas);
      files.push(
        ...(group === 'requests' && !treeShakable(code)
          ? perAction(model, ajv, schemas)
          : [{ path: `dist/validators/${group}.standalone.js`, content: `${codeHeader(model)}${code}` }]),
        renderTs(model, `src/validators/${group}.standalone.d.ts`, declarations(model, schemas)),
        renderTs(model, `src/validators/${group}.ts`, wrappers(model, group, schemas)),
      );
    }
    files.push(renderTs(model, 'src/validators/index.ts', index(model)));
    return files;
  },
};

/**
 * Request validators are one module when a bundler can drop every validator a program does not use
 * (`treeShakable`): a program that calls one action then holds that action's code alone, and Node
 * loads one module instead of one per action. Otherwise (ajv kept a statement at module level no
 * bundler may drop: an evaluation tag standalone.ts could not take out) there is a module per action,
 * and `requests.standalone.js` re-exports them, so the one-action bundle stays the same size whatever
 * the number of actions.
 */
function perAction(model: ServiceModel, ajv: Ajv2020, schemas: readonly ValidatorSchema[]): GeneratedFile[] {
  const files = schemas.map((v) => ({
    path: `dist/validators/${requestValidatorModule(v)}.js`,
    content: `${codeHeader(model)}${standaloneValidators(model, ajv, [v])}`,
  }));
  const reexports = schemas.map(
    (v) => `export { ${validatorName(model, v)} } from './${requestValidatorModule(v)}.js';`,
  );
  return [
    ...files,
    ...schemas.map((v) =>
      renderTs(model, `src/validators/${requestValidatorModule(v)}.d.ts`, declarations(model, [v])),
    ),
    {
      path: 'dist/validators/requests.standalone.js',
      content: `${codeHeader(model)}${reexports.join('\n')}\n`,
    },
  ];
}

function requestValidatorModule(v: ValidatorSchema): string {
  if (v.subject.kind !== 'request') throw new Error(`${v.id} is not a request validator`);
  return `requests/${actionNames({ name: v.subject.action }).file}`;
}

function declarations(model: ServiceModel, schemas: readonly ValidatorSchema[]): StatementStructures[] {
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: runtimeModule('validation'),
      namedImports: ['StandaloneValidate'],
    },
    ...schemas.map(
      (v): StatementStructures => ({
        kind: StructureKind.VariableStatement,
        isExported: true,
        hasDeclareKeyword: true,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [{ name: validatorName(model, v), type: 'StandaloneValidate' }],
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
      moduleSpecifier: `./${group}.standalone.js`,
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
            name: validatorName(model, v),
            type: 'Validate',
            initializer: `(value) => toIssues(standalone.${validatorName(model, v)}, value)`,
          },
        ],
      }),
    ),
  ];
}

function index(model: ServiceModel): StatementStructures[] {
  return GROUPS.map((group) => ({
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier: `./${group}.js`,
    namedExports: validatorSchemas(model)
      .filter((v) => v.group === group)
      .map((v) => validatorName(model, v))
      .sort(),
  }));
}
