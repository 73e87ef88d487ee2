// The schemas behind the generated validators, and the one ajv setup that compiles them, shared by
// the validators emitter (standalone code) and the example check (compiled at generation time).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { requestSchema } from './build-params.ts';
import { COMMON_ERROR_ENVELOPE } from './error-envelope.ts';
import { DEFS_ID, defsRef } from './json-schema.ts';
import type { ServiceModel } from './types.ts';

export interface ValidatorSchema {
  /** Request validators run on every call; response ones only when asked, so they load lazily. */
  readonly group: 'requests' | 'responses';
  /** What the validator checks; its exported name comes from emitters/naming.ts. */
  readonly subject:
    | { readonly kind: 'request' | 'response'; readonly action: string }
    | { readonly kind: 'errorEnvelope' };
  /** ajv's id of the compiled unit (internal to generation). */
  readonly id: string;
  readonly schema: Record<string, unknown>;
}

export function validatorSchemas(model: ServiceModel): ValidatorSchema[] {
  const list: ValidatorSchema[] = [];
  for (const action of model.actions) {
    list.push({
      group: 'requests',
      subject: { kind: 'request', action: action.name },
      id: requestValidatorId(action),
      schema: requestSchema(action.params),
    });
    list.push({
      group: 'responses',
      subject: { kind: 'response', action: action.name },
      id: `${action.name}Response`,
      schema: { $ref: defsRef(action.responseSchema) },
    });
  }
  list.push({
    group: 'responses',
    subject: { kind: 'errorEnvelope' },
    id: 'ErrorEnvelope',
    schema: model.errorSchema === undefined ? COMMON_ERROR_ENVELOPE : { $ref: defsRef(model.errorSchema) },
  });
  return list;
}

/** ajv configured the same way for standalone code and for checks, so both judge alike. */
export function createAjv(model: ServiceModel, options: { standalone: boolean }): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    // A request's int64 is `['integer', 'string']` (json-schema.ts).
    allowUnionTypes: true,
    // No sentence beside every check: the runtime says ajv's words from the keyword and params
    // (templates/runtime/validation-message.ts), and so does the example check.
    messages: false,
    ...(options.standalone ? { code: { source: true, esm: true, lines: true } } : {}),
  });
  ajv.addSchema({ $id: DEFS_ID, $defs: model.schemaDefs });
  for (const v of validatorSchemas(model)) ajv.addSchema({ $id: v.id, ...v.schema });
  return ajv;
}

/** The compiled unit that checks a component schema: the action's response validator when there is
 * one (already compiled for the package), else the schema in the shared definitions. */
export function validatorIdFor(model: ServiceModel, schemaName: string): string {
  if (model.errorSchema !== undefined && schemaName === model.errorSchema) return 'ErrorEnvelope';
  const action = model.actions.find((a) => a.responseSchema === schemaName);
  return action === undefined ? defsRef(schemaName) : `${action.name}Response`;
}

/** The compiled unit that checks an action's typed request. */
export function requestValidatorId(action: Pick<ServiceModel['actions'][number], 'name'>): string {
  return `${action.name}Request`;
}
