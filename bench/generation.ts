// Generation time and peak memory: the real spec and synthetic specs of 10, 100 and 1,000 actions,
// beside openapi-typescript alone on the same spec. Each figure is measured in a fresh process
// (peak RSS is per process), several rounds, median and spread.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticSpec } from './synthetic-spec.ts';

const ROOT = join(import.meta.dirname, '..');
const WORK = join(ROOT, 'bench', 'out', 'generation');

export interface GenerationFigure {
  readonly spec: string;
  readonly actions: number;
  readonly tool: 'acs-rpc generate' | 'openapi-typescript';
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly peakRssMb: number;
}

export interface GenerationOptions {
  /** Synthetic spec sizes, in actions; default 10, 100 and 1,000. */
  readonly sizes?: readonly number[];
  readonly rounds?: number;
  /** Measure spec/ecs.yaml too (default); off for a quick smoke run. */
  readonly realSpec?: boolean;
}

export function measureGeneration(options: GenerationOptions = {}): GenerationFigure[] {
  const sizes = options.sizes ?? [10, 100, 1000];
  const rounds = options.rounds ?? 3;
  mkdirSync(WORK, { recursive: true });
  const specs: { spec: string; actions: number }[] =
    options.realSpec === false ? [] : [{ spec: 'spec/ecs.yaml', actions: 1 }];
  for (const n of sizes) {
    const file = join(WORK, `synthetic-${n}.yaml`);
    writeFileSync(file, syntheticSpec(n));
    specs.push({ spec: file, actions: n });
  }
  const figures: GenerationFigure[] = [];
  for (const { spec, actions } of specs) {
    for (const tool of ['acs-rpc generate', 'openapi-typescript'] as const) {
      const runs = Array.from({ length: rounds }, () => runOnce(tool, spec));
      const times = runs.map((r) => r.ms).sort((a, b) => a - b);
      figures.push({
        spec: spec.startsWith(ROOT) ? spec.slice(ROOT.length + 1) : spec,
        actions,
        tool,
        medianMs: times[Math.floor(times.length / 2)]!,
        minMs: times[0]!,
        maxMs: times[times.length - 1]!,
        peakRssMb: Math.max(...runs.map((r) => r.rssMb)),
      });
    }
  }
  return figures;
}

function runOnce(tool: string, spec: string): { ms: number; rssMb: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'generation-worker.ts'), tool, spec, join(WORK, 'out')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as { ms: number; rssMb: number };
}

if (process.argv[1] === import.meta.filename) {
  const figures = measureGeneration();
  for (const f of figures) {
    console.log(
      `${f.tool.padEnd(18)} ${String(f.actions).padStart(5)} actions  median ${f.medianMs.toFixed(0).padStart(6)} ms  (min ${f.minMs.toFixed(0)}, max ${f.maxMs.toFixed(0)})  peak RSS ${f.peakRssMb.toFixed(0)} MB`,
    );
  }
}
