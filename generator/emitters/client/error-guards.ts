// The error guards (issue 14.4): `is<Product>Error(e)` narrows a caught error to the product's
// service error, `is<Product>Error(e, '<Code>')` its `code` to that literal, and `is<Action>Error`
// does the same for the codes one action documents (its own and the common ones).
import { type StatementStructures, StructureKind, VariableDeclarationKind } from 'ts-morph';
import type { ServiceModel } from '../../model/types.ts';
import { toLiteral } from '../literal.ts';
import { actionNames, errorGuardNames, runtimeModule, serviceNames } from '../naming.ts';
import { importFrom } from './commands.ts';

export function errorGuardStatements(model: ServiceModel): StatementStructures[] {
  const names = serviceNames(model);
  const guards = errorGuardNames(model);
  const codeTypes = model.actions.map((a) => actionNames(a).errorCodeType);
  return [
    importFrom(runtimeModule('error-guard'), ['serviceErrorGuard'], ['ServiceErrorGuard']),
    importFrom('./types.js', [], [...new Set([names.errorCodeType, ...codeTypes])].sort()),
    guard(
      guards.product,
      names.errorCodeType,
      [model.product],
      `True when the error is one ${model.product} answered; with a code, when it is that code, and \`code\` narrows to it.`,
    ),
    ...model.actions.map((action) =>
      guard(
        guards.actions.get(action.name) ?? actionNames(action).errorGuard,
        actionNames(action).errorCodeType,
        [model.product, action.name],
        `True when the error is one ${action.name} answered; with a code, \`code\` narrows to it.`,
      ),
    ),
  ];
}

function guard(name: string, codeType: string, args: readonly string[], doc: string): StatementStructures {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [doc],
    declarations: [
      {
        name,
        type: `ServiceErrorGuard<${codeType}>`,
        initializer: (writer) =>
          writer.write(`/* @__PURE__ */ serviceErrorGuard(${args.map((a) => toLiteral(a)).join(', ')})`),
      },
    ],
  };
}
