// The state model through the generated ECS client: StartInstance and StopInstance change what
// DescribeInstanceStatus reports, the transitional state shows for a counted number of reads.
import { AcsServiceError, EcsClient } from '@acs-rpc/ecs';
import { afterAll, describe, expect, it } from 'vitest';
import { startEcsServer } from '../../support/ecs-server.ts';

const server = await startEcsServer();
const slow = await startEcsServer({ settleAfterReads: 3 });
afterAll(() => Promise.all([server.close(), slow.close()]));
const credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
const clientOf = (url: string, fault?: string) =>
  new EcsClient({
    endpoint: url,
    credentials,
    ...(fault === undefined
      ? {}
      : {
          fetch: (input: string, init: RequestInit) =>
            fetch(input, {
              ...init,
              headers: { ...(init.headers as Record<string, string>), 'acs-rpc-fault': fault },
            }),
        }),
  });
const client = clientOf(server.url);

const statusOf = async (c: EcsClient, id: string) =>
  (await c.describeInstanceStatus({ RegionId: 'cn-hangzhou', InstanceId: [id] })).InstanceStatuses
    .InstanceStatus[0]?.Status;
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (e: unknown) => (e instanceof AcsServiceError ? `${e.httpStatus} ${e.code}` : String(e)),
  );

describe('the instance lifecycle', () => {
  it('start: Stopped → Starting (next read) → Running; starting again is IncorrectInstanceStatus', async () => {
    expect(await statusOf(client, 'i-hz0003')).toBe('Stopped');
    await client.startInstance({ InstanceId: 'i-hz0003' });
    expect(await codeOf(client.startInstance({ InstanceId: 'i-hz0003' }))).toBe(
      '403 IncorrectInstanceStatus',
    );
    expect(await statusOf(client, 'i-hz0003')).toBe('Starting');
    expect(await statusOf(client, 'i-hz0003')).toBe('Running');
    expect(await codeOf(client.startInstance({ InstanceId: 'i-hz0003' }))).toBe(
      '403 IncorrectInstanceStatus',
    );
  });

  it('stop: Running → Stopping → Stopped, then it can start again', async () => {
    expect(await statusOf(client, 'i-hz0002')).toBe('Running');
    await client.stopInstance({ InstanceId: 'i-hz0002', ForceStop: true });
    expect(await statusOf(client, 'i-hz0002')).toBe('Stopping');
    expect(await codeOf(client.stopInstance({ InstanceId: 'i-hz0002' }))).toBe('403 IncorrectInstanceStatus');
    expect(await statusOf(client, 'i-hz0002')).toBe('Stopped');
    await client.startInstance({ InstanceId: 'i-hz0002' });
    expect(await statusOf(client, 'i-hz0002')).toBe('Starting');
  });

  it.each([
    ['an unknown id', { given: { InstanceId: 'i-nope' }, want: '404 InvalidInstanceId.NotFound' }],
    ['a Pending instance', { given: { InstanceId: 'i-hz0005' }, want: '403 IncorrectInstanceStatus' }],
    [
      'a dry run that would pass',
      { given: { InstanceId: 'i-hz0008', DryRun: true }, want: '400 DryRunOperation' },
    ],
  ])('start of %s answers %s', async (_name, { given, want }) => {
    expect(await codeOf(client.startInstance(given))).toBe(want);
  });

  it('a dry run changes nothing', async () => {
    const before = await statusOf(client, 'i-hz0008');
    await codeOf(client.stopInstance({ InstanceId: 'i-hz0008', DryRun: true }));
    await codeOf(client.startInstance({ InstanceId: 'i-hz0008', DryRun: true }));
    expect(await statusOf(client, 'i-hz0008')).toBe(before);
  });

  it('shows the transitional state for as many reads as configured', async () => {
    const c = clientOf(slow.url);
    await c.startInstance({ InstanceId: 'i-hz0003' });
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(await statusOf(c, 'i-hz0003'));
    expect(seen).toEqual(['Starting', 'Starting', 'Starting', 'Running', 'Running']);
  });

  it('counts only reads that carry the instance (another page does not settle it)', async () => {
    const c = clientOf(slow.url);
    await c.stopInstance({ InstanceId: 'i-hz0007' });
    await c.describeInstanceStatus({ RegionId: 'cn-shanghai' });
    await c.describeInstanceStatus({ RegionId: 'cn-hangzhou', PageNumber: 3 });
    expect(await statusOf(c, 'i-hz0007')).toBe('Stopping');
  });

  it('is never retried by the client (not idempotent), where a read is', async () => {
    const flaky = clientOf(server.url, '503;times=1');
    expect(await codeOf(flaky.startInstance({ InstanceId: 'i-hz0013' }))).toBe('503 ServiceUnavailable');
    expect(await statusOf(flaky, 'i-hz0013')).toBe('Stopped');
  });
});

describe('start an instance, then wait until it is running (the generated waiter)', () => {
  it('polls DescribeInstanceStatus through Starting until Running, backing off between polls', async () => {
    const fresh = await startEcsServer({ settleAfterReads: 3 });
    try {
      const c = clientOf(fresh.url);
      const waits: number[] = [];
      let clock = 0;
      await c.startInstance({ InstanceId: 'i-hz0008' });
      const result = await c.waitUntilInstanceRunning(
        { RegionId: 'cn-hangzhou', InstanceId: ['i-hz0008'] },
        {
          maxWaitSeconds: 300,
          environment: {
            now: () => clock,
            random: () => 0.5,
            sleep: async (ms) => {
              waits.push(ms);
              clock += ms;
            },
          },
        },
      );
      expect(result).toMatchObject({ state: 'success' });
      // Three reads show Starting, the fourth Running: three waits, each within the spec's delays.
      expect(waits).toHaveLength(3);
      expect(waits.every((ms) => ms >= 2_000 && ms <= 30_000)).toBe(true);
      expect(await statusOf(c, 'i-hz0008')).toBe('Running');
    } finally {
      await fresh.close();
    }
  });

  it('fails, naming the state, when the instance is stopped instead', async () => {
    const fresh = await startEcsServer({ settleAfterReads: 1 });
    try {
      const c = clientOf(fresh.url);
      const error = await c
        .waitUntilInstanceRunning(
          { RegionId: 'cn-hangzhou', InstanceId: ['i-hz0006'] },
          { maxWaitSeconds: 300, environment: { now: () => 0, random: () => 0.5, sleep: async () => {} } },
        )
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'Waiter.Failure' });
    } finally {
      await fresh.close();
    }
  });
});
