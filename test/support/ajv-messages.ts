// The differential check of the words said for ajv's errors (templates/runtime/validation-message.ts,
// generator/model/ajv-words.ts): a schema per keyword, as the model writes them, compiled with ajv's
// messages and without (as the generated validators are), the same fixed-seed inputs through both.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { expect } from 'vitest';

const OPTIONS = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true } as const;

/** A schema per keyword, as the model writes them (json-schema.ts, build-params.ts). */
export const SCHEMAS: Record<string, Record<string, unknown>> = {
  type: { type: 'string' },
  'type (int64 request)': {
    type: ['integer', 'string'],
    pattern: '^-?(0|[1-9][0-9]{0,18})$',
    minimum: -9007199254740991,
    maximum: 9007199254740991,
  },
  minimum: { type: 'number', minimum: 1 },
  maximum: { type: 'number', maximum: 0.5 },
  exclusiveMinimum: { type: 'integer', exclusiveMinimum: -3 },
  exclusiveMaximum: { type: 'integer', exclusiveMaximum: 100 },
  minLength: { type: 'string', minLength: 2 },
  maxLength: { type: 'string', maxLength: 3 },
  pattern: { type: 'string', pattern: '^[a-z"\\\\]+$' },
  minItems: { type: 'array', minItems: 2 },
  maxItems: { type: 'array', maxItems: 1 },
  uniqueItems: { type: 'array', uniqueItems: true },
  enum: { enum: ['Running', 'Stopped', 3] },
  const: { const: 'only' },
  required: { type: 'object', required: ['RegionId', "Odd'Name"] },
  additionalProperties: { type: 'object', properties: { A: {} }, additionalProperties: false },
  propertyNames: {
    type: 'object',
    propertyNames: { pattern: '^[^.]+$' },
    additionalProperties: { type: 'string' },
  },
};

const leaf = fc.oneof(
  fc.integer({ min: -10, max: 200 }),
  fc.double({ noNaN: true, min: -2, max: 2 }),
  fc.string({ maxLength: 5 }),
  fc.constantFrom('Running', 'only', 'a"b', '12', '-9007199254740992', 'x.y', ''),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  leaf,
  fc.array(fc.oneof(fc.constantFrom(1, 'a'), leaf), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom('A', 'B', 'RegionId', 'x.y', ''), leaf, { maxKeys: 3 }),
);

function errorsOf(validate: { (v: unknown): boolean; errors?: ErrorObject[] | null }, input: unknown) {
  return validate(input) ? [] : (validate.errors ?? []);
}

const withMessages = new Ajv2020(OPTIONS);
const without = new Ajv2020({ ...OPTIONS, messages: false });

/** Asserts `say` gives ajv's own message for every error the case's schema raises, and that the
 * inputs reached the case's keyword (so the comparison was not vacuous). */
export function sameWordsAsAjv(name: string, say: (error: ErrorObject) => string): void {
  const schema = SCHEMAS[name]!;
  const told = withMessages.compile(schema);
  const bare = without.compile(schema);
  const keywords = new Set<string>();
  fc.assert(
    fc.property(value, (input) => {
      const expected = errorsOf(told, input);
      const actual = errorsOf(bare, input);
      expect(actual.map((e) => e.message)).toEqual(actual.map(() => undefined));
      expect(actual.map(say)).toEqual(expected.map((e) => e.message));
      for (const e of actual) keywords.add(e.keyword);
    }),
    { numRuns: 400, seed: 20261206 },
  );
  expect(keywords).toContain(name.split(' ')[0]);
}
