// Every code block of every README is run: TypeScript as a program (a block without imports continues
// the one before it) against the reference server serving every generated package, with the test keys
// and the endpoint given through the environment as a user on a test machine would; data blocks
// (JSON, YAML) parsed; shell blocks run or, for the long ones, matched to the test or CI step that runs
// them (`shell-blocks.test.ts`).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repositoryPackages } from '../../server/packages.ts';
import { type RunningServer, startServer } from '../../server/start.ts';
import { REPO } from '../support/cli.ts';
import { atServer, expectedOutput, programs, readmeBlocks } from '../support/readme-blocks.ts';

const run = promisify(execFile);
const blocks = readmeBlocks(REPO);
const tsPrograms = programs(blocks);
const TSX_CLI = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');

let server: RunningServer;
let home = '';

beforeAll(async () => {
  server = await startServer(await repositoryPackages());
  home = await mkdtemp(join(tmpdir(), 'acs-rpc-readme-home-'));
}, 60_000);
afterAll(async () => {
  await server?.close();
  if (home !== '') await rm(home, { recursive: true, force: true });
});

/** The environment a program sees: the reference server's test keys and address, an empty home (no
 * profile file of the machine's user is read) and nothing of the caller's Alibaba settings. */
function environment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('ALIBABA_CLOUD_') && !name.startsWith('ACS_RPC_')) env[name] = value;
  }
  return {
    ...env,
    HOME: home,
    USERPROFILE: home,
    ALIBABA_CLOUD_ACCESS_KEY_ID: 'testid',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'testsecret',
    ACS_RPC_ENDPOINT_URL: server.url,
  };
}

describe('README TypeScript', () => {
  it('finds the programs', () => {
    expect(tsPrograms.length).toBeGreaterThan(5);
  });
  it.each(tsPrograms.map((p) => [`${p.file}:${p.lines.join(',')}`, p] as const))(
    '%s runs',
    async (_, program) => {
      const result = await run(
        process.execPath,
        [TSX_CLI, '--input-type=module', '--eval', atServer(program.text, server.url)],
        { cwd: REPO, env: environment(), timeout: 120_000 },
      ).catch((error: { stderr?: string; message: string }) => ({
        failed: error.stderr || error.message,
      }));
      expect('failed' in result ? result.failed : '').toBe('');
      const printed = 'stdout' in result ? result.stdout.split('\n') : [];
      // Each `// →` line, in order, among what it printed.
      let at = 0;
      for (const line of expectedOutput(program.text)) {
        const found = printed.indexOf(line, at);
        expect(found, `${program.file}: prints ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    },
    130_000,
  );
});

describe('README data blocks', () => {
  const data = blocks.filter((b) => b.lang === 'json' || b.lang === 'yaml');
  it.each(data.map((b) => [`${b.file}:${b.line}`, b] as const))('%s parses', (_, block) => {
    if (block.lang === 'json') expect(() => JSON.parse(block.text)).not.toThrow();
    else expect(() => parseYaml(block.text)).not.toThrow();
  });
});
