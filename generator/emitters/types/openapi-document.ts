// The OpenAPI 3.1 document openapi-typescript reads, built from the model (never from the raw spec):
// component schemas, and one operation per action with its API parameters and responses.
import { withComponentRefs } from '../../model/json-schema.ts';
import type { ActionModel, ServiceModel } from '../../model/types.ts';

type Json = Record<string, unknown>;

export function openapiDocument(model: ServiceModel): Json {
  return {
    openapi: '3.1.0',
    info: { title: model.title, version: model.apiVersion },
    paths: Object.fromEntries(model.actions.map((a) => [`/${a.name}`, pathItem(model, a)])),
    components: {
      schemas: Object.fromEntries(
        Object.entries(model.schemaDefs).map(([name, schema]) => [name, withComponentRefs(schema)]),
      ),
      ...(model.errorSchema === undefined ? {} : { responses: { Error: errorResponse(model.errorSchema) } }),
    },
  };
}

function pathItem(model: ServiceModel, action: ActionModel): Json {
  const operation: Json = {
    operationId: action.name,
    ...(action.summary === undefined ? {} : { summary: action.summary }),
    ...(action.description === undefined ? {} : { description: action.description }),
    ...(action.deprecated ? { deprecated: true } : {}),
    parameters: action.params.map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      ...(p.deprecated ? { deprecated: true } : {}),
      ...(p.description === undefined ? {} : { description: p.description }),
      schema: withComponentRefs(p.schema),
    })),
    responses: responses(model, action),
  };
  // One operation under the default method: a second one would repeat the operationId.
  return { [(action.methods[0] ?? 'GET').toLowerCase()]: operation };
}

function responses(model: ServiceModel, action: ActionModel): Json {
  // A spec without an error envelope documents no error responses.
  const errors = model.errorSchema === undefined ? [] : [...model.commonErrors, ...action.errors];
  const statuses = [...new Set(errors.map((e) => e.httpStatus))].sort();
  const body = { schema: { $ref: `#/components/schemas/${action.responseSchema}` } };
  return {
    '200': { description: 'Success.', content: { 'application/json': body, 'application/xml': body } },
    ...Object.fromEntries(statuses.map((s) => [String(s), { $ref: '#/components/responses/Error' }])),
  };
}

function errorResponse(errorSchema: string): Json {
  const body = { schema: { $ref: `#/components/schemas/${errorSchema}` } };
  return {
    description: 'An error: the common error envelope, in the requested format; `Code` says what went wrong.',
    content: { 'application/json': body, 'application/xml': body },
  };
}
