// The conformance suite: zero failures against the reference server. Broken servers and the checks
// that catch them: mutants.test.ts.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { conformanceChecks, conformanceFacts, runChecks } from '@acs-rpc/ecs/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { startEcsServer } from '../../support/ecs-server.ts';

const server = await startEcsServer();
afterAll(() => server.close());
const target = (endpoint: string, values: Record<string, string> = {}) => ({
  endpoint,
  accessKeyId: 'testid',
  accessKeySecret: 'testsecret',
  values,
});

// Every check of the hand-written action and every service-wide one (authentication, protocol, request
// ids); the whole product's suite runs as generated/ecs/conformance/, against the seeded server.
const serviceWide = conformanceChecks()
  .filter((c) => !c.id.split('.').includes(c.action))
  .map((c) => c.id);
const CURATED = ['*.DescribeInstanceStatus.*', ...serviceWide].join(',');

describe('against the reference server', () => {
  it('passes every check of an action and every service-wide check', async () => {
    const result = await runChecks(conformanceFacts, target(server.url), {
      seed: 42,
      authChecks: true,
      only: CURATED,
    });
    expect(result.outcomes.filter((o) => o.failure !== undefined)).toEqual([]);
    expect(result.outcomes.length).toBeGreaterThan(50);
    expect(result.outcomes.map((o) => o.id)).toEqual(expect.arrayContaining(serviceWide));
    expect(result.codesSeen).toContain('InvalidRegionId.NotFound');
  });

  it('has no flakes: 50 seeds, 0 failures in every check that signs, tampers or generates', async () => {
    // Everything random in a run: signatures and nonces (the tampering checks once failed when a
    // base64 signature began with + or /), and fast-check's requests. Five runs at a time.
    const seeds = Array.from({ length: 50 }, (_, i) => 1000 + i * 7919);
    const failures: string[] = [];
    for (let i = 0; i < seeds.length; i += 5) {
      const runs = await Promise.all(
        seeds.slice(i, i + 5).map((seed) =>
          runChecks(conformanceFacts, target(server.url), {
            seed,
            authChecks: true,
            only: 'auth.*,fuzz.DescribeInstanceStatus',
          }),
        ),
      );
      runs.forEach((run, j) => {
        for (const o of run.outcomes)
          if (o.failure !== undefined) failures.push(`seed ${seeds[i + j]}: ${o.id}: ${o.failure.message}`);
      });
    }
    expect(failures).toEqual([]);
    // 50 runs of some 120 checks each: minutes on a busy 2-core machine, seconds on a quiet one.
  }, 240_000);

  it('says its options on --help (exit 0) and its usage on a wrong option (exit 2), by its bin name', async () => {
    const bin = join(import.meta.dirname, '..', '..', '..', 'generated', 'ecs', 'bin', 'conformance.js');
    const help = await promisify(execFile)(process.execPath, [bin, '--help']);
    expect(help.stdout).toMatch(/^Usage: ecs-conformance --endpoint URL /);
    expect(help.stdout).toContain('--only takes a check id, a glob');
    expect(help.stdout).toContain(
      'Exit status: 0 every check passed, 1 a check failed, 2 a wrong command line',
    );
    const wrong = await promisify(execFile)(process.execPath, [bin, '--bogus']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(wrong).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown option '--bogus'\nUsage: ecs-conformance /),
    });
  });

  it('runs from the package bin: JUnit file, exit 0, `N passed, N failed` last', async () => {
    const junit = join(await mkdtemp(join(tmpdir(), 'acs-junit-')), 'report.xml');
    const bin = join(import.meta.dirname, '..', '..', '..', 'generated', 'ecs', 'bin', 'conformance.js');
    const args = [
      bin,
      '--endpoint',
      server.url,
      '--access-key-id',
      'testid',
      '--access-key-secret',
      'testsecret',
      '--only',
      'boundary.DescribeInstanceStatus.*',
      '--junit',
      junit,
      '--seed',
      '1',
    ];
    const { stdout } = await promisify(execFile)(process.execPath, args);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    expect(stdout).not.toContain('testsecret');
    const xml = await readFile(junit, 'utf8');
    expect(xml).toMatch(/<testsuite name="Ecs-conformance" tests="\d+" failures="0"/);
    expect(xml).toContain(
      '<testcase classname="Ecs-conformance.boundary" name="boundary.DescribeInstanceStatus.PageSize.max-50"',
    );
  });

  it('filters by values the unfiltered results hold when none is given (the spec’s example names a zone the seed lacks)', async () => {
    const result = await runChecks(conformanceFacts, target(server.url, { RegionId: 'cn-hangzhou' }), {
      seed: 1,
      authChecks: false,
      only: 'pagination.DescribeDisks.filter-ZoneId-within-all',
    });
    expect(result.outcomes.map((o) => [o.id, o.failure?.message])).toEqual([
      ['pagination.DescribeDisks.filter-ZoneId-within-all', undefined],
    ]);
  });

  it('shards without overlap or omission', async () => {
    const ids = async (shard?: { index: number; count: number }) =>
      (
        await runChecks(conformanceFacts, target(server.url), {
          seed: 1,
          authChecks: true,
          only: 'boundary.DescribeInstanceStatus.*',
          ...(shard ? { shard } : {}),
        })
      ).outcomes.map((o) => o.id);
    const all = await ids();
    const parts = [
      ...(await ids({ index: 1, count: 3 })),
      ...(await ids({ index: 2, count: 3 })),
      ...(await ids({ index: 3, count: 3 })),
    ];
    expect(parts.sort()).toEqual([...all].sort());
  });
});

describe('declared cases, offline', () => {
  it('fail when the client’s serializer or parser disagrees with the spec', async () => {
    const { offlineCaseChecks } = await import('../../../generated/ecs/dist/conformance/checks/cases.js');
    const action = conformanceFacts.actions.find((a) => a.descriptor.name === 'DescribeInstanceStatus')!;
    const wrong = {
      ...conformanceFacts,
      actions: [
        {
          ...action,
          cases: [
            {
              id: 'bad-wire',
              request: { RegionId: 'x', InstanceId: ['a', 'b'] },
              wire: [
                ['RegionId', 'x'],
                ['InstanceId.1', 'b'],
                ['InstanceId.2', 'a'],
              ],
            },
            {
              id: 'bad-parse',
              request: { RegionId: 'x' },
              response: { format: 'JSON' as const, body: '{"TotalCount":"2"}', parsed: { TotalCount: '2' } },
            },
            {
              id: 'not-refused',
              request: { RegionId: 'x', PageSize: 5 },
              error: { code: 'InvalidParameter', param: 'PageSize' },
            },
          ],
        },
      ],
    };
    const outcomes = await Promise.all(
      offlineCaseChecks(wrong as unknown as typeof conformanceFacts).map((c: { run(): Promise<void> }) =>
        c.run().then(
          () => 'passed',
          (e: Error) => e.message,
        ),
      ),
    );
    expect(outcomes[0]).toMatch(/^serialized /);
    expect(outcomes[1]).toMatch(/^parsed /);
    expect(outcomes[2]).toMatch(/should refuse the request, naming PageSize/);
  });
});
