// The check of a schema's `pattern` (schema-check.ts), as ajv words its error; exported under the
// keyword's name for the generated validators that use it.
import { fail, type KeywordCheck } from './schema-check.js';

const checkPattern: KeywordCheck = (s) => {
  const pattern = s.pattern as string;
  const re = new RegExp(pattern, 'u');
  return (d, p, o) => {
    if (!re.test(d as string)) fail(o, p, 'pattern', { pattern });
  };
};

export { checkPattern as pattern };
