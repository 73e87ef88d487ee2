// toWireParams walks an action's descriptors with loops, no map by name built per call: on
// fixed-seed random descriptors (unique names, as the check stage ensures) and inputs (described,
// unknown, header, absent and null values, names that are Object.prototype's), the same wire
// parameters in the same order as a lookup through a Map by name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParamDescriptor } from '../../../templates/runtime/descriptors.ts';
import { toWireParams } from '../../../templates/runtime/serialize.ts';

const SEED = { seed: 15_018, numRuns: 400 };

/** toWireParams as it was written with a Map: described names in their order, then the others. */
function byMap(params: Readonly<Record<string, unknown>>, descriptors: readonly ParamDescriptor[]) {
  const byName = new Map(descriptors.map((d) => [d.name, d]));
  const names = [...byName.keys(), ...Object.keys(params).filter((k) => !byName.has(k))];
  const wire: Array<[string, string]> = [];
  for (const name of names) {
    const value = params[name];
    if (value === undefined || value === null) continue;
    const descriptor = byName.get(name);
    // Every descriptor here is a scalar: what the styles write is serialize.test.ts's concern.
    if (descriptor === undefined) wire.push([name, String(value)]);
    else if (descriptor.in !== 'header') wire.push([name, String(value)]);
  }
  return wire;
}

const name = fc.constantFrom('RegionId', 'PageSize', 'Tag', 'a', 'A', 'constructor', 'toString', '0', '1');
const descriptor = (n: string, header: boolean): ParamDescriptor => ({
  name: n,
  style: 'scalar',
  shape: { kind: 'string' },
  ...(header ? { in: 'header' as const } : {}),
});

describe('toWireParams ≡ a lookup through a Map by name', () => {
  it('the same pairs in the same order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(name, fc.boolean()), { selector: ([n]) => n, maxLength: 6 }),
        fc.dictionary(
          name,
          fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null), fc.constant(undefined)),
        ),
        (described, params) => {
          const descriptors = described.map(([n, header]) => descriptor(n, header));
          expect(toWireParams(params, descriptors)).toEqual(byMap(params, descriptors));
        },
      ),
      SEED,
    );
  });
});
