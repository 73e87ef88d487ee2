// One contestant of the per-call bench alone, for a CPU profile: the generated client (V3 by default,
// `v1` as argument) or the runtime's node:http transport alone with a request signed once
// (`transport`: what the client adds is the difference) making CALLS calls (default 40,000) at IN_FLIGHT (default 16) against
// fixed-server.ts in another process, after 4,000 calls of warm-up. Prints CPU µs per call; with
// PROFILE=file, writes a V8 CPU profile of the measured calls alone (start-up and warm-up left out).
//   PROFILE=/tmp/call.cpuprofile npx tsx bench/per-call-profile.ts [v3|v1|transport]
//   npx tsx bench/profile-summary.ts /tmp/call.cpuprofile
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
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
const cpu = process.cpuUsage();
await run(calls);
const used = process.cpuUsage(cpu);
const taken = await session?.post('Profiler.stop');
if (taken !== undefined) writeFileSync(process.env.PROFILE!, JSON.stringify(taken.profile));
console.log(
  `${mode}, ${inFlight} in flight: ${((used.user + used.system) / calls).toFixed(1)} µs CPU per call (user ${(used.user / calls).toFixed(1)}, system ${(used.system / calls).toFixed(1)})`,
);
child.kill();

async function contestant(name: string, endpoint: string): Promise<() => Promise<unknown>> {
  if (name === 'transport') {
    const presigned = await signRequest(benchCall(new URL(endpoint)), BENCH_KEYS, {
      signatureVersion: 'v3',
      now: new Date(),
      nonce: 'fixed',
    });
    const transport = nodeTransport();
    return () => transport(presigned, { timeoutMs: 30_000 }).then((r) => JSON.parse(r.bodyText) as unknown);
  }
  const signatureVersion = name === 'v1' ? 'v1' : 'v3';
  const client = new EcsClient({ endpoint, credentials: BENCH_KEYS, retry: false, signatureVersion });
  return () => client.describeInstanceStatus({ RegionId: 'cn-hangzhou' });
}
