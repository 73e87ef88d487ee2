// Requests per second of signed V3 calls to the reference server, beside a bare node:http server that
// answers every request with the same bytes (the reference server's own answer to the call): the
// limit. Like with like (issue 15 item 7): each server in a process of its own, the same load tool
// for both (autocannon, `autocannon-worker.ts`, in a third process, sending the same requests),
// alternating rounds (A B, then B A, ...), medians and spread, and the CPU time each server's process
// spends per request beside its requests/s. The load tool's own CPU share is printed too: near 1.0
// (a full core) against the bare server means the tool, not the server, set that figure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { signRequest } from '../templates/runtime/sign-request.ts';
import type { LoadJob, LoadResult } from './autocannon-worker.ts';
import { forkServer, type ServerChild } from './server-child.ts';

export interface ThroughputOptions {
  readonly seconds?: number;
  readonly rounds?: number;
  readonly connections?: number;
  /** Another `server/` directory measured beside this one (see server-process.ts), e.g. an earlier
   * commit's, to see what a change did in the same run; or the compiled server (`dist/server` after
   * `npm run build`, run in plain Node by server-process-dist.mjs), which is what the installed CLI
   * runs. */
  readonly compareWith?: string;
}

export interface ThroughputRound extends LoadResult {
  readonly requestsPerSecond: number;
  /** The server process's CPU time per answered request, µs. */
  readonly cpuMicrosPerRequest: number;
}

export interface ThroughputFigure {
  readonly target: string;
  readonly rounds: readonly ThroughputRound[];
  /** Medians over the rounds, and the spread of requests/s. */
  readonly requestsPerSecond: number;
  readonly min: number;
  readonly max: number;
  readonly cpuMicrosPerRequest: number;
  readonly loadCpuShare: number;
  readonly errors: number;
}

export interface Throughput {
  readonly bare: ThroughputFigure;
  readonly reference: ThroughputFigure;
  /** The reference server's median requests/s over the bare server's. */
  readonly ratio: number;
  /** The server of `compareWith`, when given. */
  readonly other?: ThroughputFigure;
  readonly bodyBytes: number;
  readonly options: Omit<Required<ThroughputOptions>, 'compareWith'>;
}

/** The goal of issue 15 item 5. */
export const GOAL_RATIO = 0.5;
const ACTION = { action: 'DescribeInstanceStatus', version: '2014-05-26' };
export const CREDENTIALS = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
/** Distinct signed requests made per second of a round: more than either server answers here. */
export const REQUESTS_PER_SECOND_CAP = 60_000;

export async function runServerThroughput(options: ThroughputOptions = {}): Promise<Throughput> {
  const opts = {
    seconds: options.seconds ?? 5,
    rounds: options.rounds ?? 5,
    connections: options.connections ?? 32,
  };
  const dir = join(import.meta.dirname, 'out');
  mkdirSync(dir, { recursive: true });
  const serverProcess = join(import.meta.dirname, 'server-process.ts');
  const reference = await forkServer(serverProcess);
  let bare: ServerChild | undefined;
  let other: ServerChild | undefined;
  try {
    const { file: answerFile, body } = await saveAnswer(reference.url, dir);
    bare = await forkServer(join(import.meta.dirname, 'fixed-server.ts'), [answerFile]);
    const template = await signOne(reference.url, 'template');
    if (options.compareWith !== undefined) {
      const dir = resolve(options.compareWith);
      // A compiled server (`npm run build`: dist/server/) runs in plain Node, as the installed CLI does.
      const compiled = existsSync(join(dir, 'start.js'));
      const file = compiled ? join(import.meta.dirname, 'server-process-dist.mjs') : serverProcess;
      other = await forkServer(file, [pathToFileURL(`${dir}/`).href]);
    }
    const targets: Record<string, ServerChild> = { bare, reference, ...(other ? { other } : {}) };
    const names = Object.keys(targets);
    const rounds: Record<string, ThroughputRound[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let r = 0; r < opts.rounds; r++) {
      // Each round in the other order from the last, so neither side always goes first.
      const order = r % 2 === 0 ? names : [...names].reverse();
      for (const name of order) {
        const job: LoadJob = {
          url: targets[name]!.url,
          ...template,
          secret: CREDENTIALS.accessKeySecret,
          count: Math.ceil(REQUESTS_PER_SECOND_CAP * opts.seconds),
          noncePrefix: `r${r}${name[0]}${process.pid}`,
          connections: opts.connections,
          seconds: opts.seconds,
        };
        rounds[name]!.push(await round(targets[name]!, job, join(dir, `load-job-${name}.json`)));
      }
    }
    const figure = summarise(rounds);
    const result = {
      bare: figure('bare node:http, same answer bytes (the limit)', 'bare'),
      reference: figure('reference server, signed V3 calls', 'reference'),
      ...(other ? { other: figure(`reference server of ${options.compareWith}`, 'other') } : {}),
      bodyBytes: Buffer.byteLength(body),
      options: opts,
    };
    return { ...result, ratio: result.reference.requestsPerSecond / result.bare.requestsPerSecond };
  } finally {
    await reference.stop();
    await bare?.stop();
    await other?.stop();
  }
}

