// Differential: the example check's words for an error of a validator compiled without messages are
// ajv's own with messages, for every error the supported schema keywords raise.
import { describe, expect, it } from 'vitest';
import { ajvWords } from '../../../generator/model/ajv-words.ts';
import { SCHEMAS, sameWordsAsAjv } from '../../support/ajv-messages.ts';

describe('ajvWords ≡ ajv compiled with messages', () => {
  it.each(Object.keys(SCHEMAS))('%s', (name) => {
    sameWordsAsAjv(name, ajvWords);
  });

  it('keeps a message ajv wrote', () => {
    expect(ajvWords({ keyword: 'type', params: { type: 'string' }, message: 'said' })).toBe('said');
  });
});
