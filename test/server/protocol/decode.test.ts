// Server-side decoding of structured parameters (server/protocol/decode.ts): what the runtime's
// serializer sends comes back as the same value, and malformed keys are refused by their wire name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeParams, issueToError } from '../../../server/protocol/decode.ts';
import type { ActionDescriptor } from '../../../templates/runtime/descriptors.ts';
import { toWireParams } from '../../../templates/runtime/serialize.ts';
import { fixturePackage } from '../../support/fixture-package.ts';

const { module } = await fixturePackage<{ createShapeAction: ActionDescriptor }>(
  'test/fixtures/specs/structured.yaml',
);
const action = module.createShapeAction;
const decode = (pairs: [string, string][]) => decodeParams(action, pairs);

const text = fc.string({ maxLength: 8 }).filter((s) => !s.includes(','));
const request = fc.record(
  {
    RegionId: text,
    OwnerId: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
    Tag: fc.array(fc.record({ Key: text, Value: text }, { requiredKeys: [] }), { maxLength: 4 }),
    NetworkInterface: fc.array(
      fc.record(
        { VSwitchId: text, SecurityGroupIds: fc.array(text, { minLength: 1, maxLength: 3 }) },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    ),
    Config: fc.record({ Reason: text, Level: fc.integer() }, { requiredKeys: ['Reason'] }),
    Filter: fc.record({ Names: fc.array(text) }, { requiredKeys: [] }),
    Zones: fc.array(
      text.filter((s) => s !== ''),
      { minLength: 1, maxLength: 4 },
    ),
  },
  { requiredKeys: ['RegionId'] },
);

/** Values the wire cannot tell apart from absence: empty lists and items with no field send nothing. */
function sendable(value: Record<string, unknown>): boolean {
  const lists = [value.Tag, value.NetworkInterface] as (Record<string, unknown>[] | undefined)[];
  return lists.every(
    (list) => list === undefined || (list.length > 0 && list.every((i) => Object.keys(i).length > 0)),
  );
}

describe('decodeParams, structured styles', () => {
  it('gives back what the serializer sent, for nested shapes (round trip)', () => {
    fc.assert(
      fc.property(request.filter(sendable), (value) => {
        expect(decode(toWireParams(value, action.params))).toEqual(value);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it.each<[string, { given: [string, string][]; want: string }]>([
    [
      'a gap in the list',
      {
        given: [
          ['Tag.1.Key', 'a'],
          ['Tag.3.Key', 'c'],
        ],
        want: 'Tag.3.Key',
      },
    ],
    ['a list that starts at 2', { given: [['Tag.2.Key', 'a']], want: 'Tag.2.Key' }],
    ['index 0', { given: [['Tag.0.Key', 'a']], want: 'Tag.0.Key' }],
    ['a leading zero', { given: [['Tag.01.Key', 'a']], want: 'Tag.01.Key' }],
    ['an index that is not a number', { given: [['Tag.x.Key', 'a']], want: 'Tag.x.Key' }],
    ['an undeclared item field', { given: [['Tag.1.Colour', 'a']], want: 'Tag.1.Colour' }],
    ['an object item sent as a scalar', { given: [['Tag.1', 'a']], want: 'Tag.1' }],
    ['a scalar field sent deeper', { given: [['Config.Reason.1', 'a']], want: 'Config.Reason.1' }],
    [
      'a gap in a nested list',
      {
        given: [
          ['NetworkInterface.1.SecurityGroupIds.1', 'a'],
          ['NetworkInterface.1.SecurityGroupIds.3', 'c'],
        ],
        want: 'NetworkInterface.1.SecurityGroupIds.3',
      },
    ],
    ['json that does not parse', { given: [['Filter', '{']], want: 'Filter' }],
  ])('refuses %s as InvalidParameter naming the wire key', (_name, { given, want }) => {
    expect(() => decode(given)).toThrow(expect.objectContaining({ code: 'InvalidParameter', param: want }));
  });

  it('names a validation issue inside a list by its wire key', () => {
    const value = decode([
      ['RegionId', 'r'],
      ['Tag.1.Key', 'k'],
      ['Tag.2.Key', 'k'.repeat(129)],
    ]);
    const issue = action.validateRequest(value)[0]!;
    expect(issueToError(issue, action)).toMatchObject({ code: 'InvalidParameter', param: 'Tag.2.Key' });
  });

  it('keeps an int64 beyond 2^53 as its decimal text', () => {
    expect(
      decode([
        ['RegionId', 'r'],
        ['OwnerId', '253460731706911258'],
      ]),
    ).toEqual({
      RegionId: 'r',
      OwnerId: '253460731706911258',
    });
  });
});
