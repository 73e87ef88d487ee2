// Check stage: every rule runs and reports; nothing is thrown for a user's mistake.
import type { LoadedSpec } from '../load/load-spec.ts';
import { type CheckContext, createCheckContext } from './context.ts';
import type { Diagnostic } from './diagnostic.ts';
import { hasErrors } from './diagnostic.ts';
import { checkBinding } from './rules/binding.ts';
import { checkDuplicateActions } from './rules/duplicates.ts';
import { checkRefs } from './rules/refs.ts';
import { checkSchemaSupport } from './rules/schema-support.ts';
import { checkStateModel } from './rules/state-model.ts';
import { checkStructure } from './rules/structure.ts';

export async function checkSpec(spec: LoadedSpec, diagnostics: Diagnostic[]): Promise<CheckContext> {
  const ctx = createCheckContext(spec, diagnostics);
  await checkStructure(ctx);
  if (hasErrors(diagnostics)) return ctx;
  checkRefs(ctx);
  if (hasErrors(diagnostics)) return ctx;
  checkBinding(ctx);
  checkDuplicateActions(ctx);
  checkSchemaSupport(ctx);
  if (!hasErrors(diagnostics)) checkStateModel(ctx);
  return ctx;
}
