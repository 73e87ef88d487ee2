// Which transport the generated client uses where it runs (`#platform` in the runtime's package.json):
// node:http under Node's conditions, fetch under a worker's (vitest.config.ts runs this folder under
// both), and fetch on any platform when the user gives one.
import { EcsClient } from '@acs-rpc/ecs';
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { pagesOf } from '../../support/ecs-pages.ts';
import { type FakeServer, startFakeServer } from '../../support/fake-server.ts';
import '../../support/provided.ts';

const credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
const server: FakeServer = await startFakeServer(pagesOf(1));
afterAll(() => server.close());
beforeEach(() => server.reset());

/** fetch (undici's, a browser's) says how the request was made; node:http sends no such header. */
const viaFetch = () => server.requests[0]?.headers['sec-fetch-mode'] !== undefined;

describe(`the client on the ${inject('platform')} platform`, () => {
  it('sends through the platform’s transport', async () => {
    await new EcsClient({ endpoint: server.url, credentials }).describeInstanceStatus({
      RegionId: 'cn-hangzhou',
    });
    expect(viaFetch()).toBe(inject('platform') === 'web');
  });

  it('sends through the fetch it is given, whatever the platform', async () => {
    let calls = 0;
    const client = new EcsClient({
      endpoint: server.url,
      credentials,
      fetch: (url, init) => {
        calls++;
        return fetch(url, init);
      },
    });
    await client.describeInstanceStatus({ RegionId: 'cn-hangzhou' });
    expect(calls).toBe(1);
    expect(viaFetch()).toBe(true);
  });
});
