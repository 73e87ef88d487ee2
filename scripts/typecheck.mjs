// Typechecks the toolkit, then every generated package under generated/ with TypeScript 5.9 and
// TypeScript 7 (the `typescript7` alias), so a second spec's package is checked like the first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const compilers = ['typescript', 'typescript7'].map((name) => join(root, 'node_modules', name, 'bin', 'tsc'));
const packages = readdirSync(join(root, 'generated'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'generated', entry.name, 'tsconfig.json')))
  .map((entry) => join('generated', entry.name, 'tsconfig.json'))
  .sort();

const runs = [
  [compilers[0], '-p', 'tsconfig.json'],
  ...packages.flatMap((project) => compilers.map((tsc) => [tsc, '-p', project, '--noEmit'])),
];
for (const args of runs) {
  const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    process.stderr.write(`typecheck failed: tsc ${args.slice(1).join(' ')}\n`);
    process.exit(1);
  }
}
process.stdout.write(`typechecked the toolkit and ${packages.length} generated package(s)\n`);
