// ajv, the oracle the runtime's schema check is held to: the model's validator schemas compiled as
// the generator compiled them while it shipped ajv's standalone code (allErrors, strict, int64 as a
// union type, no messages). A test compares its verdicts and errors with the generated validators'.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { DEFS_ID } from '../../generator/model/json-schema.ts';
import type { ServiceModel } from '../../generator/model/types.ts';
import { validatorSchemas } from '../../generator/model/validation-schemas.ts';

export const ORACLE_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  messages: false,
} as const;

/** Every validator of the model, by its id (`ajv.getSchema(v.id)`), and the shared definitions. */
export function oracleFor(model: ServiceModel): Ajv2020 {
  const ajv = new Ajv2020(ORACLE_OPTIONS);
  ajv.addSchema({ $id: DEFS_ID, $defs: model.schemaDefs });
  for (const v of validatorSchemas(model)) ajv.addSchema({ $id: v.id, ...v.schema });
  return ajv;
}
