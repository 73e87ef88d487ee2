// The load generator of server-throughput.ts, in a process of its own: autocannon over `connections`
// keep-alive connections for `seconds`. Every request is a signed V3 call with its own nonce (the
// reference server refuses replays), made before the clock starts from one request the runtime signed:
// only the nonce and the signature change, each re-signed with the server's signer (which
// test/server/auth/sign.test.ts holds equal to the runtime's). Whatever the target, the requests and
// the work per request are the same. Prints `ready`, waits for `go` on stdin (so the parent can read
// the server's CPU time at the start), then prints one JSON line of figures.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { signatureV3 } from '../server/auth/sign.ts';

export interface LoadJob {
  readonly url: string;
  /** One request the runtime signed: its path (with query) and headers, host included. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly secret: string;
  /** Distinct requests to make; past them the requests repeat (a replay the server refuses). */
  readonly count: number;
  /** Nonces are `<prefix>-<n>`, all of one length; a fresh prefix per round. */
  readonly noncePrefix: string;
  readonly connections: number;
  readonly seconds: number;
}

export interface LoadResult {
  /** Answers 2xx, and every other outcome (non-2xx, socket error, timeout). */
  readonly ok: number;
  readonly errors: number;
  readonly seconds: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The load generator's own CPU time over the run divided by the run's wall time (1 = a full core). */
  readonly loadCpuShare: number;
}

type Autocannon = (options: object, done: (error: Error | null, result: AutocannonResult) => void) => unknown;
interface AutocannonResult {
  readonly '2xx': number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly latency: { readonly p50: number; readonly p99: number };
}

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadJob;
const requests = build(job);
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.pause();

let next = 0;
const cpu = process.cpuUsage();
const started = performance.now();
const result = await new Promise<AutocannonResult>((resolve, reject) =>
  autocannon(
    {
      url: job.url,
      connections: job.connections,
      duration: job.seconds,
      requests: [
        {
          method: 'GET',
          setupRequest: (req: object) => ({ ...req, ...requests[next++ % requests.length]! }),
        },
      ],
    },
    (error, r) => (error ? reject(error) : resolve(r)),
  ),
);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const figures: LoadResult = {
  ok: result['2xx'],
  errors: result.non2xx + result.errors + result.timeouts,
  seconds,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  loadCpuShare: (used.user + used.system) / 1e6 / seconds,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);

function build(job: LoadJob): { path: string; headers: Record<string, string> }[] {
  const [, signedList = ''] = /SignedHeaders=([^,]+)/.exec(job.headers.authorization ?? '') ?? [];
  const signed = signedList.split(';');
  const q = job.path.indexOf('?');
  const query = new URLSearchParams(q < 0 ? '' : job.path.slice(q + 1));
  const width = String(job.count).length;
  return Array.from({ length: job.count }, (_, i) => {
    const headers: Record<string, string> = {
      ...job.headers,
      'x-acs-signature-nonce': `${job.noncePrefix}-${String(i).padStart(width, '0')}`,
    };
    const signature = signatureV3(
      {
        method: 'GET',
        path: q < 0 ? job.path : job.path.slice(0, q),
        query: [...query],
        headers: Object.fromEntries(signed.map((h) => [h, headers[h] ?? ''])),
        hashedPayload: headers['x-acs-content-sha256'] ?? '',
      },
      job.secret,
    );
    headers.authorization = headers.authorization!.replace(/Signature=[0-9a-f]+$/, `Signature=${signature}`);
    return { path: job.path, headers };
  });
}
