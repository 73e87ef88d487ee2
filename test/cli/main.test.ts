// The command's habits: help on stdout with exit 0 and no side effects, the version, usage errors
// with exit 2 on stderr.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ARGS, REPO } from '../support/cli.ts';

const run = promisify(execFile);
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

async function acsRpc(
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    return { code: 0, ...(await run(process.execPath, [...CLI_ARGS, ...args], { cwd })) };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

describe('acs-rpc', () => {
  it.each([
    ['--help', { given: ['--help'], want: /^Usage: acs-rpc <command>[\s\S]*70 {2}internal error/ }],
    ['-h', { given: ['-h'], want: /^Usage: acs-rpc <command>/ }],
    [
      'generate --help',
      { given: ['generate', '--help', '--spec', 'x.yaml'], want: /^Usage: acs-rpc generate/ },
    ],
    ['serve -h', { given: ['serve', '-h'], want: /^Usage: acs-rpc serve/ }],
    ['conformance --help', { given: ['conformance', '--help'], want: /^Usage: acs-rpc conformance/ }],
    ['start --help', { given: ['start', '--help'], want: /^Usage: acs-rpc start/ }],
  ])('%s prints help on stdout, exits 0 and writes nothing', async (_name, { given, want }) => {
    const dir = await mkdtemp(join(tmpdir(), 'acs-rpc-help-'));
    temps.push(dir);
    const result = await acsRpc(given, dir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(want);
    expect(await readdir(dir)).toEqual([]);
  });

  it('prints the version', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    expect(await acsRpc(['--version'], REPO)).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each([
    ['no command', { given: [], want: /^Usage: acs-rpc/ }],
    ['an unknown command', { given: ['gen'], want: /^acs-rpc: unknown command "gen"/ }],
    [
      'an unknown option',
      { given: ['generate', '--nope'], want: /^acs-rpc generate: Unknown option '--nope'/ },
    ],
    ['no spec and no config', { given: ['generate'], want: /^acs-rpc generate: No spec: pass --spec FILE/ }],
    [
      'several specs into one folder',
      {
        given: ['generate', '--spec', 'a.yaml', '--spec', 'b.yaml', '--out', 'x'],
        want: /--out needs \{package\}/,
      },
    ],
  ])('exits 2 on %s, saying why on stderr', async (_name, { given, want }) => {
    const dir = await mkdtemp(join(tmpdir(), 'acs-rpc-usage-'));
    temps.push(dir);
    const result = await acsRpc(given, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(want);
    expect(await readdir(dir)).toEqual([]);
  });
});
