// Requests per second of signed DescribeInstanceStatus calls against the reference server, beside a
// bare node:http server returning a fixed body (the limit), the load generated in another process.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repositoryPackages } from '../server/packages.ts';
import { startServer } from '../server/start.ts';
import { signRequest } from '../templates/runtime/sign-request.ts';

const run = promisify(execFile);

export interface ThroughputFigure {
  readonly target: string;
  readonly requestsPerSecond: number;
  readonly errors: number;
}

export async function runServerThroughput(
  options: { seconds?: number; concurrency?: number } = {},
): Promise<ThroughputFigure[]> {
  const seconds = options.seconds ?? 3;
  const concurrency = options.concurrency ?? 16;
  const reference = await startServer(await repositoryPackages());
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      '{"RequestId":"R","TotalCount":0,"PageNumber":1,"PageSize":10,"InstanceStatuses":{"InstanceStatus":[]}}',
    );
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  try {
    // Signed ahead of time, each with its own nonce (the server refuses replays), so the load
    // generator measures the server, not signing. Several times the rate measured here; were they
    // used up, the replays would show as errors.
    const signed = await presign(reference.url, Math.ceil(15_000 * seconds));
    return [
      { target: 'bare node:http (the limit)', ...(await load(bareUrl, signed, seconds, concurrency)) },
      {
        target: 'reference server (signed V3 calls)',
        ...(await load(reference.url, signed, seconds, concurrency)),
      },
    ];
  } finally {
    await reference.close();
    bare.close();
  }
}

/** Signed ahead of time, each with its own nonce: the load generator then measures the server, not signing. */
export async function presign(url: string, count: number) {
  const endpoint = new URL(url);
  const one = async (i: number) => {
    const r = await signRequest(
      {
        method: 'GET',
        endpoint,
        path: '/',
        action: 'DescribeInstanceStatus',
        version: '2014-05-26',
        params: [['RegionId', 'cn-hangzhou']],
        format: 'JSON',
      },
      { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      { signatureVersion: 'v3', now: new Date(), nonce: `bench-${i}-${Math.random()}` },
    );
    return { path: r.url.slice(url.length), headers: { ...r.headers, host: endpoint.host } };
  };
  const requests = [];
  // In batches: WebCrypto works off the main thread, so signing in parallel halves the wait.
  for (let i = 0; i < count; i += 1_000) {
    requests.push(
      ...(await Promise.all(Array.from({ length: Math.min(1_000, count - i) }, (_, j) => one(i + j)))),
    );
  }
  return requests;
}

async function load(url: string, requests: unknown[], seconds: number, concurrency: number) {
  const dir = join(import.meta.dirname, 'out');
  mkdirSync(dir, { recursive: true });
  const job = join(dir, 'load-job.json');
  writeFileSync(job, JSON.stringify({ url, requests, seconds, concurrency }));
  const { stdout } = await run(process.execPath, [
    '--import',
    'tsx',
    join(import.meta.dirname, 'load-worker.ts'),
    job,
  ]);
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as {
    requests: number;
    errors: number;
    seconds: number;
  };
  return { requestsPerSecond: result.requests / result.seconds, errors: result.errors };
}

if (process.argv[1] === import.meta.filename) {
  const figures = await runServerThroughput();
  for (const f of figures)
    console.log(
      `${f.target.padEnd(36)} ${f.requestsPerSecond.toFixed(0).padStart(7)} req/s (${f.errors} errors)`,
    );
  console.log(
    `ratio: ${((figures[1]!.requestsPerSecond / figures[0]!.requestsPerSecond) * 100).toFixed(0)}% of the bare server`,
  );
}
