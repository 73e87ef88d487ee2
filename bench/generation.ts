// Generation time (wall and CPU), stage by stage, and peak memory: the whole ECS product as imported,
// synthetic specs of 10, 100 and 1,000 actions, and every product of Alibaba's metadata in the
// workplace's ../shared/openmeta (when present) through the importer. Each figure is beside
// `generate --typecheck` (the full TypeScript check generation skips by default) and openapi-typescript
// alone on the same file, each in a fresh process of the same kind (peak RSS is per process), the
// tools alternating round by round so a busy spell of the machine hits each alike; median and spread.
// `npx tsx bench/generation.ts --help` says how to measure a part of it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { generationGoals, goalLine } from './generation-goals.ts';
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
  /** Median CPU milliseconds (user + system) of the same runs: less moved by other work on the machine. */
  readonly medianCpuMs: number;
  readonly peakRssMb: number;
  /** Median milliseconds of each pipeline stage (check, emit, typecheck, compile). */
  readonly stages: Readonly<Record<string, number>>;
  /** Median CPU milliseconds of each stage. */
  readonly stagesCpu: Readonly<Record<string, number>>;
  /** Median heap in use (MB) as each stage ended: what the stage left alive (and not yet collected). */
  readonly stagesHeapMb?: Readonly<Record<string, number>>;
  /** Why there is no figure: the spec did not import or did not generate. */
  readonly error?: string;
}

export interface GenerationOptions {
  /** Synthetic spec sizes, in actions; default 10, 100 and 1,000. */
  readonly sizes?: readonly number[];
  readonly rounds?: number;
  /** Measure the whole imported ECS spec too (default); off for a quick smoke run. */
  readonly realSpec?: boolean;
  /** Alibaba's metadata files (`<product>@<version>.json`); default the workplace's shared copy. */
  readonly openmetaDir?: string | false;
  /** Only these products of the metadata folder (names before `@`); default all. */
  readonly products?: readonly string[];
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
  // The imported spec, not spec/ecs.yaml: that one adds curated actions over it through `x-acs-base`,
  // which openapi-typescript cannot follow, so the two tools would not read the same operations.
  if (options.realSpec !== false)
    specs.push({ spec: join(ROOT, 'spec', 'imported', 'ecs@2014-05-26.yaml'), source: 'spec' });
  for (const n of options.sizes ?? [10, 100, 1000]) {
    const file = join(WORK, `synthetic-${n}.yaml`);
    writeFileSync(file, syntheticSpec(n));
    specs.push({ spec: file, source: 'synthetic' });
  }
  const openmeta = options.openmetaDir ?? join(ROOT, '..', 'shared', 'openmeta');
  if (openmeta !== false) specs.push(...importProducts(openmeta, notes, options.products));
  const figures: GenerationFigure[] = [];
  // The machine may be shared: the load beside the figures says how busy it was.
  const loadBefore = loadavg()[0]!;
  const typecheckRounds = options.typecheckRounds ?? 1;
  for (const { spec, source, error } of specs)
    figures.push(
      ...measureSpec(
        spec,
        source,
        tools,
        (tool) => (tool.endsWith('--typecheck') ? typecheckRounds : rounds),
        error,
      ),
    );
  notes.push(
    `Load average (1 min) on this machine: ${loadBefore.toFixed(1)} when generation was first measured, ${loadavg()[0]!.toFixed(1)} at the end.`,
  );
  return { figures, notes };
}

