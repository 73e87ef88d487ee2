// `npm test`: the static checks (lint, typecheck, drift check, import check) side by side, each
// one's output shown whole when it ends, then the tests. Any failure stops the run with a non-zero
// exit; the last line is the test summary `N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runBuffered } from './buffered.mjs';

const root = join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const checks = [
  ['lint', ['run', 'lint', '--silent']],
  ['typecheck', ['run', 'typecheck', '--silent']],
  // --typecheck: the committed packages pass a full TypeScript 5.9 check, not only the file-by-file
  // compile that generation does by default.
  ['drift check', ['run', 'generate', '--silent', '--', '--check', '--typecheck']],
  ['import check', ['run', 'import', '--silent', '--', '--check', '--quiet']],
];

const results = await Promise.all(
  checks.map(async ([name, args]) => ({ name, code: await runBuffered(npm, args, root) })),
);
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length > 0) {
  process.stderr.write(`npm test: ${failed.join(', ')} failed; the tests were not run.\n`);
  process.exit(1);
}
const tests = spawnSync(npm, ['exec', '--', 'vitest', 'run', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(tests.status ?? 1);
