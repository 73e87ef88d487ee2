// The answer's format follows the spec's own `responseFormat` (the descriptor's protocol): its
// parameter's name, whether its value is matched in any case, whether Accept may choose, and the
// default. Here a product that pins the opposite of the RPC convention on every point; the generated
// client (V1 sends the spec's parameter) and the conformance suite follow the same spec.
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/start.ts';
import { runChecks } from '../../templates/conformance/runner.ts';
import { fixturePackage } from '../support/fixture-service.ts';
import { rawV1 } from '../support/raw-client.ts';

const maps = await fixturePackage('test/fixtures/specs/maps.yaml');
const facts = {
  ...maps.facts,
  service: {
    ...maps.facts.service,
    protocol: {
      ...maps.facts.service.protocol!,
      formatParameter: 'ResponseFormat',
      caseInsensitive: false,
      acceptHeader: false,
      defaultFormat: 'XML' as const,
    },
  },
};
const server = await startServer({ services: [facts], seeds: [] });
afterAll(async () => {
  await server.close();
  await maps.remove();
});

const put = (params: Record<string, string>, headers: Record<string, string> = {}) =>
  rawV1(server.url, { Action: 'PutRecords', Version: '2022-03-30', RegionId: 'r', ...params }, { headers });

describe("a product's own response format", () => {
  it.each<[string, Record<string, string>, Record<string, string>, 'JSON' | 'XML']>([
    ['its parameter names JSON', { ResponseFormat: 'JSON' }, {}, 'JSON'],
    ['its parameter names XML', { ResponseFormat: 'XML' }, {}, 'XML'],
    ['its value in another case is not matched: the default', { ResponseFormat: 'json' }, {}, 'XML'],
    ["another product's parameter means nothing: the default", { Format: 'JSON' }, {}, 'XML'],
    ['Accept does not choose when the spec says so: the default', {}, { accept: 'application/json' }, 'XML'],
  ])('%s', async (_name, params, headers, format) => {
    const res = await put(params, headers);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(format === 'XML' ? /xml/ : /json/);
    expect(res.text.startsWith('<') ? 'XML' : 'JSON').toBe(format);
  });

  it('answers an error in the same format as a success', async () => {
    const res = await put({ ResponseFormat: 'JSON', 'Limits.cpu': 'many' });
    expect(res.status).toBe(400);
    expect((res.json() as { Code: string }).Code).toBe('InvalidParameter');
  });

  it("passes the suite's format, negotiation and V1 signature checks, which send the spec's parameter", async () => {
    const target = {
      endpoint: server.url,
      accessKeyId: 'testid',
      accessKeySecret: 'testsecret',
      values: { RegionId: 'r' },
    };
    const result = await runChecks(facts, target, {
      seed: 3,
      authChecks: true,
      only: 'protocol.PutRecords.format-*,protocol.negotiation.*,auth.v1.common-changed.*',
    });
    const failed = result.outcomes
      .filter((o) => o.failure !== undefined)
      .map((o) => `${o.id}: ${o.failure!.message}`);
    expect(failed).toEqual([]);
    const ran = result.outcomes.filter((o) => o.skipped === undefined).map((o) => o.id);
    expect(ran).toContain('auth.v1.common-changed.Format');
    expect(ran.filter((id) => id.startsWith('protocol.negotiation.')).length).toBeGreaterThan(3);
    expect(result.outcomes.find((o) => o.id === 'protocol.PutRecords.format-lowercase')?.skipped).toMatch(
      /in its case/,
    );
  });
});
