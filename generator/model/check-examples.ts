// Model-stage check: every example in the spec matches the model's schemas; XML examples are read as the client reads XML.
import type { ErrorObject } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createReporter, type Diagnostic, type Locator } from '../shared/diagnostic.ts';
import type { ExampleModel, ServiceModel } from './types.ts';
import { validatorIdFor } from './validation-schemas.ts';

/** Turns an XML example into the value a client would get, or throws with the reason. */
export type XmlReader = (example: ExampleModel) => Promise<unknown>;

/** `ajv` is the instance the validators emitter compiles from, so each schema compiles once. */
export async function checkExamples(
  source: Locator,
  model: ServiceModel,
  ajv: Ajv2020,
  readXml: XmlReader,
): Promise<readonly Diagnostic[]> {
  const ctx = createReporter(source);
  for (const example of model.actions.flatMap((a) => a.examples)) {
    let value = example.value;
    if (example.mediaType === 'xml') {
      try {
        value = await readXml(example);
      } catch (error) {
        ctx.report(
          'example.invalid',
          example.pointer,
          `Example "${example.name}" is not readable XML: ${reason(error)}`,
        );
        continue;
      }
    }
    const validate = ajv.getSchema(validatorIdFor(model, example.schemaName));
    if (validate !== undefined && !validate(value)) {
      const problems = (validate.errors ?? []).map(describe).join('; ');
      ctx.report(
        'example.invalid',
        example.pointer,
        `Example "${example.name}" does not match ${example.schemaName}: ${problems}.`,
      );
    }
  }
  return ctx.diagnostics;
}

function describe(e: ErrorObject): string {
  const at = e.instancePath === '' ? '(root)' : e.instancePath.slice(1).replaceAll('/', '.');
  if (e.keyword === 'required') return `${at} must have property "${e.params.missingProperty}"`;
  return `${at} ${e.message ?? e.keyword}`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
