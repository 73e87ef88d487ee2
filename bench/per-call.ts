// Per-call overhead: calls per second and CPU per call against one fixed-response server in another
// process (fixed-server.ts, the same body for everyone), at 1 and 16 calls in flight.
// Rounds alternate between contestants (each round starts with the next one), several rounds each;
// medians, with min and max for the spread. Goals: the generated client, V3 and V1, ≥ 0.8× raw
// node:http keep-alive with a pre-signed request, and ≥ 1.5× the official SDK.
import { type ChildProcess, fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { type Contestant, contestants, OFFICIAL, OURS_V1, OURS_V3, RAW_HTTP } from './per-call-clients.ts';

export interface CallFigure {
  readonly client: string;
  readonly concurrency: number;
  /** Median of the rounds; min and max give the spread. */
  readonly callsPerSecond: number;
  readonly min: number;
  readonly max: number;
  /** This process's CPU (user + system) per call, median of the rounds, in microseconds. */
  readonly cpuUsPerCall: number;
}

export interface Goal {
  readonly what: string;
  readonly ratio: number;
  readonly target: number;
  readonly met: boolean;
}

export interface PerCallResult {
  readonly figures: readonly CallFigure[];
  readonly goals: readonly Goal[];
  readonly rounds: number;
  readonly seconds: number;
  /** One-minute load average before and after. */
  readonly load: readonly [number, number];
}

export async function measurePerCall(
  options: { seconds?: number; rounds?: number; concurrencies?: readonly number[] } = {},
): Promise<PerCallResult> {
  const seconds = options.seconds ?? 0.5;
  const rounds = options.rounds ?? 5;
  const before = loadavg()[0]!;
  const { url, child } = await startFixedServer();
  try {
    const all = await contestants(url);
    const figures: CallFigure[] = [];
    for (const concurrency of options.concurrencies ?? [1, 16]) {
      for (const [, call] of all) await measure(call, 0.2, concurrency); // warm up connections and JIT
      const samples = new Map<string, { rate: number; cpu: number }[]>(all.map(([name]) => [name, []]));
      for (let round = 0; round < rounds; round++) {
        for (const [name, call] of rotate(all, round))
          samples.get(name)!.push(await measure(call, seconds, concurrency));
      }
      for (const [name, taken] of samples) figures.push(figure(name, concurrency, taken));
    }
    return { figures, goals: goals(figures), rounds, seconds, load: [before, loadavg()[0]!] };
  } finally {
    child.kill();
  }
}

function rotate(all: readonly Contestant[], by: number): Contestant[] {
  const k = by % all.length;
  return [...all.slice(k), ...all.slice(0, k)];
}

function figure(client: string, concurrency: number, taken: { rate: number; cpu: number }[]): CallFigure {
  const rates = taken.map((t) => t.rate).sort((a, b) => a - b);
  return {
    client,
    concurrency,
    callsPerSecond: median(rates),
    min: rates[0]!,
    max: rates.at(-1)!,
    cpuUsPerCall: median(taken.map((t) => t.cpu).sort((a, b) => a - b)),
  };
}

function median(sorted: readonly number[]): number {
  return sorted[Math.floor(sorted.length / 2)]!;
}

function goals(figures: readonly CallFigure[]): Goal[] {
  const rate = (client: string, concurrency: number) =>
    figures.find((f) => f.client === client && f.concurrency === concurrency)?.callsPerSecond ?? Number.NaN;
  const concurrencies = [...new Set(figures.map((f) => f.concurrency))];
  return concurrencies.flatMap((c) =>
    [OURS_V3, OURS_V1].flatMap((ours) => [
      goal(`${ours}, ${c} in flight, vs ${RAW_HTTP}`, rate(ours, c) / rate(RAW_HTTP, c), 0.8),
      goal(`${ours}, ${c} in flight, vs ${OFFICIAL}`, rate(ours, c) / rate(OFFICIAL, c), 1.5),
    ]),
  );
}

function goal(what: string, ratio: number, target: number): Goal {
  return { what, ratio, target, met: ratio >= target };
}

/** Calls per second and CPU microseconds per call over `seconds`, `concurrency` calls in flight. */
async function measure(
  call: () => Promise<unknown>,
  seconds: number,
  concurrency: number,
): Promise<{ rate: number; cpu: number }> {
  let calls = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await call();
        calls++;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { rate: calls / ((performance.now() - started) / 1000), cpu: (used.user + used.system) / calls };
}

function startFixedServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(join(import.meta.dirname, 'fixed-server.ts'), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ url: chunk.toString().trim(), child }));
    child.once('error', reject);
  });
}

/** The RESULTS.md section: one table per concurrency, then each goal and whether it is met. */
export function perCallSection(result: PerCallResult): string[] {
  const concurrencies = [...new Set(result.figures.map((f) => f.concurrency))];
  const floor = (c: number) => result.figures.find((f) => f.client === RAW_HTTP && f.concurrency === c)!;
  return [
    `## Per-call overhead (calls per second; one fixed-response server in another process)`,
    '',
    `${result.rounds} alternating rounds of ${result.seconds} s per client and concurrency; median, min and max of`,
    `the rounds; CPU is this process's (user + system) per call. Load average ${result.load[0].toFixed(1)} before, ${result.load[1].toFixed(1)} after.`,
    ...concurrencies.flatMap((c) => [
      '',
      `| ${c} in flight | calls/s | min | max | × floor | CPU µs/call |`,
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...result.figures
        .filter((f) => f.concurrency === c)
        .map(
          (f) =>
            `| ${f.client} | ${f.callsPerSecond.toFixed(0)} | ${f.min.toFixed(0)} | ${f.max.toFixed(0)} | ${(f.callsPerSecond / floor(c).callsPerSecond).toFixed(2)} | ${f.cpuUsPerCall.toFixed(0)} |`,
        ),
    ]),
    '',
    ...result.goals.map(
      (g) => `- ${g.what}: ${g.ratio.toFixed(2)}× (goal ≥ ${g.target}×) — ${g.met ? 'met' : '**not met**'}`,
    ),
  ];
}

if (process.argv[1] === import.meta.filename) {
  const result = await measurePerCall();
  console.log(perCallSection(result).join('\n'));
}
