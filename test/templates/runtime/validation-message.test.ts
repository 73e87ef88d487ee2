// Differential: for every error that reaches it, the runtime's message (said from the keyword and
// params of a validator compiled without messages, as the generated ones are) is the one ajv itself
// writes when compiled with messages, on the same schemas and fixed-seed inputs.
import { describe, expect, it } from 'vitest';
import { ajvMessage } from '../../../templates/runtime/validation-message.ts';
import { SCHEMAS, sameWordsAsAjv } from '../../support/ajv-messages.ts';

/** Worded by validation.ts itself, so never asked of ajvMessage. */
const OWN_WORDS = new Set(['required', 'additionalProperties', 'propertyNames', 'enum']);

describe('ajvMessage ≡ ajv compiled with messages', () => {
  it.each(Object.keys(SCHEMAS).filter((n) => !OWN_WORDS.has(n)))('%s', (name) => {
    sameWordsAsAjv(name, ajvMessage);
  });

  it('names the keyword of an error it has no words for', () => {
    expect(ajvMessage({ keyword: 'multipleOf', params: { multipleOf: 2 } })).toBe('fails multipleOf');
  });
});
