// The checks of the numeric and length bounds of a schema (schema-check.ts), as ajv words their errors;
// exported under the keywords' names for the generated validators, which import those they use.
import { fail, type KeywordCheck } from './schema-check.js';

/** `comparison` is what ajv reports; `ok` says it of a value and the bound. */
const limit =
  (
    keyword: 'maximum' | 'minimum' | 'exclusiveMaximum' | 'exclusiveMinimum',
    comparison: string,
    ok: (d: number, bound: number) => boolean,
  ): KeywordCheck =>
  (s) => {
    const bound = s[keyword] as number;
    return (d, p, o) => {
      if (!ok(d as number, bound)) fail(o, p, keyword, { comparison, limit: bound });
    };
  };
const checkMaximum: KeywordCheck = /*#__PURE__*/ limit('maximum', '<=', (d, b) => d <= b);
const checkMinimum: KeywordCheck = /*#__PURE__*/ limit('minimum', '>=', (d, b) => d >= b);
const checkExclusiveMaximum: KeywordCheck = /*#__PURE__*/ limit('exclusiveMaximum', '<', (d, b) => d < b);
const checkExclusiveMinimum: KeywordCheck = /*#__PURE__*/ limit('exclusiveMinimum', '>', (d, b) => d > b);

const items =
  (keyword: 'maxItems' | 'minItems'): KeywordCheck =>
  (s) => {
    const bound = s[keyword] as number;
    return (d, p, o) => {
      const count = (d as unknown[]).length;
      if (keyword === 'maxItems' ? count > bound : count < bound) fail(o, p, keyword, { limit: bound });
    };
  };
const checkMaxItems: KeywordCheck = /*#__PURE__*/ items('maxItems');
const checkMinItems: KeywordCheck = /*#__PURE__*/ items('minItems');

/** A string's length in code points, as JSON Schema counts it, counted only when its UTF-16 length
 * (at least the code points, at most twice them) cannot tell. */
function codePoints(d: string): number {
  let count = 0;
  for (const _ of d) count++;
  return count;
}
const checkMaxLength: KeywordCheck = (s) => {
  const bound = s.maxLength as number;
  return (d, p, o) => {
    const text = d as string;
    if (text.length > bound && codePoints(text) > bound) fail(o, p, 'maxLength', { limit: bound });
  };
};
const checkMinLength: KeywordCheck = (s) => {
  const bound = s.minLength as number;
  return (d, p, o) => {
    const text = d as string;
    if (text.length < bound || ((text.length + 1) >> 1 < bound && codePoints(text) < bound)) {
      fail(o, p, 'minLength', { limit: bound });
    }
  };
};

export {
  checkExclusiveMaximum as exclusiveMaximum,
  checkExclusiveMinimum as exclusiveMinimum,
  checkMaxItems as maxItems,
  checkMaximum as maximum,
  checkMaxLength as maxLength,
  checkMinItems as minItems,
  checkMinimum as minimum,
  checkMinLength as minLength,
};
