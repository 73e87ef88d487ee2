// Per-call overhead: calls per second against one local server (in another process) from this
// process — the generated client vs the official SDK vs a raw fetch of a pre-signed URL (the limit).
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { EcsClient } from '@acs-rpc/ecs';
import { signRequest } from '../templates/runtime/sign-request.ts';

const require = createRequire(import.meta.url);

export interface CallFigure {
  readonly client: string;
  /** Median of the rounds; min and max give the spread. */
  readonly callsPerSecond: number;
  readonly min: number;
  readonly max: number;
}

export async function measurePerCall(
  options: { seconds?: number; concurrency?: number; rounds?: number } = {},
): Promise<CallFigure[]> {
  const seconds = options.seconds ?? 1;
  const concurrency = options.concurrency ?? 8;
  const { url, child } = await startFixedServer();
  try {
    const credentials = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
    const presigned = await signRequest(
      {
        method: 'GET',
        endpoint: new URL(url),
        path: '/',
        action: 'DescribeInstanceStatus',
        version: '2014-05-26',
        params: [['RegionId', 'cn-hangzhou']],
        format: 'JSON',
      },
      credentials,
      { signatureVersion: 'v3', now: new Date(), nonce: 'fixed' },
    );
    const ours = new EcsClient({ endpoint: url, credentials, retry: false });
    const Ecs = require('@alicloud/ecs20140526');
    const OpenApi = require('@alicloud/openapi-client');
    const official = new Ecs.default(
      new OpenApi.Config({
        ...credentials,
        endpoint: new URL(url).host,
        protocol: 'http',
        regionId: 'cn-hangzhou',
      }),
    );
    const request = new Ecs.DescribeInstanceStatusRequest({ regionId: 'cn-hangzhou' });
    const clients: [string, () => Promise<unknown>][] = [
      [
        'raw fetch of a pre-signed URL (the limit)',
        () => fetch(presigned.url, { headers: presigned.headers }).then((r) => r.json()),
      ],
      ['generated client', () => ours.describeInstanceStatus({ RegionId: 'cn-hangzhou' })],
      ['@alicloud/ecs20140526', () => official.describeInstanceStatus(request)],
    ];
    const figures: CallFigure[] = [];
    for (const [client, call] of clients) {
      await rate(call, 0.2, concurrency); // warm up connections and JIT
      // Rounds interleave nothing else; the median stands for the client, min and max for the noise.
      const rounds: number[] = [];
      for (let i = 0; i < (options.rounds ?? 3); i++) rounds.push(await rate(call, seconds, concurrency));
      rounds.sort((a, b) => a - b);
      figures.push({
        client,
        callsPerSecond: rounds[Math.floor(rounds.length / 2)]!,
        min: rounds[0]!,
        max: rounds.at(-1)!,
      });
    }
    return figures;
  } finally {
    child.kill();
  }
}

async function rate(call: () => Promise<unknown>, seconds: number, concurrency: number): Promise<number> {
  let calls = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await call();
        calls++;
      }
    }),
  );
  return calls / ((performance.now() - started) / 1000);
}

function startFixedServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(join(import.meta.dirname, 'fixed-server.ts'), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ url: chunk.toString().trim(), child }));
    child.once('error', reject);
  });
}

if (process.argv[1] === import.meta.filename) {
  const figures = await measurePerCall();
  for (const f of figures)
    console.log(`${f.client.padEnd(42)} ${f.callsPerSecond.toFixed(0).padStart(7)} calls/s`);
  console.log(
    `generated/raw ${(figures[1]!.callsPerSecond / figures[0]!.callsPerSecond).toFixed(2)}, generated/official ${(figures[1]!.callsPerSecond / figures[2]!.callsPerSecond).toFixed(1)}x`,
  );
}
