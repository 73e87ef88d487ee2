// The toolkit as a user gets it: `npm pack`, installed from the tarball into a fresh project outside
// this repository, then generate → serve → conformance on the user's own spec, and the generated
// client calling the served API. The slowest test: it builds, installs and generates for real.
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLine, REPO } from '../support/cli.ts';
import { codeBlocks } from '../support/readme-blocks.ts';

const run = promisify(execFile);
const MINUTES = 60_000;
let work = '';
let project = '';
let bin = '';

/** What `npm pack --json` says about the tarball. */
interface PackInfo {
  filename: string;
  size: number;
  files: { path: string }[];
}
let packed: PackInfo;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'acs-rpc-installed-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: REPO,
    maxBuffer: 64 * 1024 * 1024,
  });
  packed = (JSON.parse(stdout.slice(stdout.indexOf('['))) as PackInfo[])[0]!;
  project = join(work, 'project');
  await mkdir(join(project, 'api'), { recursive: true });
  await writeFile(
    join(project, 'package.json'),
    '{ "name": "user-project", "private": true, "type": "module" }\n',
  );
  // The local cache first: the tarball's dependencies are the ones `npm ci` put there for this repository.
  await run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      join(work, packed.filename),
    ],
    { cwd: project },
  );
  bin = join(project, 'node_modules', '.bin', 'acs-rpc');
  // The user's own spec: the hand-written part of the repository's ECS spec (its actions, not the
  // imported base under them) under another package name.
  const spec = (await readFile(join(REPO, 'spec', 'ecs.yaml'), 'utf8'))
    .replace(/^ {2}package: ecs$/m, '  package: demo')
    .replace(/^x-acs-base: .*\n/m, '');
  expect(spec).not.toContain('x-acs-base');
  expect(spec).toContain('  package: demo');
  await writeFile(join(project, 'api', 'demo.yaml'), spec);
  // Its seed, where `serve` looks for it: seeds/<package>.yaml beside the spec.
  await mkdir(join(project, 'api', 'seeds'), { recursive: true });
  await cp(join(REPO, 'spec', 'seeds', 'ecs.yaml'), join(project, 'api', 'seeds', 'demo.yaml'));
  await writeFile(
    join(project, 'acs-rpc.config.json'),
    `${JSON.stringify({ specs: [{ spec: 'api/demo.yaml', out: 'gen/demo' }] })}\n`,
  );
}, 10 * MINUTES);

afterAll(() => rm(work, { recursive: true, force: true }));

function acsRpc(args: string[]) {
  return run(process.execPath, [bin, ...args], { cwd: project, maxBuffer: 64 * 1024 * 1024 });
}

