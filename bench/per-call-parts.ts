// Where the generated client's CPU per call goes beyond its transport, by difference: contestants
// that each add one part of the client's work to the runtime's node:http transport sending a request
// signed once beforehand, against fixed-server.ts in another process, IN_FLIGHT calls at a time
// (default 16), alternating rounds (ROUNDS, default 7, of CALLS calls, default 6,000), medians of CPU
// µs per call (user + system). Differences between rows are the parts: signing's node:crypto, its
// JavaScript, the response's parsing, the client's own machinery. Not part of `npm run bench`.
//   npx tsx bench/per-call-parts.ts
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { EcsClient } from '@acs-rpc/ecs';
import { newNonce } from '@acs-rpc/runtime/crypto.js';
import { nodeSigningCrypto } from '@acs-rpc/runtime/crypto-node.js';
import { parseResponse } from '@acs-rpc/runtime/response.js';
import { type SignOptions, signWithSignature, timestamps } from '@acs-rpc/runtime/sign-request.js';
import { nodeTransport } from '@acs-rpc/runtime/transport-node.js';
import { BENCH_KEYS, benchCall } from './presign.ts';

const inFlight = Number(process.env.IN_FLIGHT ?? 16);
const rounds = Number(process.env.ROUNDS ?? 7);
const calls = Number(process.env.CALLS ?? 6_000);

const child = fork(join(import.meta.dirname, 'fixed-server.ts'), {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});
const url = await new Promise<string>((resolve) =>
  child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
);
const client = new EcsClient({ endpoint: url, credentials: BENCH_KEYS, retry: false });
const action = client.describeInstanceStatus;
const unsigned = benchCall(new URL(url));
const transport = nodeTransport();
// Signed as the client signs: its node:crypto, a fresh nonce and date, the last second's text kept.
const stamp = timestamps();
const sign = (crypto: SignOptions['crypto']) => () =>
  signWithSignature(unsigned, BENCH_KEYS, {
    signatureVersion: 'v3',
    now: new Date(),
    nonce: newNonce(),
    crypto,
    timestamp: stamp,
  });
const signNode = sign(nodeSigningCrypto());
// Constant digests: signing's JavaScript without its hashing.
const signNoCrypto = sign({ sha256Hex: () => '0'.repeat(64), hmac: () => '0'.repeat(64) });
const presigned = (await signNode()).signed;
const send = () => transport(presigned, { timeoutMs: 30_000 });
// The response path of the client (JSON, normalization, envelope checks) on the transport's answer.
const { describeInstanceStatusAction, ecsService } = await import('../generated/ecs/dist/service.js');
const parse = (raw: Awaited<ReturnType<typeof send>>) =>
  parseResponse(raw, describeInstanceStatusAction, ecsService, (text) => text);

let sink: unknown;
const contestants: [string, () => Promise<unknown>][] = [
  ['transport, pre-signed, JSON.parse', () => send().then((r) => JSON.parse(r.bodyText))],
  [
    '+ signing, constant digests (discarded)',
    async () => {
      sink = await signNoCrypto();
      return send().then((r) => JSON.parse(r.bodyText));
    },
  ],
  [
    '+ signing with node:crypto (discarded)',
    async () => {
      sink = await signNode();
      return send().then((r) => JSON.parse(r.bodyText));
    },
  ],
  [
    '+ the client’s response path instead of JSON.parse',
    async () => {
      sink = await signNode();
      return parse(await send());
    },
  ],
  ['the generated client', () => action.call(client, { RegionId: 'cn-hangzhou' })],
];

const run = async (call: () => Promise<unknown>, n: number) => {
  let left = n;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (left-- > 0) await call();
    }),
  );
};
const load = loadavg()[0]!;
for (const [, call] of contestants) await run(call, 3_000); // warm up connections and JIT
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
let previous: number | undefined;
for (const [i, [name]] of contestants.entries()) {
  const m = median(samples[i]!);
  const step = previous === undefined ? '' : ` (${m - previous >= 0 ? '+' : ''}${(m - previous).toFixed(1)})`;
  console.log(
    `${name}: ${m.toFixed(1)} µs CPU per call${step}, rounds ${samples[i]!.map((x) => x.toFixed(0)).join(' ')}`,
  );
  previous = m;
}
console.log(
  `${inFlight} in flight, ${rounds} rounds of ${calls} calls; load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
);
void sink;
child.kill();
