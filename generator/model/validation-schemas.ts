// The schemas behind the generated validators, shared by the validators emitter (modules of schemas
// the runtime checks) and the example check (the same schemas, checked at generation time).
import { requestSchema } from './build-params.ts';
import { COMMON_ERROR_ENVELOPE } from './error-envelope.ts';
import { defsRef } from './json-schema.ts';
import type { ServiceModel } from './types.ts';

export interface ValidatorSchema {
  /** Request validators run on every call; response ones only when asked, so they load lazily. */
  readonly group: 'requests' | 'responses';
  /** What the validator checks; its exported name comes from emitters/naming.ts. */
  readonly subject:
    | { readonly kind: 'request' | 'response'; readonly action: string }
    | { readonly kind: 'errorEnvelope' };
  /** The id of the checked unit (internal to generation; ajv's id in the tests' oracle). */
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
