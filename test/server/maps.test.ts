// Maps on the reference server, for a product the toolkit has never seen (the Maps fixture):
// flat and repeatList maps decoded from the wire, json maps parsed, a key the wire cannot carry
// refused by name, responses with maps synthesised valid in JSON and XML, and the generated
// conformance suite (cases, fuzzing, JSON ≡ XML) passing against it.
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/start.ts';
import { runChecks } from '../../templates/conformance/runner.ts';
import { fixturePackage } from '../support/fixture-service.ts';
import { rawV1 } from '../support/raw-client.ts';

const maps = await fixturePackage('test/fixtures/specs/maps.yaml');
const server = await startServer({ services: [maps.facts], seeds: [] });
afterAll(async () => {
  await server.close();
  await maps.remove();
});

const put = (params: Record<string, string>, format?: string) =>
  rawV1(server.url, {
    Action: 'PutRecords',
    Version: '2022-03-30',
    RegionId: 'r',
    ...(format === undefined ? {} : { Format: format }),
    ...params,
  });

describe('maps on the reference server', () => {
  it.each<[string, Record<string, string>]>([
    [
      'flat and repeatList maps',
      { 'Labels.env': 'prod', 'Rows.1.id': '1', 'Rows.2.n': 'x', 'Config.Tags.k': 'v' },
    ],
    ['json maps', { Variables: '{"a.b":"x"}', Records: '[{"n":"jack","age":18}]' }],
  ])('accepts %s', async (_name, params) => {
    const res = await put(params);
    expect(res.status, JSON.stringify(res.json())).toBe(200);
  });

  it.each<[string, Record<string, string>, string, string]>([
    ['a value of the wrong type', { 'Limits.cpu': 'many' }, 'InvalidParameter', 'Limits.cpu'],
    ['a map entry that goes deeper than its value', { 'Labels.a.b': 'x' }, 'InvalidParameter', 'Labels.a.b'],
    ['a gap in a list of maps', { 'Rows.1.a': 'x', 'Rows.3.a': 'y' }, 'InvalidParameter', 'Rows.3.a'],
    ['a json map that is not JSON', { Variables: '{' }, 'InvalidParameter', 'Variables'],
  ])('refuses %s, naming the key', async (_name, params, code, name) => {
    const res = await put(params);
    const body = res.json() as { Code: string; Message: string };
    expect(res.status).toBe(400);
    expect(body.Code).toBe(code);
    expect(body.Message).toContain(name);
  });

  it('answers maps that its own validator accepts, the same in JSON and XML', async () => {
    const json = await put({}, 'JSON');
    const body = json.json() as { Counts: Record<string, number>; Records: Record<string, unknown>[] };
    expect(Object.keys(body.Counts).length).toBeGreaterThan(0);
    expect(Object.values(body.Counts).every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    const xml = await put({}, 'XML');
    expect(xml.status).toBe(200);
    expect(xml.text).toMatch(/<Counts><key1>\d+<\/key1>/);
  });

  it('passes the generated conformance suite', async () => {
    const result = await runChecks(
      maps.facts,
      {
        endpoint: server.url,
        accessKeyId: 'testid',
        accessKeySecret: 'testsecret',
        values: { RegionId: 'r' },
      },
      { seed: 7, authChecks: false },
    );
    const ids = result.outcomes.map((o) => o.id);
    expect(ids).toContain('fuzz.PutRecords');
    expect(ids.some((id) => id.includes('json-equals-xml'))).toBe(true);
    expect(
      result.outcomes.filter((o) => o.failure !== undefined).map((o) => `${o.id}: ${o.failure?.message}`),
    ).toEqual([]);
  });
});
