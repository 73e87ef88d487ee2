// One contestant of the per-call bench alone, for a CPU profile: the generated client (V3 by default,
// `v1` as argument), the runtime's node:http transport alone with a request signed once
// (`transport`: what the client adds is the difference) or the bench's floor, raw node:http
// keep-alive with that request (`raw`: what the transport adds to it) making CALLS calls (default 40,000) at IN_FLIGHT (default 16) against
// fixed-server.ts in another process, after 4,000 calls of warm-up. Prints CPU µs per call and the
// garbage collections per 10,000 calls (scavenges, mark-compacts) and their time; with PROFILE=file,
// writes a V8 CPU profile of the measured calls alone (start-up and warm-up left out).
//   PROFILE=/tmp/call.cpuprofile npx tsx bench/per-call-profile.ts [v3|v1|transport|raw]
//   npx tsx bench/profile-summary.ts /tmp/call.cpuprofile
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { EcsClient } from '@acs-rpc/ecs';
import { nodeTransport } from '@acs-rpc/runtime/transport-node.js';
import { signRequest } from '../templates/runtime/sign-request.ts';
import { BENCH_KEYS, benchCall } from './presign.ts';

const calls = Number(process.env.CALLS ?? 40_000);
const inFlight = Number(process.env.IN_FLIGHT ?? 16);
const mode = process.argv[2] ?? 'v3';

const child = fork(join(import.meta.dirname, 'fixed-server.ts'), {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});
const url = await new Promise<string>((resolve) =>
  child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
);
const call = await contestant(mode, url);
const run = async (n: number) => {
  let left = n;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (left-- > 0) await call();
    }),
  );
};
await run(4_000);
const session = process.env.PROFILE === undefined ? undefined : new Session();
session?.connect();
await session?.post('Profiler.enable');
await session?.post('Profiler.start');
const gc = { minor: 0, major: 0, ms: 0 };
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    // detail.kind: 1 a scavenge (minor), 2 and up mark-compact and incremental marking (major).
    const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
    if (kind === 1) gc.minor++;
    else gc.major++;
    gc.ms += entry.duration;
  }
});
observer.observe({ entryTypes: ['gc'] });
const cpu = process.cpuUsage();
await run(calls);
const used = process.cpuUsage(cpu);
// The last entries are delivered on a later turn.
await new Promise((done) => setTimeout(done, 10));
observer.disconnect();
const taken = await session?.post('Profiler.stop');
if (taken !== undefined) writeFileSync(process.env.PROFILE!, JSON.stringify(taken.profile));
console.log(
  `${mode}, ${inFlight} in flight: ${((used.user + used.system) / calls).toFixed(1)} µs CPU per call (user ${(used.user / calls).toFixed(1)}, system ${(used.system / calls).toFixed(1)})`,
);
const per10k = (n: number) => ((n * 10_000) / calls).toFixed(1);
console.log(
  `garbage collection per 10,000 calls: ${per10k(gc.minor)} scavenges, ${per10k(gc.major)} major, ${per10k(gc.ms)} ms`,
);
child.kill();

async function contestant(name: string, endpoint: string): Promise<() => Promise<unknown>> {
  if (name === 'transport' || name === 'raw') {
    const presigned = await signRequest(benchCall(new URL(endpoint)), BENCH_KEYS, {
      signatureVersion: 'v3',
      now: new Date(),
      nonce: 'fixed',
    });
    if (name === 'raw') return rawHttp(presigned.url, presigned.headers);
    const transport = nodeTransport();
    return () => transport(presigned, { timeoutMs: 30_000 }).then((r) => JSON.parse(r.bodyText) as unknown);
  }
  const signatureVersion = name === 'v1' ? 'v1' : 'v3';
  const client = new EcsClient({ endpoint, credentials: BENCH_KEYS, retry: false, signatureVersion });
  return () => client.describeInstanceStatus({ RegionId: 'cn-hangzhou' });
}

/** The floor as per-call-clients.ts makes it: node:http keep-alive, the body as text, JSON.parse. */
function rawHttp(url: string, headers: Readonly<Record<string, string>>): () => Promise<unknown> {
  const agent = new Agent({ keepAlive: true });
  return () =>
    new Promise<unknown>((resolve, reject) => {
      const req = request(url, { headers, agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve(JSON.parse(text)));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
}
