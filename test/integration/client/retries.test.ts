// Retries: what is retried, how often, how long between, re-signed each time; clock skew once.
import {
  AcsNetworkError,
  AcsServiceError,
  describeInstanceStatusAction,
  EcsClient,
  type EcsClientConfig,
} from '@acs-rpc/ecs';
import { RpcClient } from '@acs-rpc/runtime/client.js';
import { sleep as realSleep } from '@acs-rpc/runtime/retry.js';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ecsService } from '../../../generated/ecs/dist/service.js';
import { pagesOf } from '../../support/ecs-pages.ts';
import { errorBody, type FakeServer, json, reset, startFakeServer } from '../../support/fake-server.ts';

const credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
const server: FakeServer = await startFakeServer(pagesOf(2));
afterAll(() => server.close());
beforeEach(() => server.reset());

const fast = { baseDelayMs: 1, maxDelayMs: 5 };
function client(config: EcsClientConfig = {}): EcsClient {
  return new EcsClient({ endpoint: server.url, credentials, retry: fast, ...config });
}
const call = (c: EcsClient) => c.describeInstanceStatus({ RegionId: 'cn-hangzhou' }).catch((e: unknown) => e);

describe('retries', () => {
  it.each([
    ['ServiceUnavailable (503)', json(503, errorBody('ServiceUnavailable'))],
    ['Throttling.User (400, retryable by the spec)', json(400, errorBody('Throttling.User'))],
    ['InternalError (500)', json(500, errorBody('InternalError'))],
    ['a bare 429', json(429, {})],
    ['a connection reset', reset],
  ])('retries %s and succeeds, re-signing each attempt', async (_name, failure) => {
    server.script(failure, failure);
    const page = await call(client());
    expect(page).toMatchObject({ TotalCount: 2 });
    expect(server.requests).toHaveLength(3);
    const nonces = server.requests.map((r) => r.headers['x-acs-signature-nonce']);
    expect(new Set(nonces).size).toBe(3);
    const signatures = server.requests.map((r) => r.headers.authorization);
    expect(new Set(signatures).size).toBe(3);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const unavailable = json(503, errorBody('ServiceUnavailable'));
    server.script(unavailable, unavailable, unavailable);
    const error = await call(client());
    expect(error).toBeInstanceOf(AcsServiceError);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry what is not retryable', async () => {
    server.script(json(404, errorBody('InvalidRegionId.NotFound')));
    await call(client());
    expect(server.requests).toHaveLength(1);
  });

  it('never retries an action the spec marks non-idempotent', async () => {
    server.script(json(503, errorBody('ServiceUnavailable')));
    const core = new RpcClient(ecsService, { endpoint: server.url, credentials, retry: fast });
    const nonIdempotent = { ...describeInstanceStatusAction, idempotent: false };
    const error = await core.invoke(nonIdempotent, { RegionId: 'cn-hangzhou' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsServiceError);
    expect(server.requests).toHaveLength(1);
  });

  it('stops retrying when the retry quota is spent, and refills it on success', async () => {
    const c = client({
      retry: { ...fast, maxAttempts: 5, quotaCapacity: 10, retryCost: 5, successRefund: 1 },
    });
    const reset5 = Array.from({ length: 5 }, () => reset);
    server.script(...reset5);
    expect(await call(c)).toBeInstanceOf(AcsNetworkError);
    expect(server.requests).toHaveLength(3); // two retries spent the quota of 10
    server.requests.length = 0;
    server.script(reset);
    expect(await call(c)).toBeInstanceOf(AcsNetworkError);
    expect(server.requests).toHaveLength(1); // nothing left for a retry
  });

  it.each([
    ['waits what Retry-After asks', 10_000, [1_000]],
    ['within its cap', 120, [120]],
  ])('honours Retry-After: %s', async (_name, maxRetryAfterMs, want) => {
    server.script(json(503, errorBody('ServiceUnavailable'), { 'retry-after': '1' }));
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    await call(client({ retry: { ...fast, maxRetryAfterMs }, random: () => 0, sleep }));
    expect(waits).toEqual(want);
    expect(server.requests).toHaveLength(2);
  });

  it('stops waiting between retries when aborted', async () => {
    server.script(json(503, errorBody('ServiceUnavailable'), { 'retry-after': '10' }));
    const controller = new AbortController();
    const waits: number[] = [];
    let stoppedAtOnce = false;
    // The real wait, aborted while it runs: it must give up before the next turn of the event loop.
    const sleep = async (ms: number, signal?: AbortSignal) => {
      waits.push(ms);
      const waiting = realSleep(ms, signal);
      controller.abort();
      stoppedAtOnce = await Promise.race([
        waiting.then(
          () => false,
          () => true,
        ),
        new Promise<boolean>((resolve) => setImmediate(resolve, false)),
      ]);
      return waiting;
    };
    const error = await client({ retry: { ...fast, maxRetryAfterMs: 10_000 }, random: () => 0, sleep })
      .describeInstanceStatus({ RegionId: 'cn-hangzhou' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'Client.Aborted' });
    expect(waits).toEqual([10_000]);
    expect(stoppedAtOnce).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});

describe('clock skew', () => {
  it('learns the offset from the Date header and retries once, even with retries off', async () => {
    const serverTime = Date.parse('2030-01-01T00:00:00Z');
    server.script(
      json(400, errorBody('InvalidTimeStamp.Expired'), { date: new Date(serverTime).toUTCString() }),
    );
    const localTime = serverTime - 3_600_000;
    const c = client({ retry: false, now: () => localTime });
    expect(await call(c)).toMatchObject({ TotalCount: 2 });
    expect(server.requests.map((r) => r.headers['x-acs-date'])).toEqual([
      '2029-12-31T23:00:00Z',
      '2030-01-01T00:00:00Z',
    ]);
    server.requests.length = 0;
    await call(c);
    expect(server.requests[0]!.headers['x-acs-date']).toBe('2030-01-01T00:00:00Z');
  });
});
