// One measured generation in its own process: prints `{ ms, rssMb, actions, stages }` as its last
// line, `stages` being the milliseconds of each pipeline stage (check, emit, typecheck, compile) as
// the pipeline reports them through its progress callback.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { type GenerateStage, generate } from '../generator/pipeline.ts';

const [tool, spec, outRoot] = process.argv.slice(2) as [string, string, string];
const root = process.cwd();
const start = performance.now();
const stages: Partial<Record<GenerateStage, number>> = {};
let actions: number | undefined;
if (tool === 'openapi-typescript') {
  astToString(await openapiTS(parse(readFileSync(spec, 'utf8')), { silent: true }));
} else {
  let current: { stage: GenerateStage; at: number } | undefined;
  const lap = (next?: GenerateStage) => {
    const now = performance.now();
    if (current !== undefined) stages[current.stage] = now - current.at;
    current = next === undefined ? undefined : { stage: next, at: now };
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
console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, actions, stages }));
