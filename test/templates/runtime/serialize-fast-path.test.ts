// toWireParams' one pass over the declarations against its definition (wireParamsOf: an index of the
// declarations, then every other key) on fixed-seed random declarations and requests: names declared
// twice, header parameters, every style, keys nobody declared, null and undefined values, inherited
// and non-enumerable keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParamDescriptor, Shape } from '../../../templates/runtime/descriptors.ts';
import { toWireParams, wireParamsOf } from '../../../templates/runtime/serialize.ts';

const SEED = { seed: 15_018, numRuns: 500 };

const name = fc.constantFrom('A', 'B', 'C', 'D', 'Tag', 'x-acs-h', 'toString');
const shape: fc.Arbitrary<Shape> = fc.constantFrom<Shape>(
  { kind: 'string' },
  { kind: 'integer' },
  { kind: 'array', items: { kind: 'string' } },
  { kind: 'object', properties: { Key: { kind: 'string' }, Value: { kind: 'string' } } },
);
const descriptor: fc.Arbitrary<ParamDescriptor> = fc.record(
  {
    name,
    style: fc.constantFrom('scalar', 'repeatList', 'flat', 'json', 'simple'),
    shape,
    in: fc.constant('header' as const),
  },
  { requiredKeys: ['name', 'style', 'shape'] },
);
const value = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string({ maxLength: 2 }), { maxLength: 3 }),
  fc.record({ Key: fc.string({ maxLength: 2 }), Other: fc.string({ maxLength: 2 }) }),
);
const request = fc
  .tuple(
    fc.dictionary(name, value, { maxKeys: 6 }),
    fc.dictionary(name, value, { maxKeys: 2 }),
    fc.option(name, { nil: undefined }),
  )
  .map(([own, inherited, hidden]) => {
    const params = Object.assign(Object.create(inherited) as Record<string, unknown>, own);
    if (hidden !== undefined) Object.defineProperty(params, hidden, { value: 'h', enumerable: false });
    return params as Readonly<Record<string, unknown>>;
  });

/** The pairs, or the error a value that cannot be written as text throws. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (error) {
    return String(error);
  }
}

describe('toWireParams ≡ wireParamsOf', () => {
  it('the same pairs in the same order, or the same error', () => {
    fc.assert(
      fc.property(fc.array(descriptor, { maxLength: 6 }), request, (descriptors, params) => {
        expect(outcome(() => toWireParams(params, descriptors))).toEqual(
          outcome(() => wireParamsOf(params, descriptors)),
        );
      }),
      SEED,
    );
  });
});
