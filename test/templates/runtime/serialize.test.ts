// Typed request → RPC wire parameters (templates/runtime/serialize.ts): flat and repeat-list styles.
import { describe, expect, it } from 'vitest';
import type { ParamDescriptor } from '../../../templates/runtime/descriptors.ts';
import { formEncode, toWireParams } from '../../../templates/runtime/serialize.ts';

const descriptors: readonly ParamDescriptor[] = [
  { name: 'RegionId', style: 'flat', type: 'string' },
  { name: 'InstanceId', style: 'repeatList', type: 'string' },
  { name: 'PageNumber', style: 'flat', type: 'integer' },
  { name: 'DryRun', style: 'flat', type: 'boolean' },
];

describe('toWireParams', () => {
  it.each<[string, { given: Record<string, unknown>; want: Array<[string, string]> }]>([
    ['a flat string', { given: { RegionId: 'cn-hangzhou' }, want: [['RegionId', 'cn-hangzhou']] }],
    [
      'numbers and booleans through String()',
      {
        given: { PageNumber: 2, DryRun: false },
        want: [
          ['PageNumber', '2'],
          ['DryRun', 'false'],
        ],
      },
    ],
    [
      'a repeat list, 1-based, items in order',
      {
        given: { InstanceId: ['i-b', 'i-a'] },
        want: [
          ['InstanceId.1', 'i-b'],
          ['InstanceId.2', 'i-a'],
        ],
      },
    ],
    [
      'descriptor order, whatever the object order',
      {
        given: { DryRun: true, InstanceId: ['i-1'], RegionId: 'cn-beijing' },
        want: [
          ['RegionId', 'cn-beijing'],
          ['InstanceId.1', 'i-1'],
          ['DryRun', 'true'],
        ],
      },
    ],
    [
      'undefined and null are left out',
      { given: { RegionId: undefined, PageNumber: null, DryRun: true }, want: [['DryRun', 'true']] },
    ],
    ['an empty repeat list sends nothing', { given: { InstanceId: [] }, want: [] }],
    ['an empty string is still sent', { given: { RegionId: '' }, want: [['RegionId', '']] }],
    [
      'unknown parameters pass flat, after the described ones (validation is elsewhere)',
      {
        given: { Extra: 'x', RegionId: 'r' },
        want: [
          ['RegionId', 'r'],
          ['Extra', 'x'],
        ],
      },
    ],
    [
      'twelve items keep their numbering (sorting is the signer’s job)',
      {
        given: { InstanceId: Array.from({ length: 12 }, (_, i) => `i-${i + 1}`) },
        want: Array.from({ length: 12 }, (_, i): [string, string] => [`InstanceId.${i + 1}`, `i-${i + 1}`]),
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(toWireParams(given, descriptors)).toEqual(want);
  });
});

describe('formEncode', () => {
  it('encodes keys and values with the given encoder, in the given order', () => {
    expect(
      formEncode(
        [
          ['b', '1 2'],
          ['a', 'x'],
        ],
        (s) => s.toUpperCase(),
      ),
    ).toBe('B=1 2&A=X');
    expect(formEncode([], encodeURIComponent)).toBe('');
  });
});

describe('toWireParams, repeat lists exactly', () => {
  const descriptors = [
    { name: 'Ids', style: 'repeatList' as const },
    { name: 'Flat', style: 'flat' as const },
  ];
  it.each<[string, { given: Record<string, unknown>; want: Array<[string, string]> }]>([
    [
      'null and undefined items are skipped, numbering kept',
      {
        given: { Ids: ['a', null, undefined, 'd'] },
        want: [
          ['Ids.1', 'a'],
          ['Ids.4', 'd'],
        ],
      },
    ],
    [
      'falsy items are sent',
      {
        given: { Ids: [0, false, ''] },
        want: [
          ['Ids.1', '0'],
          ['Ids.2', 'false'],
          ['Ids.3', ''],
        ],
      },
    ],
    ['a scalar for a repeat list is sent flat', { given: { Ids: 'x' }, want: [['Ids', 'x']] }],
    [
      'a list for a flat parameter is sent as its text',
      { given: { Flat: ['a', 'b'] }, want: [['Flat', 'a,b']] },
    ],
    [
      'a list for an undeclared parameter is sent as its text',
      { given: { Other: ['a', 'b'] }, want: [['Other', 'a,b']] },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(toWireParams(given, descriptors)).toEqual(want);
  });
});
