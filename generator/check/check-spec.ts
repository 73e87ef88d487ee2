// Check stage: every rule runs and reports; nothing is thrown for a user's mistake. The stage returns
// its own diagnostics; later stages run only when none is an error.
import type { LoadedSpec } from '../load/load-spec.ts';
import { createReporter, type Diagnostic, hasErrors } from '../shared/diagnostic.ts';
import type { CheckContext } from './context.ts';
import { checkBinding } from './rules/binding.ts';
import { checkDuplicateActions, checkDuplicateParameters } from './rules/duplicates.ts';
import { checkErrorCodes } from './rules/error-codes.ts';
import { checkHeaderParameters } from './rules/param-header.ts';
import { checkParameterStyles } from './rules/param-style.ts';
import { checkRefs } from './rules/refs.ts';
import { checkSchemaSupport } from './rules/schema-support.ts';
import { checkStateModel } from './rules/state-model.ts';
import { checkStructure } from './rules/structure.ts';
import { checkWaiters } from './rules/waiters.ts';

export async function checkSpec(spec: LoadedSpec): Promise<readonly Diagnostic[]> {
  const { report, diagnostics } = createReporter(spec);
  const ctx: CheckContext = { spec, report };
  await checkStructure(ctx);
  if (hasErrors(diagnostics)) return diagnostics;
  checkRefs(ctx);
  if (hasErrors(diagnostics)) return diagnostics;
  checkBinding(ctx);
  checkParameterStyles(ctx);
  checkHeaderParameters(ctx);
  checkDuplicateActions(ctx);
  checkDuplicateParameters(ctx);
  checkErrorCodes(ctx);
  checkSchemaSupport(ctx);
  // The state model and waiters are read only once the binding's shape is known good.
  if (!hasErrors(diagnostics)) checkStateModel(ctx);
  if (!hasErrors(diagnostics)) checkWaiters(ctx);
  return diagnostics;
}
