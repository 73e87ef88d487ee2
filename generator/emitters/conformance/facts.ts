// The conformance facts: every expected value the suite uses, taken from the model.
import { type StatementStructures, StructureKind, VariableDeclarationKind } from 'ts-morph';
import type { ServiceModel } from '../../model/types.ts';
import { Identifier, toLiteral } from '../literal.ts';
import { actionNames, serviceNames, waiterNames } from '../naming.ts';

export function factsStatements(model: ServiceModel): StatementStructures[] {
  const names = serviceNames(model);
  const messages = names.errorMessages;
  const actions = model.actions.map((a) => actionNames(a));
  const facts = {
    service: new Identifier(names.descriptor),
    errorMessages: new Identifier(messages),
    validateErrorEnvelope: new Identifier(names.validateErrorEnvelope),
    actions: model.actions.map((action, i) => ({
      descriptor: new Identifier(actions[i]!.descriptor),
      params: action.params.map((p) => ({
        name: p.name,
        style: p.style,
        required: p.required,
        schema: p.schema,
        example: p.example,
      })),
      errors: action.errors.map((e) => e.code),
      cases: action.cases,
      validateResponse: new Identifier(actions[i]!.validateResponse),
      response: {
        schema: action.responseSchema,
        mediaTypes: action.mediaTypes,
        examples: action.examples.filter((e) => e.mediaType === 'json').map((e) => e.value),
      },
      ...(action.transition === undefined ? {} : { transition: definedOnly(action.transition) }),
      ...(action.lists === undefined ? {} : { lists: action.lists }),
      waiters:
        action.waiters.length === 0
          ? undefined
          : action.waiters.map((w) => new Identifier(waiterNames(w).descriptor)),
    })),
    resources: Object.fromEntries(model.resources.map((r) => [r.name, { id: r.id, states: r.states }])),
    schemas: model.schemaDefs,
  };
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './types.js',
      namedImports: ['ConformanceFacts'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '../service.js',
      namedImports: [
        names.descriptor,
        messages,
        ...actions.map((a) => a.descriptor),
        ...model.actions.flatMap((a) => a.waiters.map((w) => waiterNames(w).descriptor)),
      ].sort(),
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '../validators/responses.js',
      namedImports: [names.validateErrorEnvelope, ...actions.map((a) => a.validateResponse)].sort(),
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [`What ${model.product}'s spec says, for the conformance checks.`],
      declarations: [{ name: 'conformanceFacts', type: 'ConformanceFacts', initializer: toLiteral(facts) }],
    },
  ];
}

/** Optional fields that are absent stay out of the literal (exactOptionalPropertyTypes). */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
