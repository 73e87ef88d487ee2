// Generation time, stage by stage, and peak memory: spec/ecs.yaml, synthetic specs of 10, 100 and
// 1,000 actions, and every product of Alibaba's metadata in the workplace's ../shared/openmeta (when
// present) through the importer. Each figure is beside `generate --typecheck` (the full TypeScript
// check generation skips by default) and openapi-typescript alone on the same spec, each in a fresh
// process (peak RSS is per process), several rounds, median and spread.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { syntheticSpec } from './synthetic-spec.ts';

const ROOT = join(import.meta.dirname, '..');
const WORK = join(ROOT, 'bench', 'out', 'generation');
export const TOOLS = ['acs-rpc generate', 'acs-rpc generate --typecheck', 'openapi-typescript'] as const;
export type Tool = (typeof TOOLS)[number];

export interface GenerationFigure {
  readonly spec: string;
  /** Where the spec came from: the repository, the synthetic generator, or a product's metadata. */
  readonly source: 'spec' | 'synthetic' | 'product';
  readonly actions: number | undefined;
  readonly tool: Tool;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly peakRssMb: number;
  /** Median milliseconds of each pipeline stage (check, emit, typecheck, compile). */
  readonly stages: Readonly<Record<string, number>>;
  /** Why there is no figure: the spec did not import or did not generate. */
  readonly error?: string;
}

export interface GenerationOptions {
  /** Synthetic spec sizes, in actions; default 10, 100 and 1,000. */
  readonly sizes?: readonly number[];
  readonly rounds?: number;
  /** Measure spec/ecs.yaml too (default); off for a quick smoke run. */
  readonly realSpec?: boolean;
  /** Alibaba's metadata files (`<product>@<version>.json`); default the workplace's shared copy. */
  readonly openmetaDir?: string | false;
  readonly tools?: readonly Tool[];
  /** Rounds of `generate --typecheck`, the slow comparison; default 1. */
  readonly typecheckRounds?: number;
}

export interface GenerationReport {
  readonly figures: GenerationFigure[];
  /** What the run could not measure, in words (e.g. the metadata folder is absent). */
  readonly notes: string[];
}

export function measureGeneration(options: GenerationOptions = {}): GenerationReport {
  const rounds = options.rounds ?? 3;
  const tools = options.tools ?? TOOLS;
  mkdirSync(WORK, { recursive: true });
  const notes: string[] = [];
  const specs: { spec: string; source: GenerationFigure['source']; error?: string }[] = [];
  if (options.realSpec !== false) specs.push({ spec: join(ROOT, 'spec', 'ecs.yaml'), source: 'spec' });
  for (const n of options.sizes ?? [10, 100, 1000]) {
    const file = join(WORK, `synthetic-${n}.yaml`);
    writeFileSync(file, syntheticSpec(n));
    specs.push({ spec: file, source: 'synthetic' });
  }
  const openmeta = options.openmetaDir ?? join(ROOT, '..', 'shared', 'openmeta');
  if (openmeta !== false) specs.push(...importProducts(openmeta, notes));
  const figures: GenerationFigure[] = [];
  // The machine may be shared: the load beside the figures says how busy it was.
  const loadBefore = loadavg()[0]!;
  for (const { spec, source, error } of specs) {
    for (const tool of tools) {
      const n = tool === 'acs-rpc generate --typecheck' ? (options.typecheckRounds ?? 1) : rounds;
      figures.push(measure(spec, source, tool, n, error));
    }
  }
  notes.push(
    `Load average (1 min) on this machine: ${loadBefore.toFixed(1)} when generation was first measured, ${loadavg()[0]!.toFixed(1)} at the end.`,
  );
  return { figures, notes };
}

