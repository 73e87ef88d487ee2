// `serve` and `conformance` load only what they use (issue 15 item 6): run as a user runs them, in a
// child process that records every module it loads (support/record-modules.mjs), a command that does
// not generate loads nothing of the generator — no pipeline, emitter or compiler, no ts-morph,
// typescript, ajv, openapi-typescript or Redocly. With --spec and the package already in the cache,
// only the leaf modules that name the spec's files (the cache key) are read from generator/.
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePackage } from '../../cli/package-source.ts';
import type { RunningServer } from '../../server/start.ts';
import { CLI_ARGS, REPO } from '../support/cli.ts';
import { startEcsServer } from '../support/ecs-server.ts';

const RECORDER = join(REPO, 'test', 'support', 'record-modules.mjs');
const PACKAGE = join(REPO, 'generated', 'ecs');
const SPEC = 'test/fixtures/specs/focused.yaml';

/** What a command that does not generate must never load. */
const HEAVY = [
  /\/generator\//,
  /\/node_modules\/ts-morph\//,
  // ts-morph's own copy of the TypeScript compiler.
  /\/node_modules\/@ts-morph\//,
  /\/node_modules\/typescript\//,
  /\/node_modules\/ajv\//,
  /\/node_modules\/ajv-formats\//,
  /\/node_modules\/openapi-typescript\//,
  /\/node_modules\/@redocly\//,
  /\/node_modules\/handlebars\//,
];
/** What finding a spec's cached package reads of the generator: which files the spec is made of. */
const CACHE_KEY = [
  'generator/shared/toolkit-dir.ts',
  'generator/load/load-spec.ts',
  'generator/load/merge-base.ts',
  'generator/load/plain-value.ts',
  'generator/load/pointer.ts',
];

let counter = 0;

/** Runs `acs-rpc <args>` until it exits, or until it prints `until` (then SIGTERM); the modules it loaded. */
function loaded(args: readonly string[], until?: string): Promise<string[]> {
  return recorded([...CLI_ARGS, ...args], until);
}

async function recorded(nodeArgs: readonly string[], until?: string): Promise<string[]> {
  const record = join(tmpdir(), `acs-rpc-modules-${process.pid}-${counter++}.txt`);
  const child = spawn(process.execPath, ['--import', RECORDER, ...nodeArgs], {
    cwd: REPO,
    env: { ...process.env, ACS_RPC_RECORD_MODULES: record },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (c: Buffer) => {
    out += c.toString();
    if (until !== undefined && out.includes(until)) child.kill('SIGTERM');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code, out).toBe(0);
  const text = await readFile(record, 'utf8');
  await rm(record, { force: true });
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^file:\/\//, '').replace(`${REPO}/`, ''));
}

const heavy = (modules: readonly string[], allowed: readonly string[] = []) =>
  modules.filter((m) => !allowed.includes(m) && HEAVY.some((re) => re.test(`/${m}`)));

describe('commands load only what they use', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startEcsServer();
  });
  afterAll(() => server.close());

  it('records what a process loads: ES modules, and what CommonJS packages require', async () => {
    expect(heavy(await loaded(['--version']))).toEqual(['generator/shared/toolkit-dir.ts']);
    const modules = await recorded(['--input-type=module', '--eval', "await import('ts-morph')"]);
    expect(heavy(modules).some((m) => m.startsWith('node_modules/ts-morph/'))).toBe(true);
    // The compiler, which ts-morph requires as CommonJS.
    expect(heavy(modules)).toContain('node_modules/@ts-morph/common/dist/typescript.js');
  });

  it('serve --package: listens without the generator', { timeout: 60_000 }, async () => {
    const modules = await loaded(['serve', '--package', PACKAGE, '--port', '0'], 'listening on');
    expect(modules).toContain('server/start.ts');
    expect(heavy(modules)).toEqual([]);
  });

  it('conformance --help and serve --help load neither the server nor the generator', async () => {
    for (const command of ['conformance', 'serve']) {
      const modules = await loaded([command, '--help']);
      expect(heavy(modules)).toEqual([]);
      expect(modules.filter((m) => m.startsWith('server/'))).toEqual([]);
    }
  });

  it('conformance --package: runs the package suite without the generator', { timeout: 60_000 }, async () => {
    const modules = await loaded([
      'conformance',
      '--package',
      PACKAGE,
      '--endpoint',
      server.url,
      '--access-key-id',
      'testid',
      '--access-key-secret',
      'testsecret',
      '--only',
      'no.such.check',
    ]);
    expect(modules.some((m) => m.endsWith('conformance/main.js'))).toBe(true);
    expect(heavy(modules)).toEqual([]);
  });

  it('serve --spec with the package in the cache: only the cache key is read of the generator', {
    timeout: 120_000,
  }, async () => {
    const pkg = await resolvePackage({ spec: SPEC }, REPO, true);
    if (typeof pkg === 'number') throw new Error(`exit ${pkg}`);
    const modules = await loaded(['serve', '--spec', SPEC, '--port', '0', '--quiet'], 'listening on');
    expect(modules).toContain('server/start.ts');
    expect(heavy(modules, CACHE_KEY)).toEqual([]);
  });
});
