// `acs-rpc serve` as a user runs it: the first line names the URL, the server answers there, the
// access log goes to stderr without secrets, and SIGTERM / SIGINT stop it with exit code 0.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/exit-codes.ts';
import { runServe } from '../../cli/serve.ts';
import { CLI_ARGS, REPO } from '../support/cli.ts';
import { rawV1 } from '../support/raw-client.ts';

/** The repository's generated package: serving it needs no generation first. */
const PACKAGE = join(REPO, 'generated', 'ecs');

function serve(args: string[]) {
  const child = spawn(process.execPath, [...CLI_ARGS, 'serve', '--package', PACKAGE, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, firstLine, exit, output: () => ({ stdout, stderr }) };
}

describe('acs-rpc serve', () => {
  it('prints where it listens, serves, logs without secrets, stops on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acs-serve-'));
    const keys = join(dir, 'keys.json');
    await writeFile(
      keys,
      JSON.stringify([{ accessKeyId: 'mine', accessKeySecret: 's3cret', securityToken: 'tok' }]),
    );
    const server = serve(['--port', '0', '--credentials', keys, '--access-log']);
    const line = await server.firstLine;
    expect(line).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = line.slice('listening on '.length);
    const r = await rawV1(
      url,
      { RegionId: 'cn-hangzhou' },
      { accessKeyId: 'mine', secret: 's3cret', token: 'tok' },
    );
    expect(r.status, r.text).toBe(200);
    expect((await rawV1(url, { RegionId: 'cn-hangzhou' })).json().Code).toBe('InvalidAccessKeyId.NotFound');
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    const { stderr } = server.output();
    expect(stderr).toMatch(/GET DescribeInstanceStatus 200/);
    expect(stderr).not.toMatch(/s3cret|tok\b|Signature/);
  });

  it('loads a seed file, stops on SIGINT', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acs-serve-'));
    const seed = join(dir, 'seed.yaml');
    await writeFile(
      seed,
      [
        'product: Ecs',
        'scopes: [{ RegionId: xx-test, ZoneId: [xx-test-a, xx-test-b] }]',
        'resources:',
        '  Instance: [{ id: i-1, state: Stopped, RegionId: xx-test, ZoneId: xx-test-a }]',
      ].join('\n'),
    );
    const server = serve(['--port', '0', '--seed', seed]);
    const url = (await server.firstLine).slice('listening on '.length);
    expect((await rawV1(url, { RegionId: 'xx-test' })).json()).toMatchObject({
      TotalCount: 1,
      InstanceStatuses: { InstanceStatus: [{ InstanceId: 'i-1', Status: 'Stopped' }] },
    });
    server.child.kill('SIGINT');
    expect(await server.exit).toBe(0);
  });

  it.each([[['--port', 'abc']], [['--port', '70000']], [['--nope']], [['--cors', 'app.example']]])(
    'refuses %j with exit code 2',
    async (args) => {
      await expect(runServe(args)).rejects.toThrow(UsageError);
    },
  );

  it.each([
    [['--port', '0', '--package', PACKAGE, '--seed', '/nonexistent/seed.yaml']],
    [['--port', '0', '--package', PACKAGE, '--credentials', '/nonexistent/keys.yaml']],
  ])('says what failed and exits 1 for %j', async (args) => {
    expect(await runServe(args)).toBe(1);
  });
});
