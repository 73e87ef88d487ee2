// One measured generation in its own process: prints `{ ms, cpuMs, rssMb, actions, stages, stagesCpu,
// memory }` as its last line, `stages` (`stagesCpu`) being the wall (CPU) milliseconds of each pipeline
// stage (check, emit, typecheck, compile) as the pipeline reports them through its progress callback,
// `memory` the heap in use and the resident set (MB) as each stage ended (`rssMb` is the peak). Both
// tools are timed from the same point, after this module and everything it imports has loaded, and
// both read the spec from its file: openapi-typescript parses the YAML, the pipeline loads it with
// positions.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { type GenerateStage, generate } from '../generator/pipeline.ts';

const [tool, spec, outRoot] = process.argv.slice(2) as [string, string, string];
const root = process.cwd();
const start = performance.now();
const startCpu = process.cpuUsage();
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const stages: Partial<Record<GenerateStage, number>> = {};
const stagesCpu: Partial<Record<GenerateStage, number>> = {};
const memory: Partial<Record<GenerateStage, { heapMb: number; rssMb: number }>> = {};
let actions: number | undefined;
if (tool === 'openapi-typescript') {
  astToString(await openapiTS(parse(readFileSync(spec, 'utf8')), { silent: true }));
} else {
  let current: { stage: GenerateStage; at: number; cpu: NodeJS.CpuUsage } | undefined;
  const lap = (next?: GenerateStage) => {
    const now = performance.now();
    if (current !== undefined) {
      stages[current.stage] = now - current.at;
      stagesCpu[current.stage] = cpuMs(current.cpu);
      const { heapUsed, rss } = process.memoryUsage();
      memory[current.stage] = { heapMb: Math.round(heapUsed / 2 ** 20), rssMb: Math.round(rss / 2 ** 20) };
    }
    current = next === undefined ? undefined : { stage: next, at: now, cpu: process.cpuUsage() };
  };
  const result = await generate({
    rootDir: root,
    spec: relative(root, spec),
    out: join(outRoot, '{package}'),
    mode: 'none',
    typecheck: tool.endsWith('--typecheck'),
    progress: lap,
  });
  lap();
  if (result.files === undefined) {
    const first = result.diagnostics.find((d) => d.severity === 'error');
    throw new Error(`generation failed: ${first?.code} ${first?.message}`);
  }
  actions = result.model?.actions.length;
}
const ms = performance.now() - start;
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ ms, cpuMs: cpuMs(startCpu), rssMb, actions, stages, stagesCpu, memory }));