/** Every tool on one spec, round by round: round i runs each tool once, in turn. */
function measureSpec(
  spec: string,
  source: GenerationFigure['source'],
  tools: readonly Tool[],
  roundsOf: (tool: Tool) => number,
  error: string | undefined,
): GenerationFigure[] {
  const name = spec.startsWith(ROOT) ? spec.slice(ROOT.length + 1) : spec;
  const empty = { spec: name, source, medianMs: 0, minMs: 0, maxMs: 0, medianCpuMs: 0, peakRssMb: 0 };
  const blank = { ...empty, stages: {}, stagesCpu: {}, actions: undefined };
  if (error !== undefined) return tools.map((tool) => ({ ...blank, tool, error }));
  const runs = new Map<Tool, Run[]>(tools.map((t) => [t, []]));
  const failed = new Map<Tool, string>();
  const most = Math.max(...tools.map(roundsOf));
  for (let i = 0; i < most; i++) {
    for (const tool of tools) {
      if (i >= roundsOf(tool) || failed.has(tool)) continue;
      const run = runOnce(tool, spec);
      if ('error' in run) failed.set(tool, run.error);
      else runs.get(tool)!.push(run);
    }
  }
  return tools.map((tool) => {
    const error = failed.get(tool);
    if (error !== undefined) return { ...blank, tool, error };
    const mine = runs.get(tool)!;
    const stageNames = [...new Set(mine.flatMap((r) => Object.keys(r.stages)))];
    const stagesOf = (pick: (r: Run) => Record<string, number>) =>
      Object.fromEntries(stageNames.map((s) => [s, median(mine.map((r) => pick(r)[s] ?? 0))]));
    return {
      ...empty,
      tool,
      actions: mine[0]?.actions ?? countActions(spec),
      medianMs: median(mine.map((r) => r.ms)),
      minMs: Math.min(...mine.map((r) => r.ms)),
      maxMs: Math.max(...mine.map((r) => r.ms)),
      medianCpuMs: median(mine.map((r) => r.cpuMs)),
      peakRssMb: Math.max(...mine.map((r) => r.rssMb)),
      stages: stagesOf((r) => r.stages),
      stagesCpu: stagesOf((r) => r.stagesCpu ?? {}),
      stagesHeapMb: stagesOf((r) =>
        Object.fromEntries(Object.entries(r.memory ?? {}).map(([st, m]) => [st, m.heapMb])),
      ),
    };
  });
}

interface Run {
  readonly ms: number;
  readonly cpuMs: number;
  readonly rssMb: number;
  readonly actions?: number;
  readonly stages: Record<string, number>;
  readonly stagesCpu?: Record<string, number>;
  readonly memory?: Record<string, { heapMb: number; rssMb: number }>;
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
function importProducts(
  dir: string,
  notes: string[],
  only: readonly string[] | undefined,
): { spec: string; source: 'product'; error?: string }[] {
  if (!existsSync(dir)) {
    notes.push(`${dir} is absent: no product of Alibaba's metadata was measured.`);
    return [];
  }
  const out = join(WORK, 'products');
  mkdirSync(out, { recursive: true });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && (only === undefined || only.includes(f.replace(/@.*$/, ''))))
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

const USAGE = `Usage: npx tsx bench/generation.ts [--sizes 10,100,1000] [--rounds 3] [--typecheck-rounds 1]
                                   [--no-ecs] [--products a,b | --no-products] [--no-typecheck]

Prints each tool's median wall and CPU time (with min and max), each stage's, the peak RSS, and the
goals of the generation budget with met or missed.`;

function parseArgs(argv: readonly string[]): GenerationOptions | undefined {
  const options: { -readonly [K in keyof GenerationOptions]: GenerationOptions[K] } = {};
  const list = (v: string | undefined) => (v ?? '').split(',').filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help') return undefined;
    else if (arg === '--sizes') options.sizes = list(argv[++i]).map(Number);
    else if (arg === '--rounds') options.rounds = Number(argv[++i]);
    else if (arg === '--typecheck-rounds') options.typecheckRounds = Number(argv[++i]);
    else if (arg === '--no-ecs') options.realSpec = false;
    else if (arg === '--products') options.products = list(argv[++i]);
    else if (arg === '--no-products') options.openmetaDir = false;
    else if (arg === '--no-typecheck') options.tools = TOOLS.filter((t) => !t.endsWith('--typecheck'));
    else throw new Error(`Unknown option ${arg}\n\n${USAGE}`);
  }
  return options;
}

if (process.argv[1] === import.meta.filename) {
  const options = parseArgs(process.argv.slice(2));
  if (options === undefined) {
    console.log(USAGE);
  } else {
    const { figures, notes } = measureGeneration(options);
    const s = (ms: number) => (ms / 1000).toFixed(2);
    for (const f of figures) {
      const stages = Object.entries(f.stages)
        .map(([st, ms]) => `${st} ${s(ms)}/${s(f.stagesCpu[st] ?? 0)}`)
        .join(', ');
      const heap = Object.entries(f.stagesHeapMb ?? {})
        .map(([st, mb]) => `${st} ${mb.toFixed(0)}`)
        .join(', ');
      console.log(
        f.error === undefined
          ? `${f.spec} ${f.tool}: median ${s(f.medianMs)} s wall (min ${s(f.minMs)}, max ${s(f.maxMs)}), ${s(f.medianCpuMs)} s CPU; stages wall/CPU: ${stages || '—'}; heap MB after: ${heap || '—'}; peak RSS ${f.peakRssMb.toFixed(0)} MB`
          : `${f.spec} ${f.tool}: ${f.error}`,
      );
    }
    for (const goal of generationGoals(figures)) console.log(goalLine(goal, (ok) => (ok ? 'met' : 'missed')));
    for (const note of notes) console.log(note);
  }
}
