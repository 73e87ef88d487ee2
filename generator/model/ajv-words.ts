// ajv's English for an error of the schema check run at generation time (check-schemas.ts), whose
// errors have no messages: the runtime's words (templates/runtime/validation-message.ts) and those of
// the keywords the runtime says in its own words, so the example check reads as it did with ajv's.
import type { AjvErrorLike } from '../../templates/runtime/validation.ts';
import { ajvMessage } from '../../templates/runtime/validation-message.ts';

const RUNTIME_WORDED: Readonly<Record<string, string>> = {
  enum: 'must be equal to one of the allowed values',
  additionalProperties: 'must NOT have additional properties',
  propertyNames: 'property name must be valid',
};

export function ajvWords(error: Pick<AjvErrorLike, 'keyword' | 'params' | 'message'>): string {
  if (error.message !== undefined) return error.message;
  if (error.keyword === 'required') return `must have required property '${error.params.missingProperty}'`;
  return RUNTIME_WORDED[error.keyword] ?? ajvMessage(error);
}
