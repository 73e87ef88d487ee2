// The server's state through the generated client (both signatures, JSON and XML), and its faults.
import {
  AcsNetworkError,
  AcsResponseError,
  AcsServiceError,
  EcsClient,
  type EcsClientConfig,
} from '@acs-rpc/ecs';
import { afterAll, describe, expect, it } from 'vitest';
import { seededInstances, startEcsServer } from '../support/ecs-server.ts';
import { rawV1, rawV3 } from '../support/raw-client.ts';

const server = await startEcsServer();
const flaky = await startEcsServer({ faults: { failFirst: { count: 2, fault: '503' } } });
afterAll(() => Promise.all([server.close(), flaky.close()]));
const instances = await seededInstances();
const credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
const client = (config: EcsClientConfig = {}) =>
  new EcsClient({ endpoint: server.url, credentials, ...config });

describe('state', () => {
  it.each([
    ['v3', 'JSON'],
    ['v3', 'XML'],
    ['v1', 'JSON'],
    ['v1', 'XML'],
  ] as const)(
    'pages through all of cn-hangzhou (%s, %s) with no duplicate or omission',
    async (signatureVersion, format) => {
      const seen: string[] = [];
      for await (const item of client({ signatureVersion, format }).paginateDescribeInstanceStatusItems({
        RegionId: 'cn-hangzhou',
        PageSize: 7,
      })) {
        seen.push(`${item.InstanceId}:${item.Status}`);
      }
      const want = instances
        .filter((i) => i.region === 'cn-hangzhou')
        .map((i) => `${i.id}:${i.status}`)
        .sort();
      expect(seen).toEqual(want);
      expect(new Set(seen.map((s) => s.split(':')[1])).size).toBe(5);
    },
  );

  it('filters by zone, cluster and InstanceId.N', async () => {
    const page = await client().describeInstanceStatus({
      RegionId: 'cn-hangzhou',
      ZoneId: 'cn-hangzhou-h',
      ClusterId: 'cls-hz-a',
      PageSize: 50,
    });
    const want = instances.filter(
      (i) => i.region === 'cn-hangzhou' && i.zone === 'cn-hangzhou-h' && i.cluster === 'cls-hz-a',
    );
    expect(want.length).toBeGreaterThan(0);
    expect(page.TotalCount).toBe(want.length);
    expect(page.InstanceStatuses.InstanceStatus).toEqual(
      want.map((i) => ({ InstanceId: i.id, Status: i.status })),
    );
    const subset = await client().describeInstanceStatus({
      RegionId: 'cn-hangzhou',
      InstanceId: ['i-hz0002', 'i-sh0001', 'i-hz0001'],
    });
    expect(subset.InstanceStatuses.InstanceStatus.map((s) => s.InstanceId)).toEqual(['i-hz0001', 'i-hz0002']);
  });

  it('answers an empty page past the end', async () => {
    const page = await client().describeInstanceStatus({ RegionId: 'cn-shanghai', PageNumber: 5 });
    expect(page).toMatchObject({ TotalCount: 12, PageNumber: 5, InstanceStatuses: { InstanceStatus: [] } });
  });
});

describe('faults', () => {
  const fault = (value: string) => ({
    fetch: (url: string, init: RequestInit) =>
      fetch(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), 'acs-rpc-fault': value },
      }),
  });

  it.each([
    ['throttling', AcsServiceError, 'Throttling.User'],
    ['503', AcsServiceError, 'ServiceUnavailable'],
    ['500', AcsServiceError, 'InternalError'],
    ['reset', AcsNetworkError, 'Client.NetworkError'],
    ['malformed', AcsResponseError, 'Client.MalformedResponse'],
  ])('injects %s on request', async (value, type, code) => {
    const error = await client({ retry: false, ...fault(value) })
      .describeInstanceStatus({ RegionId: 'cn-hangzhou' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code });
  });

  it('adds latency on request, waiting through its sleep before answering', async () => {
    const slept: number[] = [];
    const sleepy = await startEcsServer({ sleep: async (ms) => void slept.push(ms) });
    try {
      const c = new EcsClient({ endpoint: sleepy.url, credentials, ...fault('latency=150') });
      await c.describeInstanceStatus({ RegionId: 'cn-hangzhou' });
      await new EcsClient({ endpoint: sleepy.url, credentials }).describeInstanceStatus({
        RegionId: 'cn-hangzhou',
      });
      expect(slept).toEqual([150]);
    } finally {
      await sleepy.close();
    }
  });

  it('rate-limits per key: a burst of the rate, then refills at the rate (token bucket)', async () => {
    let now = Date.now();
    const limited = await startEcsServer({ now: () => now });
    try {
      const c = new EcsClient({ endpoint: limited.url, credentials, retry: false, ...fault('ratelimit=3') });
      const call = () =>
        c.describeInstanceStatus({ RegionId: 'cn-hangzhou' }).then(
          () => 'ok',
          (e: AcsServiceError) => e.code,
        );
      const burst = [];
      for (let i = 0; i < 5; i++) burst.push(await call());
      expect(burst).toEqual(['ok', 'ok', 'ok', 'Throttling.User', 'Throttling.User']);
      now += 400; // 1.2 tokens at 3 a second
      expect([await call(), await call()]).toEqual(['ok', 'Throttling.User']);
      now += 10_000; // refills to the burst, never beyond
      const refilled = [];
      for (let i = 0; i < 4; i++) refilled.push(await call());
      expect(refilled).toEqual(['ok', 'ok', 'ok', 'Throttling.User']);
    } finally {
      await limited.close();
    }
  });

  it.each(['x-acs-fault', 'acs-rpc-fault'])('reads the %s header, unsigned even in V3', async (header) => {
    for (const signatureVersion of ['v3', 'v1'] as const) {
      const error = await client({
        retry: false,
        signatureVersion,
        fetch: (url: string, init: RequestInit) =>
          fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), [header]: '5xx' } }),
      })
        .describeInstanceStatus({ RegionId: 'cn-hangzhou' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'InternalError', httpStatus: 500 });
    }
  });

  it('fails only the first N repeats of a call with ;times=N', async () => {
    const params = { RegionId: 'cn-hangzhou', PageNumber: '3' };
    const headers = { 'x-acs-fault': '503;times=2' };
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await rawV3(server.url, params, { headers })).status);
    expect(codes).toEqual([503, 503, 200]);
    // Another call (other parameters) has its own count.
    expect((await rawV1(server.url, { ...params, PageSize: '5' }, { headers })).status).toBe(503);
  });

  it('lets a retrying client through a fault limited by ;times', async () => {
    const page = await client({
      retry: { baseDelayMs: 1 },
      ...fault('throttling;times=2'),
    }).describeInstanceStatus({ RegionId: 'cn-hangzhou', PageNumber: 4 });
    expect(page.PageNumber).toBe(4);
  });

  it('fails the first requests of a flaky server, which the client retries through', async () => {
    const page = await new EcsClient({
      endpoint: flaky.url,
      credentials,
      retry: { baseDelayMs: 1 },
    }).describeInstanceStatus({ RegionId: 'cn-hangzhou' });
    expect(page.TotalCount).toBe(137);
  });
});
