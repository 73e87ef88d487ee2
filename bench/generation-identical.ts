// Whether a change to the generator keeps its output: every file a `generate` of each spec yields
// (the package and the runtime beside it), written under a folder of digests, compared with the
// digests a run of another checkout (or the same one before the change) left there.
// `npx tsx bench/generation-identical.ts save <dir> [spec…]` records; `… compare <dir> [spec…]` says
// which files differ and exits 1 when any does; `--ignore <regex>` leaves out the paths a change meant to
// alter (say `validators/`). Not part of `npm run bench`: a tool for speed work.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { generate } from '../generator/pipeline.ts';
import { syntheticSpec } from './synthetic-spec.ts';

const ROOT = join(import.meta.dirname, '..');
const DEFAULT_SPECS = ['spec/ecs.yaml', 'spec/vpc.yaml', 'synthetic-100'];

const args = process.argv.slice(2);
const ignoreAt = args.indexOf('--ignore');
const ignore = ignoreAt < 0 ? undefined : new RegExp(args.splice(ignoreAt, 2)[1] ?? '');
const [command, dir, ...named] = args;
if ((command !== 'save' && command !== 'compare') || dir === undefined) {
  console.error(
    'usage: npx tsx bench/generation-identical.ts save|compare <dir> [--ignore regex] [spec… | synthetic-N…]',
  );
  process.exit(2);
}
const specs = named.length > 0 ? named : DEFAULT_SPECS;
const out = resolve(dir);
mkdirSync(out, { recursive: true });

/** `synthetic-N` stands for the bench's synthetic spec of N actions, written into `dir`. */
function specPath(name: string): string {
  const synthetic = /^synthetic-(\d+)$/.exec(name);
  if (synthetic === null) return resolve(ROOT, name);
  const file = join(out, `${name}.yaml`);
  if (!existsSync(file)) writeFileSync(file, syntheticSpec(Number(synthetic[1])));
  return file;
}

let differing = 0;
for (const name of specs) {
  const spec = specPath(name);
  const result = await generate({
    rootDir: ROOT,
    spec: relative(ROOT, spec),
    out: join(out, 'pkg', '{package}'),
    mode: 'none',
  });
  if (result.files === undefined)
    throw new Error(`${name} did not generate: ${result.diagnostics[0]?.message}`);
  const digests: Record<string, string> = {};
  for (const f of [
    ...result.files,
    ...(result.runtime?.files ?? []).map((r) => ({ ...r, path: `runtime/${r.path}` })),
  ]) {
    digests[f.path] = createHash('sha256').update(f.content).digest('hex');
  }
  const file = join(out, `${name.replaceAll('/', '_')}.digests.json`);
  if (command === 'save') {
    writeFileSync(file, `${JSON.stringify(digests, null, 1)}\n`);
    console.log(`${name}: ${Object.keys(digests).length} files recorded`);
    continue;
  }
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const paths = [...new Set([...Object.keys(before), ...Object.keys(digests)])].sort();
  const changed = paths.filter((p) => before[p] !== digests[p] && !ignore?.test(p));
  differing += changed.length;
  console.log(
    `${name}: ${paths.length} files, ${changed.length} differ${ignore ? ` (${ignore} ignored)` : ''}`,
  );
  for (const p of changed.slice(0, 20)) {
    console.log(`  ${p}: ${before[p] === undefined ? 'new' : digests[p] === undefined ? 'gone' : 'changed'}`);
  }
}
process.exit(differing > 0 ? 1 : 0);
