// A bounded load test of the reference server (issue 13): a fixed number of signed calls over
// loopback, alone and beside abusive senders, each scenario against a fresh server in a process of
// its own (`server-process.ts`), so its RSS before and after is the server's. Throughput and latency
// percentiles are those of the signed calls; the load comes from another process (`load-worker.ts`).
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Built, Stream } from './load-worker.ts';
import { presign } from './presign.ts';
import { forkServer, type ServerChild } from './server-child.ts';

const run = promisify(execFile);

export interface LoadFigure {
  readonly scenario: string;
  /** Signed calls answered 200, and how many were not. */
  readonly requests: number;
  readonly errors: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The server process's, after a full collection, before the load and after it. */
  readonly rssBeforeMb: number;
  readonly rssAfterMb: number;
  readonly heapBeforeMb: number;
  readonly heapAfterMb: number;
  /** What the other senders did meanwhile, when there were any. */
  readonly background?: { readonly label: string; readonly requests: number; readonly errors: number };
}

export interface LoadOptions {
  /** Signed calls per scenario (default 10,000). */
  readonly requests?: number;
  /** Connections for the signed calls (default 16). */
  readonly concurrency?: number;
  /** Length of the nonces of the third scenario (default 60,000, under the 64 KiB value limit). */
  readonly nonceBytes?: number;
  /** Another `server/` directory to measure (see server-process.ts); default this repository's. */
  readonly serverDir?: string;
}

interface StreamResult {
  readonly label: string;
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const MB = 2 ** 20;
const ACTION = { action: 'DescribeInstanceStatus', version: '2014-05-26' };
const PARAMS: [string, string][] = [['RegionId', 'cn-hangzhou']];

export async function runServerLoad(options: LoadOptions = {}): Promise<LoadFigure[]> {
  const count = options.requests ?? 10_000;
  const concurrency = options.concurrency ?? 16;
  // Each scenario has a fresh server, so one set of nonces serves them all; the Host they sign is
  // sent as signed, whatever port the server has.
  const calls: Stream = {
    label: 'signed calls',
    concurrency,
    requests: await presign('http://127.0.0.1', count),
    count,
  };
  const scenarios: [string, Stream[]][] = [
    ['signed V3 calls alone', [calls]],
    [
      'beside 4 senders of 1 MiB forms of 340,000 parameters, wrong signature (item 7)',
      [calls, { label: 'refused forms', concurrency: 4, requests: [hugeForm()], expectStatus: 400 }],
    ],
    [
      `beside 2 senders of signed V1 calls with ${options.nonceBytes ?? 60_000}-byte nonces (item 6)`,
      [
        calls,
        {
          label: 'long-nonce calls',
          concurrency: 2,
          sign: { nonceBytes: options.nonceBytes ?? 60_000, ...ACTION },
          params: PARAMS,
        },
      ],
    ],
  ];
  const figures: LoadFigure[] = [];
  for (const [scenario, streams] of scenarios)
    figures.push(await measure(scenario, streams, options.serverDir));
  return figures;
}

async function measure(
  scenario: string,
  streams: readonly Stream[],
  serverDir: string | undefined,
): Promise<LoadFigure> {
  const server = await startServerProcess(serverDir);
  try {
    const before = await server.memory();
    const [calls, other] = await load(server.url, streams);
    const after = await server.memory();
    return {
      scenario,
      requests: calls!.requests,
      errors: calls!.errors,
      requestsPerSecond: calls!.requests / calls!.seconds,
      p50Ms: calls!.p50Ms,
      p99Ms: calls!.p99Ms,
      rssBeforeMb: before.rss / MB,
      rssAfterMb: after.rss / MB,
      heapBeforeMb: before.heapUsed / MB,
      heapAfterMb: after.heapUsed / MB,
      ...(other === undefined
        ? {}
        : { background: { label: other.label, requests: other.requests, errors: other.errors } }),
    };
  } finally {
    await server.stop();
  }
}

/** A V1 form of 340,000 empty parameters (just under 1 MiB) whose signature is wrong. */
function hugeForm(): Built {
  const common = new URLSearchParams({
    ...{ Action: ACTION.action, Version: ACTION.version, AccessKeyId: 'testid' },
    ...{ SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: 'huge' },
    ...{ Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), Signature: 'wrong' },
  });
  return {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `${common}&${'a=&'.repeat(340_000)}RegionId=cn-hangzhou`,
  };
}

async function load(url: string, streams: readonly Stream[]): Promise<StreamResult[]> {
  const dir = join(import.meta.dirname, 'out');
  mkdirSync(dir, { recursive: true });
  const job = join(dir, 'server-load-job.json');
  writeFileSync(job, JSON.stringify({ url, streams }));
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'load-worker.ts'), job],
    { timeout: 600_000, maxBuffer: 16 * 2 ** 20 },
  );
  return (JSON.parse(stdout.trim().split('\n').pop()!) as { streams: StreamResult[] }).streams;
}

function startServerProcess(serverDir: string | undefined): Promise<ServerChild> {
  const args = serverDir === undefined ? [] : [pathToFileURL(`${resolve(serverDir)}/`).href];
  return forkServer(join(import.meta.dirname, 'server-process.ts'), args);
}

/** The section of bench/RESULTS.md. */
export function serverLoadSection(figures: readonly LoadFigure[], options: LoadOptions = {}): string[] {
  const mb = (n: number) => n.toFixed(0);
  return [
    `## Reference server under load (${options.requests ?? 10_000} signed calls per scenario, ${options.concurrency ?? 16} connections, loopback; a fresh server process each)`,
    '',
    '| scenario | calls/s | p50 | p99 | errors | server RSS before → after | heap before → after | meanwhile |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...figures.map(
      (f) =>
        `| ${f.scenario} | ${f.requestsPerSecond.toFixed(0)} | ${f.p50Ms.toFixed(1)} ms | ${f.p99Ms.toFixed(1)} ms | ${f.errors} | ${mb(f.rssBeforeMb)} → ${mb(f.rssAfterMb)} MB | ${mb(f.heapBeforeMb)} → ${mb(f.heapAfterMb)} MB | ${f.background === undefined ? '' : `${f.background.requests} ${f.background.label} (${f.background.errors} not as expected)`} |`,
    ),
    '',
    'Memory is read after a full collection. Refused forms are answered InvalidParameter naming `Parameters`',
    'before they are decoded or verified; long nonces are kept as digests, so they do not grow the heap.',
    '',
  ];
}

// `tsx bench/server-load.ts [REQUESTS] [SERVER_DIR]`: this file alone.
if (process.argv[1] === import.meta.filename) {
  const [requests, serverDir] = process.argv.slice(2);
  const options = {
    ...(requests === undefined ? {} : { requests: Number(requests) }),
    ...(serverDir === undefined ? {} : { serverDir }),
  };
  const figures = await runServerLoad(options);
  process.stdout.write(`${serverLoadSection(figures, options).join('\n')}\n`);
}
