// `npm run bench`: every benchmark, side by side with its comparison, written to bench/RESULTS.md
// (tables, the machine and the date) and bench/results.json. Budgets are printed next to each figure.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureLoadedBytes } from './client-loaded.ts';
import { loadedSection } from './client-loaded-tables.ts';
import { measureBundleSizes, measureImports } from './client-size.ts';
import { measureMutants, mutantSection } from './conformance-mutants.ts';
import { measureConformanceRun } from './conformance-run.ts';
import { measureGeneration } from './generation.ts';
import { generationSection } from './generation-tables.ts';
import { measurePerCall, perCallSection } from './per-call.ts';
import { runServerLoad, serverLoadSection } from './server-load.ts';
import { runServerThroughput, throughputSection } from './server-throughput.ts';

const verdict = (ok: boolean) => (ok ? 'within budget' : '**misses budget**');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const log = (what: string) => process.stderr.write(`measuring ${what}…\n`);
log('bundle sizes');
const sizes = await measureBundleSizes({ wholeProducts: true });
log('bytes one call loads');
const loaded = await measureLoadedBytes();
log('import time');
const imports = measureImports();
log('per-call overhead');
const calls = await measurePerCall();
log('generation');
const generation = measureGeneration();
log('server throughput');
const throughput = await runServerThroughput();
const throughputLoad = loadavg();
log('server under load');
const serverLoad = await runServerLoad();
log('conformance run');
const conformance = await measureConformanceRun();
log('conformance suite against broken servers');
const mutants = await measureMutants();

const ours = sizes.find((s) => s.program === 'generated bare client + one command (JSON)')!;
const convenience = sizes.find((s) => s.program === 'generated client (JSON)')!;
const [oursImport, officialImport] = imports as [(typeof imports)[0], (typeof imports)[0]];
const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;

const md = [
  '# Benchmarks',
  '',
  `Measured ${date} on ${machine} by \`npm run bench\`. Each figure is measured beside its comparison in`,
  'the same run; medians of several rounds where rounds are taken. Regenerate with `npm run bench`.',
  '',
  '## Bundle size of a one-call program (esbuild, minified, gzipped)',
  '',
  '| program | loaded at start | all chunks (lazy XML parser included) |',
  '| --- | ---: | ---: |',
  ...sizes.map((s) => `| ${s.program} | ${kb(s.gzipBytes)} | ${kb(s.gzipBytesAll)} |`),
  '',
  `Budget ≤ 10 KB on the JSON path (bare client and one command): ${kb(ours.gzipBytes)} — ${verdict(ours.gzipBytes <= 10 * 1024)}; the client with a method per action, which holds every action: ${kb(convenience.gzipBytes)}.`,
  ...wholeRows(sizes),
  '',
  ...loadedSection(loaded),
  '## Import time and memory after import (fresh process each round)',
  '',
  '| module | median | min | max | heap after import |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...imports.map(
    (f) =>
      `| ${f.module} | ${f.medianMs.toFixed(1)} ms | ${f.minMs.toFixed(1)} ms | ${f.maxMs.toFixed(1)} ms | ${f.heapMb.toFixed(1)} MB |`,
  ),
  '',
  `Budget ≥ 20× faster than the official SDK: ${(officialImport.medianMs / oursImport.medianMs).toFixed(1)}× — ${verdict(officialImport.medianMs / oursImport.medianMs >= 20)}.`,
  '',
  ...perCallSection(calls),
  '',
  ...generationSection(generation, verdict),
  ...throughputSection(throughput, throughputLoad),
  ...serverLoadSection(serverLoad),
  '## Conformance run against the reference server',
  '',
  `${conformance.checks} checks, ${conformance.failures} failed, median ${(conformance.medianMs / 1000).toFixed(2)} s (min ${(conformance.minMs / 1000).toFixed(2)} s, max ${(conformance.maxMs / 1000).toFixed(2)} s).`,
  `Budget ≤ 15 s (set when the package had 5 actions; it now has every ECS action): ${verdict(conformance.medianMs <= 15_000)}.`,
  '',
  ...mutantSection(mutants),
].join('\n');

const dir = import.meta.dirname;
writeFileSync(join(dir, 'RESULTS.md'), md);
writeFileSync(
  join(dir, 'results.json'),
  `${JSON.stringify({ date, machine, sizes, loaded, imports, calls, generation, throughput, serverLoad, conformance, mutants }, null, 2)}
`,
);
process.stdout.write(md);

/** The goals for one call through whole products (issue 11): ≤ 10 KB for ECS, ≤ 14 KB for ECS + VPC,
 * with the modular style; the clients with every method are measured beside them, with no budget. */
function wholeRows(sizes: readonly { program: string; gzipBytes: number }[]): string[] {
  const goals: [string, number][] = [
    ['bare client + one command, all 347 ECS actions (JSON)', 10],
    ['bare client + one command, all 347 ECS actions, explicit credentials (JSON)', 10],
    ['bare clients, one command each to whole ECS and VPC (JSON)', 14],
  ];
  return goals.flatMap(([program, goal]) => {
    const size = sizes.find((s) => s.program === program);
    return size === undefined
      ? []
      : [
          '',
          `Budget ≤ ${goal} KB for ${program}: ${kb(size.gzipBytes)} — ${verdict(size.gzipBytes <= goal * 1024)}.`,
        ];
  });
}
