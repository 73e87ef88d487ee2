// Named types a person reads: the request interface per action, aliases of component schemas, and
// the error-code unions that make `err.code === '…'` narrow.
import { type JSDocStructure, type OptionalKind, type StatementStructures, StructureKind } from 'ts-morph';
import type { ActionModel, ErrorModel, ServiceModel } from '../../model/types.ts';
import { propertyKey, stringLiteral } from '../literal.ts';
import { actionNames, schemaTypeName, serviceNames } from '../naming.ts';
import { constraintText, typeOfSchema } from './schema-type.ts';

export function friendlyTypeStatements(model: ServiceModel): StatementStructures[] {
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './openapi.js',
      namedImports: ['components'],
    },
  ];
  for (const name of Object.keys(model.schemaDefs)) {
    statements.push({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: schemaTypeName(name),
      type: `components['schemas'][${stringLiteral(name)}]`,
      docs: docs(model.schemaDescriptions[name]),
    });
  }
  // The client names each action's response `<Action>Response`; an action whose response schema is
  // named otherwise (one schema shared by several actions) gets that name as an alias of it.
  const aliases = new Set(Object.keys(model.schemaDefs).map(schemaTypeName));
  for (const action of model.actions) {
    const name = actionNames(action).responseType;
    if (aliases.has(name)) continue;
    aliases.add(name);
    statements.push({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name,
      type: schemaTypeName(action.responseSchema),
      docs: docs(`The response of ${action.name}.`),
    });
  }
  for (const action of model.actions) statements.push(requestInterface(action));
  statements.push(...errorCodeTypes(model));
  return statements;
}

function requestInterface(action: ActionModel): StatementStructures {
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name: actionNames(action).requestType,
    docs: docs(`Parameters of ${action.name}.${action.summary ? ` ${action.summary}` : ''}`),
    properties: action.params.map((p) => ({
      name: propertyKey(p.name),
      isReadonly: true,
      hasQuestionToken: !p.required,
      type: typeOfSchema(p.schema),
      docs: paramDocs(p.description, p.schema, p.deprecated, p.style),
    })),
  };
}

function paramDocs(
  description: string | undefined,
  schema: Readonly<Record<string, unknown>>,
  deprecated: boolean,
  style: string,
): OptionalKind<JSDocStructure>[] {
  const lines = [description ?? '', ...constraintText(schema)];
  const wire = STYLE_DOCS[style];
  if (wire !== undefined) lines.push(wire);
  const tags = [];
  if (schema.default !== undefined)
    tags.push({ tagName: 'defaultValue', text: JSON.stringify(schema.default) });
  if (deprecated) tags.push({ tagName: 'deprecated' });
  return [{ description: lines.filter(Boolean).join('\n'), tags }];
}

/** How each structured style goes on the wire, in the words of the request type's doc comment. */
const STYLE_DOCS: Readonly<Record<string, string>> = {
  repeatList: 'Sent as a repeat list: `Name.1`, `Name.2`, …; object items as `Name.1.Key`.',
  flat: 'Sent flattened with dots: `Name.Key`, `Name.1.Key`, …',
  json: 'Sent JSON-encoded in one parameter.',
  simple: 'Sent as one parameter, items joined with commas.',
};

function errorCodeTypes(model: ServiceModel): StatementStructures[] {
  const names = serviceNames(model);
  const common = names.commonErrorCodeType;
  const union = (errors: readonly ErrorModel[]) =>
    errors.length === 0 ? 'never' : errors.map((e) => stringLiteral(e.code)).join('\n  | ');
  const statements: StatementStructures[] = [
    alias(common, union(model.commonErrors), 'Error codes any action may return.'),
  ];
  for (const action of model.actions) {
    const own = union(action.errors);
    const type = action.errors.length === 0 ? common : `${own}\n  | ${common}`;
    statements.push(alias(actionNames(action).errorCodeType, type, `Error codes ${action.name} may return.`));
  }
  const all = [common, ...model.actions.map((a) => actionNames(a).errorCodeType)].join(' | ');
  statements.push(alias(names.errorCodeType, all, `Every documented error code of ${model.product}.`));
  return statements;
}

function alias(name: string, type: string, description: string): StatementStructures {
  return { kind: StructureKind.TypeAlias, isExported: true, name, type, docs: docs(description) };
}

function docs(description: string | undefined): OptionalKind<JSDocStructure>[] {
  return description === undefined ? [] : [{ description }];
}
