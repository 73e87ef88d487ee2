// Model stage: the only code that reads raw OpenAPI. Runs on a spec that passed the check stage and
// returns the model with the stage's own diagnostics.
import type { LoadedSpec } from '../load/load-spec.ts';
import { isObject, operations } from '../load/walk.ts';
import { createReporter, type Diagnostic } from '../shared/diagnostic.ts';
import { buildAction } from './build-action.ts';
import { buildErrors } from './build-errors.ts';
import { buildResources } from './build-state.ts';
import { componentName, toJsonSchema } from './json-schema.ts';
import { deref } from './shape.ts';
import type { ActionModel, JsonSchema, ServiceModel } from './types.ts';

type Raw = Record<string, unknown>;

export function buildModel(
  spec: LoadedSpec,
  specFile: string,
): { readonly model: ServiceModel; readonly diagnostics: readonly Diagnostic[] } {
  const { report, diagnostics } = createReporter(spec);
  const root = spec.value as Raw;
  const service = root['x-acs-service'] as Raw;
  const info = root.info as Raw;
  const actions: ActionModel[] = [];
  const resources = buildResources(service.resources);
  for (const { pointer, operation } of operations(root)) {
    const action = buildAction(root, operation, pointer, report, resources);
    if (action !== undefined) actions.push(action);
  }
  const endpoints = service.endpoints as Raw;
  const signature = service.signature as Raw;
  const format = (service.responseFormat ?? {}) as Raw;
  const schemas = ((root.components as Raw | undefined)?.schemas ?? {}) as Raw;
  const model: ServiceModel = {
    specFile,
    title: String(info.title),
    description: typeof info.description === 'string' ? info.description.trim() : undefined,
    product: String(service.product),
    packageName: String(service.package),
    clientName: String(service.clientName),
    apiVersion: String(service.apiVersion),
    endpoints: {
      regional: String(endpoints.regional),
      central: String(endpoints.central),
      centralRegions: (endpoints.centralRegions ?? []) as string[],
    },
    signature: {
      default: signature.default as 'ACS3-HMAC-SHA256' | 'HMAC-SHA1',
      supported: signature.supported as string[],
      timestampWindowSeconds: Number(signature.timestampWindowSeconds),
    },
    responseFormat: {
      default: (format.default ?? 'JSON') as 'JSON' | 'XML',
      parameter: String(format.parameter ?? 'Format'),
      caseInsensitive: format.caseInsensitive !== false,
      acceptHeader: format.acceptHeader !== false,
    },
    commonErrors: buildErrors(service.errors),
    errorSchema: findErrorSchema(root, report),
    actions,
    resources,
    schemaDefs: Object.fromEntries(
      Object.entries(schemas).map(([k, v]) => [k, toJsonSchema(v) as JsonSchema]),
    ),
    schemaDescriptions: Object.fromEntries(
      Object.entries(schemas).map(([k, v]) => [
        k,
        isObject(v) && typeof v.description === 'string' ? v.description : undefined,
      ]),
    ),
  };
  return { model, diagnostics };
}

/** The envelope every non-2xx response shares; one schema, so one error type and validator. */
function findErrorSchema(
  root: Raw,
  report: (code: string, pointer: string, message: string) => void,
): string | undefined {
  for (const { pointer, operation } of operations(root)) {
    for (const [status, entry] of Object.entries((operation.responses ?? {}) as Raw)) {
      if (status.startsWith('2')) continue;
      const media = ((deref(root, entry).content ?? {}) as Raw)['application/json'] as Raw | undefined;
      const ref = (media?.schema as Raw | undefined)?.$ref;
      const name = typeof ref === 'string' ? componentName(ref) : undefined;
      if (name !== undefined) return name;
      report(
        'model.response',
        `${pointer}/responses/${status}`,
        'Error responses need application/json content with a $ref schema.',
      );
    }
  }
  return undefined;
}
