// The service client: one method per action, and page/item iterators for paginated actions.
import {
  type ClassDeclarationStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type StatementStructures,
  StructureKind,
} from 'ts-morph';
import type { ActionModel, ServiceModel } from '../../model/types.ts';
import { actionNames, runtimeModule, schemaTypeName, serviceNames, waiterNames } from '../naming.ts';
import { importFrom, middlewareAccessor, sendMethod } from './commands.ts';

export function clientStatements(model: ServiceModel): StatementStructures[] {
  const names = serviceNames(model);
  const typeImports = model.actions.flatMap((a) => {
    const n = actionNames(a);
    const item = a.pagination?.itemSchema;
    return [n.requestType, n.responseType, ...(item === undefined ? [] : [schemaTypeName(item)])];
  });
  const paginated = model.actions.some((a) => a.pagination !== undefined);
  const waiters = model.actions.flatMap((a) => a.waiters.map((w) => waiterNames(w).descriptor));
  return [
    importFrom(runtimeModule('client'), ['RpcClient'], ['CallOptions', 'ClientConfig', 'Command']),
    ...(paginated ? [importFrom(runtimeModule('paginate'), ['paginateItems', 'paginatePages'], [])] : []),
    importFrom(runtimeModule('errors'), [], ['AcsServiceError']),
    importFrom(runtimeModule('middleware'), [], ['MiddlewareStack']),
    ...(waiters.length > 0
      ? [importFrom(runtimeModule('waiter'), ['runWaiter'], ['WaiterResult', 'WaitOptions'])]
      : []),
    importFrom(
      './service.js',
      [names.descriptor, ...model.actions.map((a) => actionNames(a).descriptor), ...waiters].sort(),
      [],
    ),
    importFrom('./types.js', [], [...new Set([...typeImports, names.errorCodeType])].sort()),
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: names.clientConfig,
      type: 'ClientConfig',
      docs: [
        `Options of ${names.client}: region, credentials, endpoint, signature version, timeouts, retries, validation, hooks, logger, user agent.`,
      ],
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: names.serviceError,
      type: `AcsServiceError<${names.errorCodeType}>`,
      docs: [`An error answered by ${model.product}: \`code\` narrows to the documented codes.`],
    },
    clientClass(model),
  ];
}

function clientClass(model: ServiceModel): ClassDeclarationStructure {
  const names = serviceNames(model);
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: names.client,
    docs: [`Client for ${model.title} (${model.apiVersion}). Signs every call; validates before sending.`],
    properties: [{ name: '#core', isReadonly: true, type: 'RpcClient' }],
    ctors: [
      {
        parameters: [{ name: 'config', type: names.clientConfig, initializer: '{}' }],
        statements: [`this.#core = new RpcClient(${names.descriptor}, config);`],
      },
    ],
    getAccessors: [middlewareAccessor()],
    methods: [
      sendMethod(),
      ...model.actions.flatMap((action) => [...actionMethods(action), ...waiterMethods(action)]),
    ],
  };
}

function actionMethods(action: ActionModel): OptionalKind<MethodDeclarationStructure>[] {
  const n = actionNames(action);
  const call: OptionalKind<MethodDeclarationStructure> = {
    name: n.method,
    docs: [[action.summary, action.description].filter(Boolean).join('\n\n') || action.name],
    parameters: [
      { name: 'params', type: n.requestType },
      { name: 'options', type: 'CallOptions', initializer: '{}' },
    ],
    returnType: `Promise<${n.responseType}>`,
    statements: [
      `return this.#core.invoke<${n.requestType}, ${n.responseType}>(${n.descriptor}, params, options);`,
    ],
  };
  const pagination = action.pagination;
  if (pagination === undefined) return [call];
  const item = pagination.itemSchema === undefined ? 'unknown' : schemaTypeName(pagination.itemSchema);
  return [
    call,
    {
      name: n.paginator,
      docs: [
        pagination.style === 'token'
          ? `Every page of ${action.name}, following \`${pagination.tokenParam}\` until the server hands back none.`
          : `Every page of ${action.name}, from \`${pagination.pageNumberParam}\` (default 1) to the last.`,
      ],
      parameters: [
        { name: 'params', type: n.requestType },
        { name: 'options', type: 'CallOptions', initializer: '{}' },
      ],
      returnType: `AsyncGenerator<${n.responseType}, void, undefined>`,
      statements: [
        `return paginatePages<${n.requestType}, ${n.responseType}>(this.#core, ${n.descriptor}, params, options);`,
      ],
    },
    {
      name: n.itemPaginator,
      docs: [`Every item of ${action.name} (\`${pagination.itemsPath.join('.')}\`), across all pages.`],
      parameters: [
        { name: 'params', type: n.requestType },
        { name: 'options', type: 'CallOptions', initializer: '{}' },
      ],
      returnType: `AsyncGenerator<${item}, void, undefined>`,
      statements: [
        `return paginateItems<${n.requestType}, ${item}>(this.#core, ${n.descriptor}, params, options);`,
      ],
    },
  ];
}

/** `waitUntil<Waiter>`: polls the action with the same request until an acceptor decides. */
function waiterMethods(action: ActionModel): OptionalKind<MethodDeclarationStructure>[] {
  const n = actionNames(action);
  return action.waiters.map((waiter) => {
    const w = waiterNames(waiter);
    return {
      name: w.method,
      docs: [
        `${waiter.description ?? `Waits until ${waiter.name}.`}\n\nPolls ${action.name} between ${waiter.minDelay} s and ${waiter.maxDelay} s apart, at most \`maxWaitSeconds\` in all; throws AcsWaiterError (\`Waiter.Timeout\`, \`Waiter.Failure\`).`,
      ],
      parameters: [
        { name: 'params', type: n.requestType },
        { name: 'options', type: 'WaitOptions' },
      ],
      returnType: 'Promise<WaiterResult>',
      statements: [
        `return runWaiter(${w.descriptor}, (signal) => this.${n.method}(params, signal === undefined ? {} : { signal }), options);`,
      ],
    };
  });
}
