// Differential test: the runtime's schema check gives, for any schema of the supported keywords and
// any value, ajv's verdict and ajv's errors in ajv's order (as the generator configures ajv), so the
// issues users read are the ones ajv-compiled validators gave.
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchemaOf, KEYWORD_CHECKS } from '../../../generator/model/check-schemas.ts';
import { type CheckSchema, schemaValidator } from '../../../templates/runtime/schema-check.ts';
import { toIssues } from '../../../templates/runtime/validation.ts';
import { ORACLE_OPTIONS } from '../../support/ajv-oracle.ts';

type Json = Record<string, unknown>;

function ajvFor(root: Json | boolean) {
  // The oracle's options but strict mode, which only refuses schemas at compile time (a keyword
  // without its type): random schemas break it, values do not. Strict numbers stay (NaN, Infinity).
  const ajv = new Ajv2020({ ...ORACLE_OPTIONS, strict: false, strictNumbers: true });
  return ajv.compile(root);
}

/** The same schema as the runtime takes it: `#/$defs/x` refs become functions returning the definition. */
function ours(root: Json | boolean): CheckSchema {
  if (typeof root === 'boolean') return root;
  const defs = new Map<string, CheckSchema>();
  const given = (root.$defs ?? {}) as Record<string, unknown>;
  const def = (name: string): CheckSchema => {
    if (!defs.has(name)) defs.set(name, convert(given[name]));
    return defs.get(name) as CheckSchema;
  };
  const convert = (schema: unknown) => checkSchemaOf(rewrite(schema), (n) => () => def(n)) as CheckSchema;
  return convert(root);
}

/** `#/$defs/x` → the generator's `defs#/$defs/x`, which checkSchemaOf reads. */
function rewrite(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rewrite);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [
      k,
      k === '$ref' ? `defs${v}` : k === 'enum' || k === 'const' ? v : rewrite(v),
    ]),
  );
}

function verdict(
  validate: ((v: unknown) => boolean) & { errors?: readonly unknown[] | null | undefined },
  value: unknown,
) {
  const valid = validate(value);
  const errors = (validate.errors ?? []) as Json[];
  return {
    valid,
    errors: valid
      ? []
      : errors.map(({ instancePath, keyword, params, propertyName }) => ({
          instancePath,
          keyword,
          params,
          propertyName,
        })),
  };
}

function agree(root: Json | boolean, ...values: unknown[]): void {
  const theirs = ajvFor(root);
  const mine = schemaValidator(ours(root), KEYWORD_CHECKS);
  for (const value of values) {
    expect(verdict(mine, value)).toEqual(verdict(theirs, value));
    expect(toIssues(mine, value)).toEqual(toIssues(theirs as never, value));
  }
}

const KEYS = ['a', 'b', 'a.b', 'x/y', 'm~n', 'RegionId', '', 'constructor'];
const scalar = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(0.5, 1e21, 2 ** 53 + 2),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('', 'a', 'ab', '😀😀', '10', '-7', '007', 'a.b'),
  fc.boolean(),
  fc.constant(null),
);
const bounds = (keys: readonly string[], arb: fc.Arbitrary<number>) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, arb])), { requiredKeys: [] });

