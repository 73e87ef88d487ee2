// Parameters of an action: the API's own (typed request) apart from the RPC common ones.
import { joinPointer } from '../load/pointer.ts';
import { toJsonSchema } from './json-schema.ts';
import { deref, shapeOf } from './shape.ts';
import type { ParamModel, ParamStyle } from './types.ts';

type Raw = Record<string, unknown>;

export function buildParams(root: unknown, operation: Raw): ParamModel[] {
  const raw = Array.isArray(operation.parameters) ? operation.parameters : [];
  const params: ParamModel[] = [];
  for (const entry of raw) {
    const param = deref(root, entry);
    if (param['x-acs-common'] === true || param.in !== 'query') continue;
    params.push({
      name: String(param.name),
      // The check stage has refused any other value.
      style: (param['x-acs-style'] ?? 'scalar') as ParamStyle,
      shape: shapeOf(root, param.schema),
      required: param.required === true,
      deprecated: param.deprecated === true,
      description: typeof param.description === 'string' ? param.description.trim() : undefined,
      schema: toJsonSchema(param.schema ?? {}, 'request') as Raw,
      example: param.example,
    });
  }
  return params;
}

/** The validator schema of a typed request: one property per parameter, nothing else allowed. */
export function requestSchema(params: readonly ParamModel[]): Raw {
  const properties: Raw = {};
  for (const p of params) {
    properties[p.name] = p.deprecated ? { ...p.schema, deprecated: true } : p.schema;
  }
  const required = params.filter((p) => p.required).map((p) => p.name);
  return { type: 'object', properties, required, additionalProperties: false };
}

export function paramPointer(operationPointer: string, index: number): string {
  return joinPointer(operationPointer, 'parameters', index);
}
