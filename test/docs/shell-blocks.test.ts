// Every shell command of every README and doc is run: here when it is a server start, a conformance
// run or a focused test run; by CI (`.ci/run`) when it is one of CI's own steps; by
// `test/cli/installed.test.ts` when it is the installed toolkit's walk-through. A command none of them
// runs fails this test, so a new command in the docs needs a runner.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryPackages } from '../../server/packages.ts';
import { type RunningServer, startServer } from '../../server/start.ts';
import { firstLine, REPO } from '../support/cli.ts';
import { atServer, type CodeBlock, readmeBlocks } from '../support/readme-blocks.ts';

const run = promisify(execFile);
const SHELL = new Set(['sh', 'bash', 'shell', 'console']);

interface Command {
  readonly where: string;
  readonly text: string;
  readonly comment: string;
}

function commands(block: CodeBlock): Command[] {
  const joined = block.text.replace(/\\\n\s*/g, '');
  return joined
    .split('\n')
    .map((line) => {
      const hash = line.search(/\s#\s/);
      return {
        where: `${block.file}:${block.line}`,
        text: (hash < 0 ? line : line.slice(0, hash)).trim(),
        comment: hash < 0 ? '' : line.slice(hash).replace(/^\s*#\s*/, ''),
      };
    })
    .filter((c) => c.text !== '');
}

const all = readmeBlocks(REPO)
  .filter((b) => SHELL.has(b.lang))
  .flatMap(commands);
const ciSteps = readFileSync(join(REPO, '.ci', 'run'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => /^npm /.test(l));
const installed = readFileSync(join(REPO, 'test', 'cli', 'installed.test.ts'), 'utf8');

type Kind = 'ci' | 'serve' | 'conformance' | 'package bin' | 'vitest' | 'installed' | 'drift check';

/** Each generated package's bin (`npx <bin>` in its README) and the file it runs. */
const packageBins = new Map(
  readdirSync(join(REPO, 'generated'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(REPO, 'generated', e.name, 'package.json')))
    .flatMap((e) => {
      const manifest = JSON.parse(readFileSync(join(REPO, 'generated', e.name, 'package.json'), 'utf8')) as {
        bin?: Record<string, string>;
      };
      return Object.entries(manifest.bin ?? {}).map(([bin, file]) => [
        bin,
        join(REPO, 'generated', e.name, file),
      ]);
    }),
);

function packageBin(command: Command): string | undefined {
  const [npx, bin] = command.text.split(/\s+/);
  return npx === 'npx' && bin !== undefined ? packageBins.get(bin) : undefined;
}

/** Who runs a command. `npm run generate` is the drift check's `--check` run in `npm test`: running it
 * here would rewrite generated/ under the other tests' feet. */
function kindOf(command: Command): Kind | undefined {
  if (ciSteps.some((step) => step === command.text || step.startsWith(`${command.text} `))) return 'ci';
  if (command.text.startsWith('npm run serve -- ')) return 'serve';
  if (command.text.startsWith('npm run conformance -- ')) return 'conformance';
  if (command.text.startsWith('npx vitest run ')) return 'vitest';
  if (packageBin(command) !== undefined) return 'package bin';
  if (
    command.text.startsWith('npx acs-rpc ') ||
    command.text.startsWith('npm install --save-dev acs-rpc-kit')
  )
    return 'installed';
  if (command.text === 'npm run generate') return 'drift check';
  return undefined;
}

/** Not run by any test, each for its reason (kept short on purpose). */
const NOT_RUN: Readonly<Record<string, string>> = {
  'npm run mutation': 'Stryker takes many minutes; its last result is bench/MUTATION.md',
};

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(await repositoryPackages());
}, 60_000);
afterAll(() => server?.close());

describe('shell commands in the docs', () => {
  it('finds them', () => {
    expect(all.length).toBeGreaterThan(8);
  });

  it.each(all.map((c) => [`${c.where}: ${c.text}`, c] as const))('%s has a runner', (_, command) => {
    const kind = kindOf(command);
    if (kind === undefined) {
      expect(NOT_RUN[command.text], `no runner for ${command.text}`).toBeDefined();
      return;
    }
    if (kind === 'installed') expect(installed).toContain('Using the toolkit in your own project');
    if (kind === 'drift check')
      expect(readFileSync(join(REPO, 'scripts', 'test.mjs'), 'utf8')).toContain("'generate'");
  });

  const serves = all.filter((c) => kindOf(c) === 'serve');
  it.each(serves.map((c) => [`${c.where}: ${c.text}`, c] as const))(
    '%s starts, says where it listens, stops on SIGTERM',
    async (_, command) => {
      const args = command.text
        .replace(/^npm run serve -- /, '')
        .split(/\s+/)
        .map((a) => (a === '8080' ? '0' : a));
      const child = spawn(process.execPath, [...CLI, 'serve', ...args], { cwd: REPO, stdio: 'pipe' });
      const first = await firstLine(child);
      expect(first).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
      if (command.comment.startsWith('first line: '))
        expect(first.replace(/:\d+$/, ':8080')).toBe(command.comment.slice('first line: '.length));
      child.kill('SIGTERM');
      expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    },
    // The first serve of a clean clone generates every spec into its cache.
    300_000,
  );

  // `npm run conformance -- ARGS` runs the toolkit's command, `npx <bin> ARGS` a package's own bin.
  const suites = all.filter((c) => kindOf(c) === 'conformance' || kindOf(c) === 'package bin');
  it.each(suites.map((c) => [`${c.where}: ${c.text}`, c] as const))(
    '%s passes against the reference server',
    async (_, command) => {
      const words = atServer(command.text, server.url)
        .split(/\s+/)
        .map((a) => a.replace(/^'(.*)'$/, '$1'));
      const argv =
        kindOf(command) === 'conformance'
          ? [...CLI, 'conformance', ...words.slice(words.indexOf('--') + 1)]
          : [packageBin(command)!, ...words.slice(2)];
      const { stdout } = await run(process.execPath, argv, { cwd: REPO, maxBuffer: 64 * 1024 * 1024 });
      expect(stdout.trim().split('\n').at(-1)).toMatch(/^[1-9]\d* passed, 0 failed/);
    },
    180_000,
  );

  const vitests = all.filter((c) => kindOf(c) === 'vitest');
  it.each(vitests.map((c) => [`${c.where}: ${c.text}`, c] as const))(
    '%s passes',
    async (_, command) => {
      const args = command.text
        .replace(/^npx vitest run /, '')
        .match(/"[^"]*"|\S+/g)!
        .map((a) => a.replace(/^"(.*)"$/, '$1'));
      const vitest = join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
      const { stdout } = await run(process.execPath, [vitest, 'run', ...args], {
        cwd: REPO,
        env: { ...process.env, CI: 'true' },
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(stdout.trim().split('\n').at(-1)).toMatch(/^[1-9]\d* passed, 0 failed/);
    },
    300_000,
  );
});

const CLI = [
  '--import',
  join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
  join(REPO, 'cli', 'run.ts'),
];