const { schema } = fc.letrec<{ schema: Json | boolean; object: Json; leaf: Json }>((tie) => ({
  leaf: fc.oneof(
    fc
      .tuple(
        fc.constantFrom('integer', 'number'),
        bounds(
          ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
          fc.integer({ min: -2, max: 8 }),
        ),
      )
      .map(([type, b]) => ({ type, ...b })),
    fc
      .tuple(
        bounds(['minLength', 'maxLength'], fc.integer({ min: 0, max: 3 })),
        fc.option(fc.constantFrom('^[a-z]+$', '^-?(0|[1-9][0-9]{0,18})$', '\\p{L}', '^[^.]+$'), {
          nil: undefined,
        }),
      )
      .map(([b, pattern]) => ({ type: 'string', ...b, ...(pattern === undefined ? {} : { pattern }) })),
    fc.constant({ type: 'boolean' }),
    fc.constant({
      type: ['integer', 'string'],
      pattern: '^-?(0|[1-9][0-9]{0,18})$',
      minimum: -9007199254740991,
      maximum: 9007199254740991,
    }),
    fc.constantFrom<Json>(
      { type: ['array', 'object'] },
      { type: ['number', 'integer'], maximum: 3 },
      { type: 'string', minimum: 2 },
      { minLength: 2, minimum: 1 },
      {},
    ),
    fc
      .uniqueArray(scalar, { minLength: 1, maxLength: 4, comparator: 'SameValueZero' })
      .map((values) => ({ enum: values })),
    fc
      .tuple(
        fc.constantFrom('string', 'integer', undefined),
        fc.uniqueArray(scalar, { minLength: 1, maxLength: 3, comparator: 'SameValueZero' }),
      )
      .map(([type, values]) => ({ ...(type === undefined ? {} : { type }), enum: values })),
    scalar.map((value) => ({ const: value })),
    fc.constantFrom<Json>(
      { enum: [{ a: 1 }, [1, 2], 'x'] },
      { const: { a: [1, { b: null }] } },
      { const: [] },
    ),
    fc.constantFrom<Json>(
      { $ref: '#/$defs/node' },
      { $ref: '#/$defs/name', type: 'string' },
      { $ref: '#/$defs/name', maxLength: 1 },
    ),
  ),
  object: fc
    .record(
      {
        properties: fc.dictionary(fc.constantFrom(...KEYS), tie('schema'), {
          maxKeys: 4,
          noNullPrototype: true,
        }),
        required: fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 3 }),
        additionalProperties: fc.oneof(fc.boolean(), tie('schema')),
        propertyNames: fc.constantFrom<Json>(
          { type: 'string', minLength: 1, pattern: '^[^.]+$' },
          { maxLength: 1 },
        ),
        type: fc.constantFrom('object', ['object', 'array']),
      },
      { requiredKeys: ['type'] },
    )
    .map((o) => o as Json),
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    tie('object'),
    fc
      .record(
        {
          type: fc.constantFrom('array', ['array', 'string']),
          items: tie('schema'),
          minItems: fc.integer({ min: 0, max: 3 }),
          maxItems: fc.integer({ min: 0, max: 4 }),
          uniqueItems: fc.boolean(),
        },
        { requiredKeys: ['type'] },
      )
      .map((a) => a as Json),
    fc.boolean(),
  ),
}));
const DEFS = {
  node: {
    type: 'object',
    properties: { name: { $ref: '#/$defs/name' }, kids: { type: 'array', items: { $ref: '#/$defs/node' } } },
    required: ['name'],
    additionalProperties: false,
  },
  name: { type: 'string', minLength: 1, maxLength: 3 },
};

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.constant(-0),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.constantFrom(1, 2, '1', 'a', true, null, [1], { a: 1 }), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom(...KEYS, 'name', 'kids', 'c'), tie('value'), {
      maxKeys: 5,
      noNullPrototype: true,
    }),
    fc.constantFrom(
      { name: 'ab', kids: [{ name: '' }, { name: 'x', kids: [{}] }] },
      { a: { a: 1 }, b: [[1, 2]] },
    ),
  ),
}));

describe('schema check ≡ ajv', () => {
  it('gives ajv’s verdict and errors, in order, for 800 random schemas, 6 values each', () => {
    fc.assert(
      fc.property(schema, fc.array(value, { minLength: 6, maxLength: 6 }), (s, vs) =>
        agree(typeof s === 'boolean' ? s : { ...s, $defs: DEFS }, ...vs),
      ),
      { numRuns: 800, seed: 20261206 },
    );
  });

  it.each<[Json, unknown]>([
    [{ type: 'string', minLength: 2, enum: ['a', 'bb'] }, 5],
    [{ type: 'string', enum: ['a'] }, 5],
    [{ type: 'integer', minimum: 2 }, 1.5],
    [{ type: 'array', items: { type: ['integer', 'string'] }, uniqueItems: true }, [1, '1', 1, 'x', '1']],
    [{ type: 'array', items: { type: 'object' }, uniqueItems: true }, [{ a: 1 }, { a: 1 }]],
    [{ type: 'array', uniqueItems: true }, [[1], [1], 2]],
    [
      { type: 'object', properties: { a: false }, additionalProperties: false },
      { a: 1, b: 2, 'x/y': 3 },
    ],
    [
      { type: 'object', propertyNames: { type: 'string', pattern: '^[^.]+$', minLength: 1 } },
      { '': 1, 'a.b': 2, ok: 3 },
    ],
    [
      { type: 'object', additionalProperties: { type: 'integer' }, properties: { a: { type: 'string' } } },
      { a: 1, 'm~n': 'x' },
    ],
    [{ $ref: '#/$defs/node' }, { name: 'toolong', kids: [{ kids: [{ name: 'x', extra: 1 }] }] }],
    [{ type: 'object', required: ['constructor', 'a'] }, {}],
    [
      { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } } },
      Object.create({ a: 1, b: 'x' }),
    ],
    [
      { type: 'object', properties: { b: { type: 'string' }, a: { type: 'string' } } },
      { a: 1, b: 2 },
    ],
    [{ type: 'number', maximum: 3 }, Number.NaN],
    [{ type: ['integer', 'string'], pattern: '^-?(0|[1-9][0-9]{0,18})$', minimum: -5 }, -9],
    [{ type: 'string', maxLength: 2 }, '😀😀'],
    [{ type: 'string', maxLength: 2, minLength: 2 }, '\uD800a\uDC00'],
    [{ type: 'string', minLength: 3 }, 'a😀'],
    [{ const: { a: [1] } }, { a: [1] }],
    [{ enum: [[1, 2]] }, [2, 1]],
  ])('agrees on %j with %j', (s, v) => agree({ ...s, $defs: DEFS }, v));
});
