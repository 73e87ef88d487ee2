// The generated ECS client's waiters against a scripted server: waitUntilInstanceRunning polls
// DescribeInstanceStatus with the caller's request until the spec's acceptors decide, on an injected
// clock so nothing waits.
import { AcsWaiterError, EcsClient, type WaiterEnvironment } from '@acs-rpc/ecs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { errorBody, type FakeServer, json, startFakeServer } from '../../support/fake-server.ts';

const server: FakeServer = await startFakeServer(json(500, errorBody('InternalError')));
afterAll(() => server.close());
beforeEach(() => server.reset());

const ecs = new EcsClient({
  endpoint: server.url,
  credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
  retry: false,
});
const page = (...statuses: string[]) =>
  json(200, {
    RequestId: 'R',
    TotalCount: statuses.length,
    PageNumber: 1,
    PageSize: 10,
    InstanceStatuses: { InstanceStatus: statuses.map((Status, i) => ({ InstanceId: `i-${i}`, Status })) },
  });

function clock(): WaiterEnvironment & { waited: number } {
  const env = {
    waited: 0,
    now: () => env.waited,
    random: () => 0,
    sleep: async (ms: number) => {
      env.waited += ms;
    },
  };
  return env;
}

describe('waitUntilInstanceRunning', () => {
  it('polls with the same request until every instance is Running', async () => {
    server.script(page('Starting', 'Running'), page('Starting', 'Running'), page('Running', 'Running'));
    const env = clock();
    const result = await ecs.waitUntilInstanceRunning(
      { RegionId: 'cn-hangzhou', InstanceId: ['i-0', 'i-1'] },
      { maxWaitSeconds: 600, environment: env },
    );
    expect(result.attempts).toBe(3);
    expect(server.requests.map((r) => r.headers['x-acs-action'])).toEqual(
      Array(3).fill('DescribeInstanceStatus'),
    );
    expect(server.requests.every((r) => r.url.searchParams.get('InstanceId.2') === 'i-1')).toBe(true);
    expect(env.waited).toBe(4000);
  });

  it.each([
    ['an instance that is Stopping', page('Stopping'), 'Waiter.Failure'],
    ['an unknown region', json(404, errorBody('InvalidRegionId.NotFound')), 'Waiter.Failure'],
  ])('fails on %s (the spec’s failure acceptors)', async (_name, answer, code) => {
    server.script(answer);
    const error = await ecs
      .waitUntilInstanceRunning({ RegionId: 'cn-hangzhou' }, { maxWaitSeconds: 60, environment: clock() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsWaiterError);
    expect(error).toMatchObject({ code, waiter: 'InstanceRunning', attempts: 1 });
  });

  it('times out within maxWaitSeconds when the instances stay Starting', async () => {
    const stuck = page('Starting');
    server.script(...Array(50).fill(stuck));
    const env = clock();
    const error = await ecs
      .waitUntilInstanceRunning({ RegionId: 'cn-hangzhou' }, { maxWaitSeconds: 20, environment: env })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AcsWaiterError', code: 'Waiter.Timeout' });
    expect(env.waited).toBeLessThanOrEqual(20_000);
    expect(JSON.stringify(error)).not.toContain('testsecret');
  });

  it('ends with Waiter.Timeout at the bound while a poll is still waiting for the server', async () => {
    server.script(() => {
      // Never answers: the call ends only when the waiter's bound aborts it.
    });
    const error = await ecs
      .waitUntilInstanceRunning({ RegionId: 'cn-hangzhou' }, { maxWaitSeconds: 0.2, environment: clock() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AcsWaiterError', code: 'Waiter.Timeout', attempts: 1 });
    expect((error as Error).cause).toMatchObject({ code: 'Client.Aborted' });
    expect(server.requests).toHaveLength(1);
  });
});
