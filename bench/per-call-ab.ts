// The client's CPU per call with two builds of the runtime side by side in one process: this
// checkout's generated/runtime (or RUNTIMES, comma-separated runtime package folders, each with its
// package.json and compiled dist/) against the same fixed-server.ts in another process, the same
// action descriptors for both. Rounds alternate between the builds (ROUNDS, default 9, of CALLS calls,
// default 6,000) at IN_FLIGHT calls at a time (default 16); medians of CPU µs per call (user +
// system), with every round's figure for the spread. What a runtime change saves, measured before and
// after in the same minutes. Not part of `npm run bench`.
//   RUNTIMES=../main/generated/runtime,generated/runtime npx tsx bench/per-call-ab.ts [v3|v1]
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_KEYS } from './presign.ts';

const ROOT = join(import.meta.dirname, '..');
const inFlight = Number(process.env.IN_FLIGHT ?? 16);
const rounds = Number(process.env.ROUNDS ?? 9);
const calls = Number(process.env.CALLS ?? 6_000);
const signatureVersion = process.argv[2] === 'v1' ? 'v1' : 'v3';
const runtimes = (process.env.RUNTIMES ?? 'generated/runtime').split(',').map((dir) => resolve(ROOT, dir));

const child = fork(join(import.meta.dirname, 'fixed-server.ts'), {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});
const url = await new Promise<string>((done) =>
  child.stdout!.once('data', (chunk: Buffer) => done(chunk.toString().trim())),
);
const { describeInstanceStatusAction, ecsService } = await import('../generated/ecs/dist/service.js');
const contestants: [string, () => Promise<unknown>][] = [];
for (const dir of runtimes) {
  const { RpcClient } = await import(pathToFileURL(join(dir, 'dist/client.js')).href);
  const core = new RpcClient(ecsService, {
    endpoint: url,
    credentials: BENCH_KEYS,
    retry: false,
    signatureVersion,
  });
  contestants.push([dir, () => core.invoke(describeInstanceStatusAction, { RegionId: 'cn-hangzhou' })]);
}

const run = async (call: () => Promise<unknown>, n: number) => {
  let left = n;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (left-- > 0) await call();
    }),
  );
};
const load = loadavg()[0]!;
for (const [, call] of contestants) await run(call, 4_000); // warm up connections and JIT
const samples = contestants.map(() => [] as number[]);
for (let round = 0; round < rounds; round++) {
  for (let j = 0; j < contestants.length; j++) {
    const k = (j + round) % contestants.length;
    const cpu = process.cpuUsage();
    await run(contestants[k]![1], calls);
    const used = process.cpuUsage(cpu);
    samples[k]!.push((used.user + used.system) / calls);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [i, [name]] of contestants.entries()) {
  const rounded = samples[i]!.map((x) => x.toFixed(0)).join(' ');
  console.log(`${name}: ${median(samples[i]!).toFixed(1)} µs CPU per call, rounds ${rounded}`);
}
console.log(
  `${signatureVersion}, ${inFlight} in flight, ${rounds} rounds of ${calls} calls; load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
);
child.kill();