function measure(
  spec: string,
  source: GenerationFigure['source'],
  tool: Tool,
  rounds: number,
  error: string | undefined,
): GenerationFigure {
  const name = spec.startsWith(ROOT) ? spec.slice(ROOT.length + 1) : spec;
  const empty = { spec: name, source, tool, medianMs: 0, minMs: 0, maxMs: 0, peakRssMb: 0, stages: {} };
  if (error !== undefined) return { ...empty, actions: undefined, error };
  const runs: Run[] = [];
  for (let i = 0; i < rounds; i++) {
    const run = runOnce(tool, spec);
    if ('error' in run) return { ...empty, actions: undefined, error: run.error };
    runs.push(run);
  }
  const stageNames = [...new Set(runs.flatMap((r) => Object.keys(r.stages)))];
  return {
    ...empty,
    actions: runs[0]?.actions ?? countActions(spec),
    medianMs: median(runs.map((r) => r.ms)),
    minMs: Math.min(...runs.map((r) => r.ms)),
    maxMs: Math.max(...runs.map((r) => r.ms)),
    peakRssMb: Math.max(...runs.map((r) => r.rssMb)),
    stages: Object.fromEntries(stageNames.map((s) => [s, median(runs.map((r) => r.stages[s] ?? 0))])),
  };
}

interface Run {
  readonly ms: number;
  readonly rssMb: number;
  readonly actions?: number;
  readonly stages: Record<string, number>;
}

function runOnce(tool: Tool, spec: string): Run | { error: string } {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'generation-worker.ts'), tool, spec, join(WORK, 'out')],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) {
    // The thrown error's own line (`Error: …`), not the source line Node prints above it.
    const line = child.stderr.split('\n').find((l) => /^\w*Error: /.test(l)) ?? `exit ${child.status}`;
    return { error: line.replace(/^\w*Error: /, '').slice(0, 200) };
  }
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Run;
}

/** Each product's metadata through `acs-rpc import`, into bench/out; one that does not import (or
 * whose folder is absent) is noted, never measured. */
function importProducts(dir: string, notes: string[]): { spec: string; source: 'product'; error?: string }[] {
  if (!existsSync(dir)) {
    notes.push(`${dir} is absent: no product of Alibaba's metadata was measured.`);
    return [];
  }
  const out = join(WORK, 'products');
  mkdirSync(out, { recursive: true });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((file) => {
    const spec = join(out, `${file.replace(/@.*$/, '')}.yaml`);
    const imported = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'cli', 'run.ts'), 'import', join(dir, file), '--out', spec, '--force'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (imported.status !== 0) {
      const lines = imported.stderr.split('\n').filter((l) => l.trim() !== '');
      const first = lines.find((l) => l.includes(' - error ')) ?? lines.at(-1) ?? `exit ${imported.status}`;
      return { spec, source: 'product', error: `does not import: ${first.replace(/^.* - error /, '')}` };
    }
    // The importer still writes `enum: []` for some metadata, which generation refuses (a fix is on
    // its way); until then the empty enums are dropped here, and the note says how many.
    const text = readFileSync(spec, 'utf8');
    const empty = text.match(/^\s*enum: \[\]\n/gm)?.length ?? 0;
    if (empty > 0) {
      writeFileSync(spec, text.replace(/^\s*enum: \[\]\n/gm, ''));
      notes.push(`${file}: ${empty} empty \`enum: []\` dropped from the imported spec before generating.`);
    }
    return { spec, source: 'product' };
  });
}

function countActions(spec: string): number {
  return readFileSync(spec, 'utf8').match(/^\s+operationId: /gm)?.length ?? 0;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

if (process.argv[1] === import.meta.filename) {
  const { figures, notes } = measureGeneration();
  for (const f of figures) {
    const stages = Object.entries(f.stages)
      .map(([s, ms]) => `${s} ${(ms / 1000).toFixed(2)}`)
      .join(', ');
    console.log(
      f.error === undefined
        ? `${f.spec} ${f.tool}: median ${(f.medianMs / 1000).toFixed(2)} s (min ${(f.minMs / 1000).toFixed(2)}, max ${(f.maxMs / 1000).toFixed(2)}), ${stages}, peak RSS ${f.peakRssMb.toFixed(0)} MB`
        : `${f.spec} ${f.tool}: ${f.error}`,
    );
  }
  for (const note of notes) console.log(note);
}
