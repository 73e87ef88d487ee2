// Where a signed V3 call's CPU goes in the reference server, beside the bare node:http server answering
// the same bytes with the same headers (server-throughput.ts's pair, the same autocannon load): each
// server process is sampled by `perf record` (cpu-clock: on-CPU time only, kernel included; node's
// --perf-basic-prof names JIT-compiled functions) during one load round of its own, each sample put
// in one category by its stack (perf-stacks.ts), and its context switches counted from
// /proc/<pid>/status. Prints µs of CPU per answered request for each category, both servers side by
// side. Needs Linux perf (Debian: `apt-get install linux-perf`) and the right to use it (root).
//   npx tsx bench/server-breakdown.ts [seconds]
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { LoadJob } from './autocannon-worker.ts';
import { type Breakdown, breakdown, MARKERS, parseStacks } from './perf-stacks.ts';
import { forkServer, type ServerChild } from './server-child.ts';
import { CREDENTIALS, REQUESTS_PER_SECOND_CAP, round, saveAnswer, signOne } from './server-throughput.ts';

const SAMPLES_PER_SECOND = 4999;
const PROFILE = ['--perf-basic-prof'];

interface Measured {
  readonly breakdown: Breakdown;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly switchesPerRequest: number;
}

const seconds = Number(process.argv[2] ?? 5);
const dir = join(import.meta.dirname, 'out');
mkdirSync(dir, { recursive: true });
const reference = await forkServer(join(import.meta.dirname, 'server-process.ts'), [], PROFILE);
let bare: ServerChild | undefined;
try {
  const { file, body } = await saveAnswer(reference.url, dir);
  bare = await forkServer(join(import.meta.dirname, 'fixed-server.ts'), [file], PROFILE);
  const template = await signOne(reference.url, 'template');
  const measure = (server: ServerChild, name: string, sampled = true) =>
    measured(server, sampled, {
      url: server.url,
      ...template,
      secret: CREDENTIALS.accessKeySecret,
      count: REQUESTS_PER_SECOND_CAP * seconds,
      noncePrefix: `${name}-${process.pid}`,
      connections: 32,
      seconds,
    });
  // One warm-up round each, unsampled, so neither is measured while its code is still being compiled.
  await measure(bare, 'warm-bare', false);
  await measure(reference, 'warm-reference', false);
  const figures = { bare: await measure(bare, 'bare'), reference: await measure(reference, 'reference') };
  console.log(table(figures.bare, figures.reference, Buffer.byteLength(body)).join('\n'));
} finally {
  await reference.stop();
  await bare?.stop();
}

/** One load round on `server`, sampled by perf when `sampled`. */
async function measured(server: ServerChild, sampled: boolean, job: LoadJob): Promise<Measured> {
  const data = join(dir, `perf-${server.pid}.data`);
  const perf = !sampled
    ? undefined
    : spawn(
        'perf',
        ['record', '-q', '-e', 'cpu-clock', '-F', String(SAMPLES_PER_SECOND), '-g'].concat([
          '-p',
          String(server.pid),
          '-o',
          data,
        ]),
        {
          stdio: 'ignore',
        },
      );
  // perf attaches in well under a second; the load starts after it.
  if (perf) await new Promise((resolve) => setTimeout(resolve, 500));
  const switches = contextSwitches(server.pid);
  const result = await round(server, job, join(dir, `breakdown-job-${server.pid}.json`));
  const requests = result.ok + result.errors;
  const switchesPerRequest = (contextSwitches(server.pid) - switches) / requests;
  if (perf) {
    const exited = new Promise((resolve) => perf.once('exit', resolve));
    perf.kill('SIGINT');
    await exited;
  }
  const samples = perf
    ? parseStacks(
        execFileSync('perf', ['script', '-i', data, '-F', 'tid,ip,sym,dso'], {
          encoding: 'utf8',
          maxBuffer: 1 << 30,
          stdio: ['ignore', 'pipe', 'ignore'],
        }),
      )
    : [];
  return {
    breakdown: breakdown(samples, server.pid),
    requests,
    requestsPerSecond: result.requestsPerSecond,
    switchesPerRequest,
  };
}

function contextSwitches(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const count = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return count('voluntary_ctxt_switches') + count('nonvoluntary_ctxt_switches');
}

function table(bare: Measured, ours: Measured, bodyBytes: number): string[] {
  const perRequest = (m: Measured, samples: number) => ((samples / SAMPLES_PER_SECOND) * 1e6) / m.requests;
  const cell = (m: Measured, samples: number) => `${perRequest(m, samples).toFixed(1)} µs`;
  const names = [...new Set([...ours.breakdown.categories.keys(), ...bare.breakdown.categories.keys()])].sort(
    (a, b) => (ours.breakdown.categories.get(b) ?? 0) - (ours.breakdown.categories.get(a) ?? 0),
  );
  const row = (name: string, b: number, o: number) =>
    `| ${name} | ${cell(bare, b)} | ${cell(ours, o)} | ${(perRequest(ours, o) - perRequest(bare, b)).toFixed(1)} µs |`;
  return [
    `## Reference server CPU per request, by where it goes (perf, ${seconds} s of autocannon each, 32 connections, ${bodyBytes}-byte answer from both)`,
    '',
    '| where | bare node:http | reference server | difference |',
    '| --- | ---: | ---: | ---: |',
    ...names.map((n) => row(n, bare.breakdown.categories.get(n) ?? 0, ours.breakdown.categories.get(n) ?? 0)),
    row('**all**', bare.breakdown.samples, ours.breakdown.samples),
    ...Object.keys(MARKERS).map((n) =>
      row(`of all: ${n}`, bare.breakdown.markers.get(n)!, ours.breakdown.markers.get(n)!),
    ),
    `| context switches per request | ${bare.switchesPerRequest.toFixed(2)} | ${ours.switchesPerRequest.toFixed(2)} | |`,
    `| requests/s in the sampled round | ${bare.requestsPerSecond.toFixed(0)} | ${ours.requestsPerSecond.toFixed(0)} | |`,
    '',
    `Load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}.`,
  ];
}
