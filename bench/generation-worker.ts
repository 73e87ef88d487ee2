// One measured generation in its own process: prints `{ ms, rssMb }` as its last line.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { generate } from '../generator/pipeline.ts';

const [tool, spec, outRoot] = process.argv.slice(2) as [string, string, string];
const root = process.cwd();
const start = performance.now();
if (tool === 'openapi-typescript') {
  astToString(await openapiTS(parse(readFileSync(spec, 'utf8')), { silent: true }));
} else {
  const result = await generate({
    rootDir: root,
    spec: relative(root, spec),
    out: join(outRoot, '{package}'),
    mode: 'none',
  });
  if (result.files === undefined) throw new Error(`generation failed: ${JSON.stringify(result.diagnostics)}`);
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024 }));
