// Typed request → RPC wire parameters (templates/runtime/serialize.ts): every style of Alibaba's
// metadata, lists of objects and nested lists in a deterministic order.
import { describe, expect, it } from 'vitest';
import type { ParamDescriptor } from '../../../templates/runtime/descriptors.ts';
import {
  formEncode,
  toHeaderParams,
  toWireParams,
  wireNameOf,
} from '../../../templates/runtime/serialize.ts';

const descriptors: readonly ParamDescriptor[] = [
  { name: 'RegionId', style: 'scalar', shape: { kind: 'string' } },
  { name: 'InstanceId', style: 'repeatList', shape: { kind: 'array', items: { kind: 'string' } } },
  { name: 'PageNumber', style: 'scalar', shape: { kind: 'integer' } },
  { name: 'DryRun', style: 'scalar', shape: { kind: 'boolean' } },
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

const str = { kind: 'string' } as const;
const tag = { kind: 'object', properties: { Key: str, Value: str } } as const;
const structured: readonly ParamDescriptor[] = [
  { name: 'Tag', style: 'repeatList', shape: { kind: 'array', items: tag } },
  {
    name: 'NetworkInterface',
    style: 'repeatList',
    shape: {
      kind: 'array',
      items: {
        kind: 'object',
        properties: { VSwitchId: str, SecurityGroupIds: { kind: 'array', items: str } },
      },
    },
  },
  {
    name: 'Config',
    style: 'flat',
    shape: { kind: 'object', properties: { Reason: str, Level: { kind: 'integer' } } },
  },
  { name: 'Filter', style: 'json', shape: { kind: 'object', properties: {} } },
  { name: 'Zones', style: 'simple', shape: { kind: 'array', items: str } },
];

describe('toWireParams, structured styles', () => {
  it.each<[string, { given: Record<string, unknown>; want: Array<[string, string]> }]>([
    [
      'a repeat list of objects: index, then the item schema’s property order',
      {
        given: { Tag: [{ Value: 'v1', Key: 'k1' }, { Key: 'k2' }] },
        want: [
          ['Tag.1.Key', 'k1'],
          ['Tag.1.Value', 'v1'],
          ['Tag.2.Key', 'k2'],
        ],
      },
    ],
    [
      'a list inside list items',
      {
        given: { NetworkInterface: [{ SecurityGroupIds: ['sg-1', 'sg-2'], VSwitchId: 'vsw' }] },
        want: [
          ['NetworkInterface.1.VSwitchId', 'vsw'],
          ['NetworkInterface.1.SecurityGroupIds.1', 'sg-1'],
          ['NetworkInterface.1.SecurityGroupIds.2', 'sg-2'],
        ],
      },
    ],
    [
      'a flat object, numbers as text',
      {
        given: { Config: { Level: 3, Reason: 'r' } },
        want: [
          ['Config.Reason', 'r'],
          ['Config.Level', '3'],
        ],
      },
    ],
    [
      'json: one JSON-encoded parameter',
      { given: { Filter: { a: [1, 'x'] } }, want: [['Filter', '{"a":[1,"x"]}']] },
    ],
    ['simple: items joined with commas', { given: { Zones: ['a', 'b', 'c'] }, want: [['Zones', 'a,b,c']] }],
    [
      'undefined fields of an item are left out, the index stays',
      { given: { Tag: [{ Key: undefined }, { Value: 'v' }] }, want: [['Tag.2.Value', 'v']] },
    ],
    [
      'an int64 beyond 2^53 given as text goes out with every digit',
      {
        given: { Config: { Reason: '253460731706911258' } },
        want: [['Config.Reason', '253460731706911258']],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(toWireParams(given, structured)).toEqual(want);
  });
});

describe('wireNameOf', () => {
  it.each<[string, { given: string; want: string }]>([
    ['a list item’s field, 1-based', { given: 'Tag[2].Key', want: 'Tag.3.Key' }],
    [
      'a nested list item',
      { given: 'NetworkInterface[0].SecurityGroupIds[4]', want: 'NetworkInterface.1.SecurityGroupIds.5' },
    ],
    ['a flat object’s field', { given: 'Config.Level', want: 'Config.Level' }],
    ['inside a json value: the one parameter', { given: 'Filter.a[0]', want: 'Filter' }],
    ['a simple list item: the one parameter', { given: 'Zones[1]', want: 'Zones' }],
    ['a parameter the descriptors do not know', { given: 'Other', want: 'Other' }],
  ])('%s', (_name, { given, want }) => {
    expect(wireNameOf(given, structured)).toBe(want);
  });

  it.each<[string, { given: string; want: string }]>([
    ['a scalar whose name holds a dot', { given: 'SystemDisk.Size', want: 'SystemDisk.Size' }],
    ['the longest name, not a shorter one it starts with', { given: 'Disk.Tag[0]', want: 'Disk.Tag.1' }],
    ['a scalar named like the start of another', { given: 'Disk', want: 'Disk' }],
  ])('%s', (_name, { given, want }) => {
    const dotted = [
      { name: 'Disk', style: 'scalar', shape: { kind: 'string' } },
      { name: 'SystemDisk.Size', style: 'scalar', shape: { kind: 'integer' } },
      { name: 'Disk.Tag', style: 'repeatList', shape: { kind: 'array', items: { kind: 'string' } } },
    ] as const;
    expect(wireNameOf(given, dotted)).toBe(want);
  });
});

describe('toWireParams, maps', () => {
  const map = (additional: ParamDescriptor['shape'], properties = {}): ParamDescriptor['shape'] => ({
    kind: 'object',
    properties,
    additional,
  });
  const maps: readonly ParamDescriptor[] = [
    { name: 'Labels', style: 'flat', shape: map({ kind: 'string' }) },
    { name: 'Rows', style: 'repeatList', shape: { kind: 'array', items: map({ kind: 'integer' }) } },
    { name: 'Config', style: 'flat', shape: map({ kind: 'string' }, { Name: { kind: 'string' } }) },
    { name: 'Variables', style: 'json', shape: map({ kind: 'string' }) },
  ];
  it.each<[string, { given: Record<string, unknown>; want: Array<[string, string]> }]>([
    [
      'a flat map, entries in the map’s order',
      {
        given: { Labels: { b: '1', a: '2' } },
        want: [
          ['Labels.b', '1'],
          ['Labels.a', '2'],
        ],
      },
    ],
    [
      'a repeat list of maps',
      {
        given: { Rows: [{ x: 1 }, { y: 2 }] },
        want: [
          ['Rows.1.x', '1'],
          ['Rows.2.y', '2'],
        ],
      },
    ],
    [
      'declared fields first, then the entries',
      {
        given: { Config: { k: 'v', Name: 'n' } },
        want: [
          ['Config.Name', 'n'],
          ['Config.k', 'v'],
        ],
      },
    ],
    ['a json map, any key', { given: { Variables: { 'a.b': 'x' } }, want: [['Variables', '{"a.b":"x"}']] }],
  ])('%s', (_name, { given, want }) => {
    expect(toWireParams(given, maps)).toEqual(want);
  });
});

describe('header parameters', () => {
  const descriptors: readonly ParamDescriptor[] = [
    { name: 'RegionId', style: 'scalar', shape: { kind: 'string' } },
    { name: 'x-acs-trace-id', in: 'header', style: 'scalar', shape: { kind: 'string' } },
    { name: 'X-Acs-Retries', in: 'header', style: 'scalar', shape: { kind: 'integer' } },
  ];

  it('go as headers, lower-case, as text, and never as parameters', () => {
    const given = { RegionId: 'r', 'x-acs-trace-id': 't-1', 'X-Acs-Retries': 3 };
    expect(toHeaderParams(given, descriptors)).toEqual([
      ['x-acs-trace-id', 't-1'],
      ['x-acs-retries', '3'],
    ]);
    expect(toWireParams(given, descriptors)).toEqual([['RegionId', 'r']]);
  });

  it('leave out a header that is absent or null', () => {
    expect(toHeaderParams({ 'x-acs-trace-id': null }, descriptors)).toEqual([]);
    expect(toHeaderParams({ RegionId: 'r' }, descriptors)).toEqual([]);
  });
});

describe('toWireParams, simple and nested shapes', () => {
  const descriptors: readonly ParamDescriptor[] = [
    { name: 'Zones', style: 'simple', shape: { kind: 'array', items: { kind: 'string' } } },
    {
      name: 'Disk',
      style: 'repeatList',
      shape: {
        kind: 'array',
        items: {
          kind: 'object',
          properties: {
            Size: { kind: 'integer' },
            Tag: {
              kind: 'array',
              items: { kind: 'object', properties: { Key: { kind: 'string' }, Value: { kind: 'string' } } },
            },
          },
        },
      },
    },
  ];

  it('joins a simple list with commas, and sends a single value as it is', () => {
    expect(toWireParams({ Zones: ['a', 'b'] }, descriptors)).toEqual([['Zones', 'a,b']]);
    expect(toWireParams({ Zones: 'a' }, descriptors)).toEqual([['Zones', 'a']]);
  });

  it('orders nested object fields by the nested item shape, at every depth', () => {
    expect(toWireParams({ Disk: [{ Tag: [{ Value: 'v', Key: 'k' }], Size: 40 }] }, descriptors)).toEqual([
      ['Disk.1.Size', '40'],
      ['Disk.1.Tag.1.Key', 'k'],
      ['Disk.1.Tag.1.Value', 'v'],
    ]);
  });

  it('names an issue deep in a list with multi-digit indexes, 1-based', () => {
    expect(wireNameOf('Disk[11].Tag[0].Key', descriptors)).toBe('Disk.12.Tag.1.Key');
    expect(wireNameOf('Unknown.Field', descriptors)).toBe('Unknown');
  });
});
