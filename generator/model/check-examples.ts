// Model-stage check: every example in the spec matches the model's schemas; XML examples are read as the client reads XML.
import type { AjvErrorLike, SchemaValidate } from '../../templates/runtime/validation.ts';
import { createReporter, type Diagnostic, type Locator } from '../shared/diagnostic.ts';
import { ajvWords } from './ajv-words.ts';
import { schemaChecks } from './check-schemas.ts';
import type { ActionModel, ExampleModel, ServiceModel } from './types.ts';
import { requestValidatorId, validatorIdFor } from './validation-schemas.ts';

type Checks = (id: string) => SchemaValidate | undefined;

/** Turns an XML example into the value a client would get, or throws with the reason. */
export type XmlReader = (example: ExampleModel) => Promise<unknown>;

/** Examples are judged by the runtime's schema check on the schemas the generated validators hold. */
export async function checkExamples(
  source: Locator,
  model: ServiceModel,
  readXml: XmlReader,
): Promise<readonly Diagnostic[]> {
  const ctx = createReporter(source);
  const checks = schemaChecks(model);
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
    const validate = checks(validatorIdFor(model, example.schemaName));
    if (validate !== undefined && !validate(value)) {
      const problems = (validate.errors ?? []).map(describe).join('; ');
      ctx.report(
        'example.invalid',
        example.pointer,
        `Example "${example.name}" does not match ${example.schemaName}: ${problems}.`,
      );
    }
  }
  for (const action of model.actions) checkParamExamples(ctx.report, action, checks);
  return ctx.diagnostics;
}

/** Each parameter example, alone in a request checked by the action's own request validator: an
 * error at that parameter (not a missing other one) refutes it. */
function checkParamExamples(
  report: ReturnType<typeof createReporter>['report'],
  action: ActionModel,
  checks: Checks,
): void {
  const validate = checks(requestValidatorId(action));
  if (validate === undefined) return;
  for (const param of action.params) {
    if (param.example === undefined || validate({ [param.name]: param.example })) continue;
    const mine = (validate.errors ?? []).filter((e) => e.keyword !== 'required' || e.instancePath !== '');
    if (mine.length === 0) continue;
    report(
      'example.invalid',
      param.examplePointer,
      `Example of parameter ${param.name} of ${action.name} does not match its schema: ${mine.map(describe).join('; ')}.`,
    );
  }
}

function describe(e: AjvErrorLike): string {
  const at = e.instancePath === '' ? '(root)' : e.instancePath.slice(1).replaceAll('/', '.');
  if (e.keyword === 'required') return `${at} must have property "${e.params.missingProperty}"`;
  return `${at} ${ajvWords(e)}`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
