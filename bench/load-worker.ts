// The load generator, in its own process: reads a job file and sends its streams of requests, each
// over `concurrency` connections, then prints `{ requests, errors, seconds, streams }` (the first
// stream's counts at the top, each stream's counts and latency percentiles in `streams`).
// A stream sends its pre-built requests in turn, or signs each request itself with a fresh nonce of
// `nonceBytes` (too many to pre-build). It sends `count` requests; streams without a count run until
// those with one are done, or, when none has one, for `seconds`.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { signRequest } from '../templates/runtime/sign-request.ts';

export interface Built {
  readonly method?: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface Stream {
  readonly label: string;
  readonly concurrency: number;
  readonly requests?: readonly Built[];
  /** Signed here, V1 POST, one per request: the nonce is `nonceBytes` long and never repeats. */
  readonly sign?: { readonly nonceBytes: number; readonly action: string; readonly version: string };
  readonly params?: readonly [string, string][];
  readonly count?: number;
  /** The status a request of this stream should get (default 200); any other is an error. */
  readonly expectStatus?: number;
}

interface Job {
  readonly url: string;
  readonly seconds?: number;
  /** The one-stream form: these requests over `concurrency` connections for `seconds`. */
  readonly requests?: readonly Built[];
  readonly concurrency?: number;
  readonly streams?: readonly Stream[];
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Job;
const streams: readonly Stream[] = job.streams ?? [
  { label: 'load', concurrency: job.concurrency ?? 1, requests: job.requests ?? [] },
];
const target = new URL(job.url);
const deadline = performance.now() + (job.seconds ?? 3) * 1000;
let counted = streams.filter((s) => s.count !== undefined).length;

function send(agent: Agent, req: Built): Promise<number> {
  return new Promise((resolve) => {
    const r = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method ?? 'GET',
        path: req.path,
        headers: req.headers,
        agent,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    r.on('error', () => resolve(0));
    r.end(req.body);
  });
}

async function signed(stream: Stream, i: number): Promise<Built> {
  const sign = stream.sign!;
  const r = await signRequest(
    {
      method: 'POST',
      endpoint: target,
      path: '/',
      action: sign.action,
      version: sign.version,
      params: stream.params ?? [],
      format: 'JSON',
    },
    { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
    {
      signatureVersion: 'v1',
      now: new Date(),
      nonce: `${i}-${process.pid}-`.padEnd(sign.nonceBytes, 'n'),
    },
  );
  const path = r.url.slice(job.url.length);
  return { method: 'POST', path, headers: r.headers, ...(r.body === undefined ? {} : { body: r.body }) };
}

async function run(stream: Stream) {
  const agent = new Agent({ keepAlive: true, maxSockets: stream.concurrency });
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const more = () =>
    stream.count !== undefined
      ? next < stream.count
      : counted > 0 || (streams.every((s) => s.count === undefined) && performance.now() < deadline);
  const loop = async () => {
    while (more()) {
      const i = next++;
      const req = stream.sign ? await signed(stream, i) : stream.requests![i % stream.requests!.length]!;
      const sent = performance.now();
      const status = await send(agent, req);
      if (status === (stream.expectStatus ?? 200)) latencies.push(performance.now() - sent);
      else errors++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: stream.concurrency }, loop));
  const seconds = (performance.now() - started) / 1000;
  if (stream.count !== undefined) counted--;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    label: stream.label,
    requests: latencies.length,
    errors,
    seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

const results = await Promise.all(streams.map(run));
const first = results[0]!;
console.log(
  JSON.stringify({
    requests: first.requests,
    errors: first.errors,
    seconds: first.seconds,
    streams: results,
  }),
);
