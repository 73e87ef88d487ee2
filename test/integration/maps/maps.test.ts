// The package generated from test/fixtures/specs/maps.yaml as a whole: map types, validation by
// entry, the wire forms of json, flat and repeatList maps, maps read from JSON and XML, and a
// round trip — serialise, then decode as the reference server does — for nested map shapes.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeParams } from '../../../server/protocol/decode.ts';
import type { ActionDescriptor, ServiceDescriptor } from '../../../templates/runtime/descriptors.ts';
import { parseResponse } from '../../../templates/runtime/response.ts';
import { fixturePackage } from '../../support/fixture-package.ts';

interface Maps {
  readonly putRecordsAction: ActionDescriptor;
  readonly mapsService: ServiceDescriptor;
  toWireParams(params: Record<string, unknown>, d: ActionDescriptor['params']): [string, string][];
  wireNameOf(path: string, d: ActionDescriptor['params']): string;
}

const { module: maps, files, load } = await fixturePackage<Maps>('test/fixtures/specs/maps.yaml');
const action = maps.putRecordsAction;

describe('maps, generated', () => {
  it('types maps as records of their values, in requests and responses', async () => {
    await expect(files.get('src/types.ts')).toMatchFileSnapshot(join('__snapshots__', 'types.ts'));
    expect(files.get('src/openapi.ts')).toContain('[key: string]: number;');
  });

  it.each<[string, { given: Record<string, unknown>; path: string; wire: string }]>([
    [
      'a flat map key with a dot',
      { given: { Labels: { 'a.b': 'x' } }, path: 'Labels.a.b', wire: 'Labels.a.b' },
    ],
    ['an empty flat map key', { given: { Labels: { '': 'x' } }, path: 'Labels.', wire: 'Labels.' }],
    [
      'a map value of the wrong type',
      { given: { Limits: { cpu: 'many' } }, path: 'Limits.cpu', wire: 'Limits.cpu' },
    ],
    [
      'a map value out of bounds',
      { given: { Labels: { k: 'v'.repeat(33) } }, path: 'Labels.k', wire: 'Labels.k' },
    ],
    ['an entry of a map in a list', { given: { Rows: [{}, { c: 1 }] }, path: 'Rows[1].c', wire: 'Rows.2.c' }],
  ])('refuses %s, naming the entry', (_name, { given, path, wire }) => {
    const issues = action.validateRequest({ RegionId: 'r', ...given });
    expect(issues.map((i) => i.path)).toEqual([path]);
    expect(maps.wireNameOf(path, action.params)).toBe(wire);
  });

  it('takes any key in a json map: the value is one JSON text', () => {
    const request = { RegionId: 'r', Variables: { 'a.b': 'x', '': 'y' } };
    expect(action.validateRequest(request)).toEqual([]);
    expect(maps.toWireParams(request, action.params)).toContainEqual(['Variables', '{"a.b":"x","":"y"}']);
  });

  it.each([
    [
      'JSON',
      'application/json',
      '{"RequestId":"R","Counts":{"a":"2"},"Records":[{"n":"jack","age":18,"tags":["x"]}],"Meta":{"Table":"t","o":"p"}}',
      { n: 'jack', age: 18, tags: ['x'] },
    ],
    [
      'XML',
      'application/xml',
      '<PutRecordsResponse><RequestId>R</RequestId><Counts><a>2</a></Counts><Records><n>jack</n><age>18</age></Records><Meta><Table>t</Table><o>p</o></Meta></PutRecordsResponse>',
      { n: 'jack', age: '18' },
    ],
  ])(
    'reads maps from %s: entries by the value shape, untyped values as sent',
    async (_f, type, bodyText, record) => {
      const raw = { status: 200, headers: new Headers({ 'content-type': type }), bodyText };
      const body = await parseResponse(raw, action, maps.mapsService);
      expect(body).toEqual({
        RequestId: 'R',
        Counts: { a: 2 },
        Records: [record],
        Meta: { Table: 't', o: 'p' },
      });
      expect((await action.loadResponseValidator())(body)).toEqual([]);
    },
  );

  it('keeps a map key named __proto__ a key', async () => {
    const bodyText = '{"RequestId":"R","Counts":{"__proto__":1}}';
    const raw = { status: 200, headers: new Headers({ 'content-type': 'application/json' }), bodyText };
    const body = (await parseResponse(raw, action, maps.mapsService)) as { Counts: object };
    expect(Object.getPrototypeOf(body.Counts)).toBe(Object.prototype);
    expect(Object.keys(body.Counts)).toEqual(['__proto__']);
  });
});

describe('maps, serialised then decoded by the reference server', () => {
  // Keys the flat wire can carry (no dot, not empty); `__proto__` among them on purpose.
  const key = fc.oneof(fc.stringMatching(/^[^.]+$/), fc.constant('__proto__'));
  const text = fc.string();
  const any = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer()));
  const request = fc.record(
    {
      Labels: fc.dictionary(key, fc.string({ maxLength: 32 }), { minKeys: 1 }),
      Limits: fc.dictionary(key, fc.nat(), { minKeys: 1 }),
      Rows: fc.array(fc.dictionary(key, text, { minKeys: 1 }), { minLength: 1, maxLength: 5 }),
      Config: fc.record({ Name: text, Tags: fc.dictionary(key, text, { minKeys: 1 }) }, { requiredKeys: [] }),
      Variables: fc.dictionary(fc.string(), text),
      Records: fc.array(fc.dictionary(fc.string(), any)),
    },
    { requiredKeys: [] },
  );

  it('gives back the same value for every nested map shape', () => {
    fc.assert(
      fc.property(request, (params) => {
        const sent = { RegionId: 'r', ...params };
        expect(action.validateRequest(sent)).toEqual([]);
        const decoded = decodeParams(action, maps.toWireParams(sent, action.params));
        // A flat object with nothing in it sends nothing, as Alibaba's SDKs do.
        const { Config, ...rest } = sent;
        const kept = Config !== undefined && Object.keys(Config).length > 0 ? sent : rest;
        expect(decoded).toEqual(kept);
        expect(action.validateRequest(decoded)).toEqual([]);
      }),
      { seed: 20220330, numRuns: 300 },
    );
  });
});

describe('maps, declared cases offline', async () => {
  const { declaredCases } = await load<{ declaredCases(): { id: string; run(): Promise<void> }[] }>(
    'conformance/main.js',
  );
  it.each(declaredCases().map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    await c.run();
  });
});