/** The reference server's answer to the measured call, saved for the bare server (fixed-server.ts) to
 * send: its body and its head but Date (which node:http adds), a Content-Length when it sends one, so
 * both frame the body alike (chunked without it). */
export async function saveAnswer(url: string, dir: string): Promise<{ file: string; body: string }> {
  const sample = await signOne(url, 'probe');
  const answer = await fetch(`${url}${sample.path}`, { headers: sample.headers });
  const body = await answer.text();
  if (answer.status !== 200) throw new Error(`the reference server refused the call: ${body}`);
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'content-length', 'x-acs-request-id']) {
    const value = answer.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const file = join(dir, 'bare-answer.json');
  writeFileSync(file, JSON.stringify({ body, headers }));
  return { file, body };
}

/** One request the runtime signed, for the server at `url`: its path and headers, host included. */
export async function signOne(url: string, nonce: string) {
  const endpoint = new URL(url);
  const signed = await signRequest(
    { method: 'GET', endpoint, path: '/', ...ACTION, params: [['RegionId', 'cn-hangzhou']], format: 'JSON' },
    CREDENTIALS,
    { signatureVersion: 'v3', now: new Date(), nonce: `bench-${nonce}-${process.pid}-${Date.now()}` },
  );
  return { path: signed.url.slice(url.length), headers: { ...signed.headers, host: endpoint.host } };
}

export async function round(server: ServerChild, job: LoadJob, file: string): Promise<ThroughputRound> {
  writeFileSync(file, JSON.stringify(job));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'autocannon-worker.ts'), file],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let out = '';
  let cpuBefore: Promise<number> | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (cpuBefore === undefined && out.includes('ready\n')) {
      cpuBefore = server.cpuMicros();
      void cpuBefore.then(() => child.stdin.end('go\n'));
    }
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lines = out.trim().split('\n');
  if (code !== 0 || cpuBefore === undefined) throw new Error(`the load generator failed (${code}): ${out}`);
  const cpu = (await server.cpuMicros()) - (await cpuBefore);
  const result = JSON.parse(lines[lines.length - 1]!) as LoadResult;
  return {
    ...result,
    requestsPerSecond: result.ok / result.seconds,
    cpuMicrosPerRequest: cpu / Math.max(1, result.ok + result.errors),
  };
}

function summarise(rounds: Record<string, ThroughputRound[]>) {
  return (target: string, name: string): ThroughputFigure => {
    const list = rounds[name]!;
    const rates = list.map((r) => r.requestsPerSecond);
    return {
      target,
      rounds: list,
      requestsPerSecond: median(rates),
      min: Math.min(...rates),
      max: Math.max(...rates),
      cpuMicrosPerRequest: median(list.map((r) => r.cpuMicrosPerRequest)),
      loadCpuShare: median(list.map((r) => r.loadCpuShare)),
      errors: list.reduce((n, r) => n + r.errors, 0),
    };
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The lines of bench/RESULTS.md (and of this script's output). */
export function throughputSection(t: Throughput, loadAverage: readonly number[]): string[] {
  const o = t.options;
  const row = (f: ThroughputFigure) =>
    `| ${f.target} | ${f.requestsPerSecond.toFixed(0)} | ${f.min.toFixed(0)}–${f.max.toFixed(0)} | ${f.cpuMicrosPerRequest.toFixed(1)} µs | ${f.loadCpuShare.toFixed(2)} | ${f.errors} |`;
  return [
    `## Reference server throughput (signed V3 calls, autocannon ${o.connections} connections, ${o.rounds} alternating rounds of ${o.seconds} s, each server and the load tool in its own process; ${t.bodyBytes}-byte answer from both)`,
    '',
    '| target | requests/s (median) | min–max | server CPU per request | load tool CPU (cores) | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row(t.bare),
    row(t.reference),
    ...(t.other ? [row(t.other)] : []),
    '',
    `Ratio: ${t.ratio.toFixed(2)}× the bare server (goal ≥ ${GOAL_RATIO}×): ${t.ratio >= GOAL_RATIO ? 'met' : '**missed**'}. Load average at the end: ${loadAverage.map((l) => l.toFixed(2)).join(', ')}.`,
    '',
  ];
}

if (process.argv[1] === import.meta.filename) {
  const { loadavg } = await import('node:os');
  const seconds = Number(process.env.SECONDS_PER_ROUND ?? 5);
  const rounds = Number(process.env.ROUNDS ?? 5);
  const compareWith = process.argv[2];
  const result = await runServerThroughput({ seconds, rounds, ...(compareWith ? { compareWith } : {}) });
  console.log(throughputSection(result, loadavg()).join('\n'));
}