describe('the packed toolkit, installed in a project outside the repository', () => {
  it('holds only what runs: the compiled commands, the templates, README and LICENSE', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain('dist/cli/run.js');
    expect(paths).toContain('templates/runtime/client.ts');
    expect(paths).toContain('LICENSE');
    expect(paths.filter((p) => !/^(dist|templates)\/|^(README\.md|LICENSE|package\.json)$/.test(p))).toEqual(
      [],
    );
    expect(paths.filter((p) => p.endsWith('.ts') && !p.startsWith('templates/'))).toEqual([]);
  });

  it('answers --help and --version without a project', async () => {
    expect((await acsRpc(['--help'])).stdout).toMatch(/^Usage: acs-rpc <command>/);
    const version = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')).version as string;
    expect((await acsRpc(['--version'])).stdout).toBe(`${version}\n`);
  });

  it(
    'generates from the config, serves the spec, passes conformance, and the client calls the server',
    async () => {
      const generated = await acsRpc(['generate']);
      expect(generated.stdout).toMatch(/^gen\/demo: \d+ file\(s\) written, 0 removed\.$/m);
      const manifest = JSON.parse(await readFile(join(project, 'gen/demo/.acs-rpc-manifest.json'), 'utf8'));
      expect(Object.keys(manifest.files)).toContain('dist/index.js');

      const server = spawn(process.execPath, [bin, 'serve', '--spec', 'api/demo.yaml', '--port', '0'], {
        cwd: project,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        const url = (await firstLine(server)).replace(/^listening on /, '');
        const conformance = await acsRpc([
          'conformance',
          '--spec',
          'api/demo.yaml',
          '--endpoint',
          url,
          '--access-key-id',
          'testid',
          '--access-key-secret',
          'testsecret',
        ]);
        expect(conformance.stdout.trim().split('\n').at(-1)).toMatch(
          /^[1-9]\d* passed, 0 failed(, \d+ skipped)?$/,
        );

        const script = join(project, 'call.mjs');
        await writeFile(
          script,
          [
            "import { EcsClient } from './gen/demo/dist/index.js';",
            `const client = new EcsClient({ endpoint: ${JSON.stringify(url)}, credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' } });`,
            "const page = await client.describeInstanceStatus({ RegionId: 'cn-hangzhou', PageSize: 2 });",
            'console.log(JSON.stringify(page));',
          ].join('\n'),
        );
        const called = await run(process.execPath, [script], { cwd: project });
        const page = JSON.parse(called.stdout) as {
          RequestId: string;
          InstanceStatuses: { InstanceStatus: unknown[] };
        };
        expect(page.RequestId).toMatch(/^[0-9A-F-]{36}$/);
        expect(page.InstanceStatuses.InstanceStatus.length).toBeLessThanOrEqual(2);
      } finally {
        server.kill('SIGTERM');
      }
    },
    10 * MINUTES,
  );

  it(
    'runs the README’s walk-through as written (“Using the toolkit in your own project”)',
    async () => {
      const readme = await readFile(join(REPO, 'README.md'), 'utf8');
      const section = readme.slice(readme.indexOf('## Using the toolkit in your own project'));
      const block = codeBlocks('README.md', section).find((b) => b.lang === 'sh');
      const lines = (block?.text ?? '')
        .replace(/\\\n\s*/g, '')
        .split('\n')
        .map((l) => l.replace(/\s#\s.*$/, '').trim())
        .filter((l) => l !== '');
      // The install is beforeAll's, from the packed tarball rather than the registry.
      expect(lines[0]).toBe('npm install --save-dev acs-rpc-kit');
      const spec = /--spec (\S+)/.exec(lines[1] ?? '')?.[1] ?? '';
      await cp(join(project, 'api', 'demo.yaml'), join(project, spec));
      let server: ReturnType<typeof spawn> | undefined;
      let served = '';
      try {
        for (const line of lines.slice(1)) {
          const [npx, tool, command, ...rest] = line.split(/\s+/);
          expect([npx, tool]).toEqual(['npx', 'acs-rpc']);
          if (command === 'serve') {
            const args = rest.map((a) => (a === '8080' ? '0' : a));
            server = spawn(process.execPath, [bin, 'serve', ...args], {
              cwd: project,
              stdio: ['ignore', 'pipe', 'pipe'],
            });
            served = (await firstLine(server)).replace(/^listening on /, '');
            continue;
          }
          const args = rest.map((a) => a.replace('http://127.0.0.1:8080', served));
          const { stdout } = await acsRpc([command ?? '', ...args]);
          if (command === 'conformance')
            expect(stdout.trim().split('\n').at(-1)).toMatch(/^[1-9]\d* passed, 0 failed(, \d+ skipped)?$/);
        }
      } finally {
        server?.kill('SIGTERM');
      }
    },
    10 * MINUTES,
  );

  it(
    'refuses to generate into a folder holding files it did not write, and keeps them',
    async () => {
      const out = join(project, 'theirs');
      await mkdir(join(out, '.git'), { recursive: true });
      await writeFile(join(out, 'NOTES.md'), 'theirs');
      await writeFile(join(out, '.git', 'HEAD'), 'ref: refs/heads/main\n');
      await cp(join(project, 'api', 'demo.yaml'), join(work, 'outside.yaml'));
      const error = await acsRpc([
        'generate',
        '--spec',
        '../outside.yaml',
        '--out',
        'theirs',
        '--quiet',
      ]).catch((e: { code: number; stderr: string }) => e);
      expect(error).toMatchObject({ code: 1 });
      expect((error as { stderr: string }).stderr).toContain(
        'theirs holds files acs-rpc did not write: NOTES.md.',
      );
      expect(await readFile(join(out, 'NOTES.md'), 'utf8')).toBe('theirs');
      expect(await readFile(join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    },
    10 * MINUTES,
  );
});
