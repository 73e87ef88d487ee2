// Typechecks the toolkit with TypeScript 5.9, and every generated package under generated/ with
// TypeScript 7 (the `typescript7` alias), so a second spec's package is checked like the first. The
// generated packages need no TypeScript 5.9 run here: the drift check (`generate --check --typecheck`,
// scripts/test.mjs) runs a full TypeScript 5.9 check with the package's own options
// (generator/write/typecheck.ts) and proves the committed code is what the specs yield. Runs go side
// by side.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runBuffered } from './buffered.mjs';

const root = join(import.meta.dirname, '..');
const compilers = ['typescript', 'typescript7'].map((name) => join(root, 'node_modules', name, 'bin', 'tsc'));
const packages = readdirSync(join(root, 'generated'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'generated', entry.name, 'tsconfig.json')))
  .map((entry) => join('generated', entry.name, 'tsconfig.json'))
  .sort();

const runs = [
  [compilers[0], '-p', 'tsconfig.json'],
  ...packages.map((project) => [compilers[1], '-p', project, '--noEmit']),
];
const statuses = await Promise.all(
  runs.map(async (args) => {
    const code = await runBuffered(process.execPath, args, root);
    if (code !== 0) process.stderr.write(`typecheck failed: tsc ${args.slice(1).join(' ')}\n`);
    return code;
  }),
);
if (statuses.some((code) => code !== 0)) process.exit(1);
process.stdout.write(`typechecked the toolkit and ${packages.length} generated package(s)\n`);
