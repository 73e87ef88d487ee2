// Any spec, several at once: the server serves a product it has no code for (a fixture spec generated
// in the test) beside ECS, routing each call by action and Version.
import { conformanceFacts as ecs } from '@acs-rpc/ecs/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { ServiceTable } from '../../server/services.ts';
import { startServer } from '../../server/start.ts';
import { ECS_SEED } from '../support/ecs-server.ts';
import { fixturePackage } from '../support/fixture-service.ts';
import { rawV1 } from '../support/raw-client.ts';

const kiosk = await fixturePackage('test/fixtures/specs/kiosk.yaml');
const server = await startServer({
  services: [ecs, kiosk.facts],
  seeds: [ECS_SEED, { product: 'Kiosk', scopes: [], resources: { Kiosk: [] } }],
});
afterAll(async () => {
  await server.close();
  await kiosk.remove();
});

const call = (Action: string, Version: string, params: Record<string, string> = {}) =>
  rawV1(server.url, { Action, Version, ...params });
const validate = (facts: typeof ecs, action: string) =>
  facts.actions.find((a) => a.descriptor.name === action)!.validateResponse;

describe('two products served at once', () => {
  it.each([
    ['ECS DescribeRegions', { given: ['DescribeRegions', '2014-05-26'], want: 'ecs' }],
    ['Kiosk DescribeRegions', { given: ['DescribeRegions', '2023-07-01'], want: 'kiosk' }],
  ] as const)('%s is answered by its own spec', async (_name, { given, want }) => {
    const res = await call(given[0], given[1]);
    expect(res.status).toBe(200);
    const facts = want === 'ecs' ? ecs : kiosk.facts;
    expect(validate(facts, 'DescribeRegions')(res.json())).toEqual([]);
    if (want === 'kiosk') expect(res.json().Regions).toHaveLength(2);
    else expect(res.json().Regions).toMatchObject({ Region: expect.any(Array) });
  });

  it.each([
    [
      'an action of one product at its version',
      { given: ['DescribeShelves', '2023-07-01', { RegionId: 'x' }], want: 200 },
    ],
    [
      'an action at the other product version',
      { given: ['DescribeShelves', '2014-05-26', { RegionId: 'x' }], want: 'InvalidVersion' },
    ],
    [
      'an action no product has',
      { given: ['DescribeNothing', '2023-07-01', {}], want: 'InvalidAction.NotFound' },
    ],
  ] as const)('%s', async (_name, { given, want }) => {
    const res = await call(given[0], given[1], given[2]);
    if (want === 200) expect(res.status).toBe(200);
    else expect(res.json().Code).toBe(want);
  });

  it("renders a product's own errors with its own status and message", async () => {
    const res = await call('OpenKiosk', '2023-07-01', { KioskId: 'k-none' });
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({
      Code: 'InvalidKioskId.NotFound',
      Message: 'The specified KioskId does not exist.',
    });
  });
});

describe('the service table', () => {
  it('refuses two services answering the same action at the same version', () => {
    expect(() => new ServiceTable([kiosk.facts, kiosk.facts], [], 1)).toThrow(
      'DescribeRegions 2023-07-01 is served by both Kiosk and Kiosk',
    );
  });

  it('refuses a seed of a product it does not serve, and no services at all', () => {
    expect(
      () => new ServiceTable([kiosk.facts], [{ product: 'Nope', scopes: [], resources: {} }], 1),
    ).toThrow('seed of Nope: no such product is served');
    expect(() => new ServiceTable([], [], 1)).toThrow('at least one service');
  });
});
