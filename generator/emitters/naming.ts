// Every generated identifier is derived here, so names stay consistent and collision-free: emitters
// ask this module for a name and never build or rewrite one themselves.
import type { ActionModel, ServiceModel, WaiterModel } from '../model/types.ts';
import type { ValidatorSchema } from '../model/validation-schemas.ts';

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield any boolean constructor declare get module require number set string symbol type from of'.split(
    ' ',
  ),
);

export function safeIdentifier(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_$]/g, '_').replace(/^(\d)/, '_$1');
  return RESERVED.has(cleaned) ? `${cleaned}_` : cleaned;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * How code reads a wire field: `base.Name`, `base['a-b']` for a name that is not an identifier, and
 * `?.` from the `optionalFrom`-th name on, where what it reads may be absent.
 */
export function propertyAccess(base: string, path: readonly string[], optionalFrom = path.length): string {
  return path.reduce((code, name, i) => {
    const chain = i >= optionalFrom ? '?.' : '';
    if (IDENTIFIER.test(name)) return `${code}${chain || '.'}${name}`;
    return `${code}${chain}['${name.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`;
  }, base);
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export interface ActionNames {
  readonly method: string;
  readonly paginator: string;
  readonly itemPaginator: string;
  readonly requestType: string;
  readonly responseType: string;
  readonly errorCodeType: string;
  readonly descriptor: string;
  readonly validateRequest: string;
  readonly validateResponse: string;
  /** Stem of the action's own files (its request validator module), the action's name (`<Action>`). */
  readonly file: string;
  /** The command class of the modular client: `<Action>Command`. */
  readonly command: string;
  /** The guard narrowing a caught error to this action's service error: `is<Action>Error`. */
  readonly errorGuard: string;
}

export function actionNames(action: Pick<ActionModel, 'name'>): ActionNames {
  const base = safeIdentifier(action.name);
  return {
    method: safeIdentifier(lowerFirst(action.name)),
    paginator: `paginate${base}`,
    itemPaginator: `paginate${base}Items`,
    requestType: `${base}Request`,
    responseType: `${base}Response`,
    errorCodeType: `${base}ErrorCode`,
    descriptor: `${lowerFirst(base)}Action`,
    validateRequest: `validate${base}Request`,
    validateResponse: `validate${base}Response`,
    file: base,
    command: `${base}Command`,
    errorGuard: `is${base}Error`,
  };
}

/** The error guards: `is<Product>Error`, and `is<Action>Error` for each action. An action whose guard
 * would take the product's name gets `is<Action>ActionError`. */
export function errorGuardNames(model: Pick<ServiceModel, 'clientName' | 'packageName' | 'actions'>): {
  readonly product: string;
  readonly actions: ReadonlyMap<string, string>;
} {
  const product = serviceNames(model).errorGuard;
  const actions = new Map<string, string>();
  for (const action of model.actions) {
    const name = actionNames(action).errorGuard;
    actions.set(action.name, name === product ? `is${safeIdentifier(action.name)}ActionError` : name);
  }
  return { product, actions };
}

export interface WaiterNames {
  /** The client method: `waitUntilInstanceRunning`. */
  readonly method: string;
  /** The exported descriptor constant: `instanceRunningWaiter`. */
  readonly descriptor: string;
}

export function waiterNames(waiter: WaiterModel): WaiterNames {
  const base = safeIdentifier(waiter.name);
  return { method: `waitUntil${base}`, descriptor: `${lowerFirst(base)}Waiter` };
}

export interface ServiceNames {
  readonly client: string;
  /** The modular client that only sends commands. */
  readonly bareClient: string;
  readonly clientConfig: string;
  /** Union of every documented code. */
  readonly errorCodeType: string;
  /** Union of the codes any action may return. */
  readonly commonErrorCodeType: string;
  readonly serviceError: string;
  /** The guard narrowing a caught error to the product's service error: `is<Product>Error`. */
  readonly errorGuard: string;
  /** The package's user-agent product token: `acs-rpc-<package>`. */
  readonly userAgentProduct: string;
  readonly descriptor: string;
  /** The table of documented error messages. */
  readonly errorMessages: string;
  /** The validator of the error envelope every action shares. */
  readonly validateErrorEnvelope: string;
  readonly npmName: string;
  /** The package's conformance command (its `bin` and the program name in its usage text). */
  readonly conformanceBin: string;
}

export function serviceNames(model: Pick<ServiceModel, 'clientName' | 'packageName'>): ServiceNames {
  const base = safeIdentifier(model.clientName);
  return {
    client: `${base}Client`,
    bareClient: `${base}BareClient`,
    clientConfig: `${base}ClientConfig`,
    errorCodeType: `${base}ErrorCode`,
    commonErrorCodeType: `${base}CommonErrorCode`,
    serviceError: `${base}ServiceError`,
    errorGuard: `is${base}Error`,
    userAgentProduct: `acs-rpc-${model.packageName}`,
    descriptor: `${lowerFirst(base)}Service`,
    errorMessages: `${lowerFirst(base)}ErrorMessages`,
    validateErrorEnvelope: 'validateErrorEnvelope',
    npmName: `@acs-rpc/${model.packageName}`,
    conformanceBin: `${model.packageName}-conformance`,
  };
}

/** The exported name of a generated validator. */
export function validatorName(
  model: Pick<ServiceModel, 'clientName' | 'packageName'>,
  v: ValidatorSchema,
): string {
  const subject = v.subject;
  if (subject.kind === 'errorEnvelope') return serviceNames(model).validateErrorEnvelope;
  const names = actionNames({ name: subject.action });
  return subject.kind === 'request' ? names.validateRequest : names.validateResponse;
}

const GLOBALS = new Set([
  'Array',
  'Date',
  'Error',
  'Function',
  'Map',
  'Number',
  'Object',
  'Promise',
  'Record',
  'Set',
  'String',
]);

/** A component schema name as an exported type name; a global's name gets a suffix, never shadows it. */
export function schemaTypeName(name: string): string {
  const id = safeIdentifier(name);
  return GLOBALS.has(id) ? `${id}Type` : id;
}

/** The npm name of the runtime every generated package imports (generated beside them, `runtime/`). */
export const RUNTIME_PACKAGE = '@acs-rpc/runtime';

/** The folder of the runtime package, beside the product packages (`generated/runtime`). */
export const RUNTIME_FOLDER = 'runtime';

/** How generated code imports a runtime module: `runtimeModule('client')` → `@acs-rpc/runtime/client.js`. */
export function runtimeModule(name: string): string {
  return `${RUNTIME_PACKAGE}/${name}.js`;
}

/** A hand-written template's relative imports of the runtime (`../runtime/x.js`, `../../runtime/x.js`),
 * as the generated package imports it. */
export function withRuntimeImports(source: string): string {
  return source.replace(
    /(['"])(?:\.\.\/)+runtime\/([a-z0-9-]+)\.js\1/g,
    (_m, q: string, name: string) => `${q}${runtimeModule(name)}${q}`,
  );
}

/** The module-level name of the `index`th shared schema of a generated validators module. */
export function schemaConstName(index: number): string {
  return `s${index}`;
}

/** The local name a generated validators module gives the runtime's `schemaValidator`. */
export const SCHEMA_VALIDATOR_LOCAL = 'v';

/** The local name a generated validators module gives the runtime's check of a schema keyword
 * (exported under the keyword's own name, which `enum` and `const` cannot be locally). */
export function keywordCheckLocal(keyword: string): string {
  return `k${keyword[0]?.toUpperCase()}${keyword.slice(1)}`;
}

/** The module-level name of the `index`th set of keyword checks of a generated validators module. */
export function keywordTableName(index: number): string {
  return `t${index}`;
}
