// Maps on the reference server, for a product the toolkit has never seen (the Maps fixture):
// flat and repeatList maps decoded from the wire, json maps parsed, a key the wire cannot carry
// refused by name, responses with maps synthesised valid in JSON and XML, and the generated
// conformance suite (cases, fuzzing, JSON ≡ XML) passing against it.
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/start.ts';
import { runChecks } from '../../templates/conformance/runner.ts';
import { fixturePackage } from '../support/fixture-service.ts';
import { rawV1, rawV3 } from '../support/raw-client.ts';

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

describe('header parameters on the reference server', () => {
  const v3 = (signHeaders: Record<string, string>, headers: Record<string, string> = {}) =>
    rawV3(
      server.url,
      { RegionId: 'r' },
      {
        signHeaders: { 'x-acs-action': 'PutRecords', 'x-acs-version': '2022-03-30', ...signHeaders },
        headers,
      },
    );

  it('reads a signed header parameter under V3 and validates it by name', async () => {
    expect((await v3({ 'x-acs-caller-tag': 'blue' })).status).toBe(200);
    const long = await v3({ 'x-acs-caller-tag': 't'.repeat(17) });
    expect(long.status).toBe(400);
    expect(long.json()).toMatchObject({ Code: 'InvalidParameter' });
    expect(String(long.json().Message)).toContain('x-acs-caller-tag');
  });

  it('refuses an x-acs-* header parameter that is not signed', async () => {
    const res = await v3({}, { 'x-acs-caller-tag': 'blue' });
    expect(res.json()).toMatchObject({ Code: 'IncompleteSignature' });
  });

  it('reads a header parameter under V1, where nothing signs headers', async () => {
    const bad = await rawV1(
      server.url,
      { Action: 'PutRecords', Version: '2022-03-30', RegionId: 'r' },
      { headers: { 'client-channel': 'tv' } },
    );
    expect(bad.status).toBe(400);
    expect(String(bad.json().Message)).toContain('Client-Channel');
  });

  type Client = { putRecords(request: Record<string, unknown>): Promise<{ RequestId: string }> };
  const client = (signatureVersion: 'v1' | 'v3') =>
    new (maps.main.MapsClient as new (config: object) => Client)({
      endpoint: server.url,
      credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      signatureVersion,
    });

  it.each(['v3', 'v1'] as const)(
    'the generated client sends them (%s) and the server accepts them',
    async (v) => {
      const answer = await client(v).putRecords({
        RegionId: 'r',
        'x-acs-caller-tag': 'blue',
        'Client-Channel': 'web',
        Labels: { env: 'prod' },
      });
      expect(answer.RequestId).toBeTruthy();
    },
  );

  it('the client refuses a header value HTTP cannot carry, by name, before sending', async () => {
    await expect(
      client('v3').putRecords({ RegionId: 'r', 'x-acs-caller-tag': 'a\nb' }),
    ).rejects.toMatchObject({
      name: 'AcsValidationError',
      issues: [expect.objectContaining({ path: 'x-acs-caller-tag' })],
    });
  });
});
