// The service and action descriptors: the model's wire facts as literals the runtime reads.
import { type StatementStructures, StructureKind, VariableDeclarationKind } from 'ts-morph';
import type { ActionModel, ErrorModel, ServiceModel } from '../../model/types.ts';
import { Identifier, LazyExport, toLiteral } from '../literal.ts';
import { actionNames, runtimeModule, serviceNames, waiterNames } from '../naming.ts';
import type { Toolkit } from '../toolkit.ts';

/** The runtime's wrapper of a validator loaded lazily (runtime/validation.ts). */
const ISSUES_OF = 'issuesOf';

export function descriptorStatements(model: ServiceModel, toolkit: Toolkit): StatementStructures[] {
  const validators = model.actions.map((a) => actionNames(a).validateRequest);
  const waiting = model.actions.some((a) => a.waiters.length > 0);
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: runtimeModule('descriptors'),
      namedImports: ['ActionDescriptor', 'ServiceDescriptor'],
    },
    ...waiterImport(waiting),
    ...(model.actions.length === 0
      ? []
      : [
          {
            kind: StructureKind.ImportDeclaration,
            moduleSpecifier: runtimeModule('validation'),
            namedImports: [ISSUES_OF],
          } satisfies StatementStructures,
        ]),
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './validators/requests.js',
      namedImports: validators.sort(),
    },
    constant(
      serviceNames(model).descriptor,
      'ServiceDescriptor',
      toLiteral(serviceLiteral(model, toolkit)),
      `${model.product} ${model.apiVersion}: endpoints and documented errors.`,
    ),
    constant(
      serviceNames(model).errorMessages,
      'Readonly<Record<string, string>>',
      toLiteral(errorMessages(model)),
      'The documented message of each error code; `{Name}` stands for the parameter concerned.',
    ),
    ...model.actions.map((action) =>
      constant(
        actionNames(action).descriptor,
        'ActionDescriptor',
        actionLiteral(action),
        `How ${action.name} goes on the wire.`,
      ),
    ),
    ...model.actions.flatMap((action) =>
      action.waiters.map((waiter) =>
        constant(
          waiterNames(waiter).descriptor,
          'WaiterDescriptor',
          toLiteral({
            name: waiter.name,
            action: action.name,
            minDelay: waiter.minDelay,
            maxDelay: waiter.maxDelay,
            acceptors: waiter.acceptors,
          }),
          waiter.description ?? `Polls ${action.name} until ${waiter.name}.`,
        ),
      ),
    ),
  ];
}

function waiterImport(needed: boolean): StatementStructures[] {
  if (!needed) return [];
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: runtimeModule('waiter'),
      namedImports: ['WaiterDescriptor'],
    },
  ];
}

function constant(name: string, type: string, initializer: string, doc: string): StatementStructures {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [doc],
    declarations: [{ name, type, initializer }],
  };
}

function serviceLiteral(model: ServiceModel, toolkit: Toolkit): Record<string, unknown> {
  return {
    product: model.product,
    apiVersion: model.apiVersion,
    endpoints: model.endpoints,
    protocol: {
      timestampWindowSeconds: model.signature.timestampWindowSeconds,
      defaultFormat: model.responseFormat.default,
      formatParameter: model.responseFormat.parameter,
      caseInsensitive: model.responseFormat.caseInsensitive,
      acceptHeader: model.responseFormat.acceptHeader,
    },
    errors: errorTable(model.commonErrors),
    // The package is versioned with the toolkit that generated it (templates/package/package.json.hbs).
    userAgent: {
      toolkit: `${toolkit.name}/${toolkit.version}`,
      package: `${serviceNames(model).userAgentProduct}/${toolkit.version}`,
    },
  };
}

function errorTable(errors: readonly ErrorModel[]): Record<string, unknown> {
  return Object.fromEntries(
    errors.map((e) => [e.code, { httpStatus: e.httpStatus, retryable: e.retryable }]),
  );
}

function actionLiteral(action: ActionModel): string {
  const names = actionNames(action);
  return toLiteral({
    name: action.name,
    methods: action.methods,
    path: action.path,
    idempotent: action.idempotent,
    params: action.params.map((p) => ({
      name: p.name,
      style: p.style,
      shape: p.shape,
      ...(p.in === 'header' ? { in: 'header' } : {}),
    })),
    xmlRoot: action.xmlRoot,
    responseShape: action.responseShape,
    validateRequest: new Identifier(names.validateRequest),
    // The schema module itself, its errors made issues by the runtime's issuesOf: the lazily loaded
    // module does not import validation.js, so a bundler that splits code keeps it in the call's chunk.
    loadResponseValidator: new LazyExport(
      './validators/responses.schemas.js',
      names.validateResponse,
      ISSUES_OF,
    ),
    ...(action.pagination === undefined ? {} : { pagination: paginationLiteral(action) }),
    ...(action.errors.length === 0 ? {} : { errors: errorTable(action.errors) }),
  });
}

/** The runtime's descriptor (the model less the item type), its fields in reading order. */
const PAGINATION_FIELDS = [
  'style',
  'pageNumberParam',
  'tokenParam',
  'pageSizeParam',
  'totalCountPath',
  'nextTokenPath',
  'itemsPath',
  'defaultPageSize',
  'maxPageSize',
] as const;

function paginationLiteral(action: ActionModel): Record<string, unknown> {
  const p = action.pagination as unknown as Record<string, unknown>;
  return Object.fromEntries(PAGINATION_FIELDS.filter((f) => p[f] !== undefined).map((f) => [f, p[f]]));
}

function errorMessages(model: ServiceModel): Record<string, string> {
  const errors = [...model.commonErrors, ...model.actions.flatMap((a) => a.errors)];
  return Object.fromEntries(errors.map((e) => [e.code, e.message]));
}
