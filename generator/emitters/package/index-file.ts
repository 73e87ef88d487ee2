// The package entry: explicit named exports only (no `export *`), sorted, so the public API is visible.
import {
  type ExportDeclarationStructure,
  type OptionalKind,
  type StatementStructures,
  StructureKind,
} from 'ts-morph';
import type { ServiceModel } from '../../model/types.ts';
import { validatorSchemas } from '../../model/validation-schemas.ts';
import {
  actionNames,
  errorGuardNames,
  runtimeModule,
  schemaTypeName,
  serviceNames,
  validatorName,
  waiterNames,
} from '../naming.ts';

interface ExportGroup {
  readonly module: string;
  readonly values: readonly string[];
  readonly types: readonly string[];
}

export const RUNTIME_ERROR_CLASSES = [
  'AcsAbortError',
  'AcsCredentialsError',
  'AcsError',
  'AcsNetworkError',
  'AcsResponseError',
  'AcsServiceError',
  'AcsTimeoutError',
  'AcsValidationError',
];

export function exportGroups(model: ServiceModel): ExportGroup[] {
  const names = serviceNames(model);
  const common = names.commonErrorCodeType;
  const client =
    model.actions.length === 0
      ? []
      : [
          { module: './client.js', values: [names.client], types: [names.clientConfig, names.serviceError] },
          { module: './bare-client.js', values: [names.bareClient], types: [] },
          { module: './commands.js', values: model.actions.map((a) => actionNames(a).command), types: [] },
        ];
  return [
    ...client,
    { module: './openapi.js', values: [], types: ['components', 'operations', 'paths'] },
    { module: runtimeModule('client'), values: [], types: ['CallOptions', 'Command'] },
    {
      module: './errors.js',
      values: [errorGuardNames(model).product, ...errorGuardNames(model).actions.values()],
      types: [],
    },
    { module: runtimeModule('error-guard'), values: [], types: ['ServiceErrorGuard'] },
    {
      module: runtimeModule('middleware'),
      values: [],
      types: [
        'Handler',
        'Middleware',
        'MiddlewareContext',
        'MiddlewareEntry',
        'MiddlewareOptions',
        'MiddlewareOutput',
        'MiddlewareStack',
        'Priority',
        'Step',
        'StepArgs',
      ],
    },
    {
      module: runtimeModule('validation-mode'),
      values: [],
      types: ['ValidationMode', 'ValidationOption'],
    },
    { module: runtimeModule('credentials'), values: [], types: ['CredentialsProvider'] },
    // The providers of temporary credentials users run in production; either is a `credentials` option.
    {
      module: runtimeModule('credentials-assume-role'),
      values: ['assumeRoleProvider'],
      types: ['AssumeRoleOptions'],
    },
    {
      module: runtimeModule('credentials-instance-role-public'),
      values: ['instanceRoleProvider'],
      types: ['InstanceRoleOptions'],
    },
    { module: runtimeModule('hooks'), values: [], types: ['Hooks', 'Logger', 'RequestInfo', 'ResponseInfo'] },
    { module: runtimeModule('retry'), values: [], types: ['RetryOptions'] },
    // How each style goes on the wire, for servers and tests that speak the protocol.
    { module: runtimeModule('serialize'), values: ['toWireParams', 'wireNameOf'], types: ['WireParams'] },
    {
      module: runtimeModule('waiter'),
      values: ['AcsWaiterError'],
      types: ['Acceptor', 'Matcher', 'WaiterDescriptor', 'WaiterEnvironment', 'WaiterResult', 'WaitOptions'],
    },
    { module: runtimeModule('sign-request'), values: [], types: ['Credentials', 'SignatureVersion'] },
    {
      module: runtimeModule('descriptors'),
      values: [],
      types: [
        'ActionDescriptor',
        'ParamDescriptor',
        'ParamStyle',
        'ServiceDescriptor',
        'Shape',
        'Validate',
        'ValidationIssue',
      ],
    },
    { module: runtimeModule('errors'), values: RUNTIME_ERROR_CLASSES, types: [] },
    {
      module: './service.js',
      values: [
        names.descriptor,
        names.errorMessages,
        ...model.actions.map((a) => actionNames(a).descriptor),
        ...model.actions.flatMap((a) => a.waiters.map((w) => waiterNames(w).descriptor)),
      ],
      types: [],
    },
    {
      module: './types.js',
      values: [],
      types: [
        ...Object.keys(model.schemaDefs).map(schemaTypeName),
        ...model.actions.flatMap((a) => [actionNames(a).requestType, actionNames(a).errorCodeType]),
        common,
        names.errorCodeType,
      ],
    },
    // Response validators are only at `<package>/validators`: exporting them here would pull their code
    // into every bundle, though the client loads them lazily and only when asked to check responses.
    {
      module: './validators/requests.js',
      values: validatorSchemas(model)
        .filter((v) => v.group === 'requests')
        .map((v) => validatorName(model, v)),
      types: [],
    },
  ];
}

export function indexStatements(model: ServiceModel): StatementStructures[] {
  return withoutShadowed(exportGroups(model))
    .sort((a, b) => compare(a.module, b.module))
    .map((group) => exportDeclaration(group));
}

/** A spec may name a schema like a type the index re-exports from the runtime (`Credentials`,
 * `Logger`): the package's own name wins, and the runtime's stays importable from its module. */
function withoutShadowed(groups: readonly ExportGroup[]): ExportGroup[] {
  const own = new Set(
    groups.filter((g) => g.module.startsWith('./')).flatMap((g) => [...g.values, ...g.types]),
  );
  return groups
    .map((g) =>
      g.module.startsWith('./')
        ? g
        : { ...g, values: g.values.filter((n) => !own.has(n)), types: g.types.filter((n) => !own.has(n)) },
    )
    .filter((g) => g.values.length + g.types.length > 0);
}

function exportDeclaration(
  group: ExportGroup,
): OptionalKind<ExportDeclarationStructure> & StatementStructures {
  const specifiers = [
    ...group.values.map((name) => ({ name, isTypeOnly: false })),
    ...group.types.map((name) => ({ name, isTypeOnly: true })),
  ].sort((a, b) => compare(a.name, b.name));
  const typeOnly = group.values.length === 0;
  return {
    kind: StructureKind.ExportDeclaration,
    isTypeOnly: typeOnly,
    moduleSpecifier: group.module,
    namedExports: specifiers.map((s) => ({ name: s.name, isTypeOnly: !typeOnly && s.isTypeOnly })),
  };
}

/** Code-unit order, not locale order, so every machine sorts alike. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
