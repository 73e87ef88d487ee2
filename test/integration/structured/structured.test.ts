// The package generated from test/fixtures/specs/structured.yaml as a whole: precise request types
// for every style, the spec's cases (wire order, wire-named errors, int64 responses) and a spec
// without error responses that still generates.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  ActionDescriptor,
  ServiceDescriptor,
  Validate,
  ValidationIssue,
} from '../../../templates/runtime/descriptors.ts';
import { parseResponse } from '../../../templates/runtime/response.ts';
import { fixturePackage } from '../../support/fixture-package.ts';

interface Shapes {
  readonly createShapeAction: ActionDescriptor;
  readonly shapesService: ServiceDescriptor;
  toWireParams(params: Record<string, unknown>, d: ActionDescriptor['params']): [string, string][];
  wireNameOf(path: string, d: ActionDescriptor['params']): string;
}

const { module: shapes, files, load } = await fixturePackage<Shapes>('test/fixtures/specs/structured.yaml');
const action = shapes.createShapeAction;

describe('structured parameters, generated', () => {
  it('types lists of objects, nested lists and flat objects precisely', async () => {
    await expect(files.get('src/types.ts')).toMatchFileSnapshot(join('__snapshots__', 'types.ts'));
  });

  it.each<[string, { given: Record<string, unknown>; want: [string, string][] }]>([
    [
      'repeat list of objects and a nested list, in index then property order',
      {
        given: {
          RegionId: 'r',
          Tag: [{ Value: 'v1', Key: 'k1' }],
          NetworkInterface: [{ SecurityGroupIds: ['sg-1'], VSwitchId: 'vsw' }],
        },
        want: [
          ['RegionId', 'r'],
          ['Tag.1.Key', 'k1'],
          ['Tag.1.Value', 'v1'],
          ['NetworkInterface.1.VSwitchId', 'vsw'],
          ['NetworkInterface.1.SecurityGroupIds.1', 'sg-1'],
        ],
      },
    ],
    [
      'flat, json and simple',
      {
        given: {
          RegionId: 'r',
          Config: { Reason: 'x', Level: 2 },
          Filter: { Names: ['a'] },
          Zones: ['z1', 'z2'],
        },
        want: [
          ['RegionId', 'r'],
          ['Config.Reason', 'x'],
          ['Config.Level', '2'],
          ['Filter', '{"Names":["a"]}'],
          ['Zones', 'z1,z2'],
        ],
      },
    ],
  ])('serializes %s', (_name, { given, want }) => {
    expect(action.validateRequest(given)).toEqual([]);
    expect(shapes.toWireParams(given, action.params)).toEqual(want);
  });

  it.each<[string, { given: Record<string, unknown>; want: ValidationIssue[]; wire: string[] }]>([
    [
      'an item field too long',
      {
        given: { RegionId: 'r', Tag: [{ Key: 'k' }, { Key: 'k'.repeat(129) }] },
        want: [{ path: 'Tag[1].Key', message: 'must NOT have more than 128 characters' }],
        wire: ['Tag.2.Key'],
      },
    ],
    [
      'a field of an item that is not declared, and a missing flat field',
      {
        given: { RegionId: 'r', NetworkInterface: [{ Vswitch: 'x' }], Config: {} },
        want: [{ path: 'Config.Reason', message: 'is required' }],
        wire: ['Config.Reason'],
      },
    ],
    [
      'an int64 number beyond 2^53 (its digits are already lost): refused, text is the way',
      {
        given: { RegionId: 'r', OwnerId: Number('253460731706911258') },
        want: [{ path: 'OwnerId', message: 'must be <= 9007199254740991' }],
        wire: ['OwnerId'],
      },
    ],
  ])('refuses %s, naming the path and the wire parameter', (_name, { given, want, wire }) => {
    const issues = action.validateRequest(given);
    expect(issues).toEqual(expect.arrayContaining(want));
    expect(want.map((i) => shapes.wireNameOf(i.path, action.params))).toEqual(wire);
  });

  it('accepts an int64 beyond 2^53 as text and sends every digit', () => {
    const request = { RegionId: 'r', OwnerId: '253460731706911258' };
    expect(action.validateRequest(request)).toEqual([]);
    expect(shapes.toWireParams(request, action.params)).toContainEqual(['OwnerId', '253460731706911258']);
  });

  it.each([
    ['JSON', 'application/json', '{"RequestId":"R","ShapeId":253460731706911258,"Size":7}'],
    [
      'XML',
      'application/xml',
      '<CreateShapeResponse><RequestId>R</RequestId><ShapeId>253460731706911258</ShapeId><Size>7</Size></CreateShapeResponse>',
    ],
  ])('reads an int64 response field from %s with every digit', async (_format, type, bodyText) => {
    const raw = { status: 200, headers: new Headers({ 'content-type': type }), bodyText };
    const body = await parseResponse(raw, action, shapes.shapesService);
    expect(body).toEqual({ RequestId: 'R', ShapeId: '253460731706911258', Size: 7 });
    const validate = await action.loadResponseValidator();
    expect(validate(body)).toEqual([]);
  });

  it('generates without error responses: the common envelope is checked', async () => {
    const { validateErrorEnvelope } = await load<{ validateErrorEnvelope: Validate }>(
      'validators/responses.js',
    );
    expect(validateErrorEnvelope({ RequestId: 'R', Code: 'InvalidParameter', Message: 'm' })).toEqual([]);
    expect(validateErrorEnvelope({ RequestId: 'R', Message: 'm' })).toEqual([
      { path: 'Code', message: 'is required' },
    ]);
  });
});

describe('structured parameters, declared cases offline', async () => {
  const { declaredCases } = await load<{ declaredCases(): { id: string; run(): Promise<void> }[] }>(
    'conformance/main.js',
  );
  it.each(declaredCases().map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    await c.run();
  });
});
