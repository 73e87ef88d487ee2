// The modular client: a bare client that sends command objects, the same call on the wire as the
// client with a method per action, and a bundle that holds only the commands a program sends.
import { join } from 'node:path';
import {
  AcsValidationError,
  DescribeInstanceStatusCommand,
  type DescribeInstanceStatusResponse,
  EcsBareClient,
  EcsClient,
  StartInstanceCommand,
} from '@acs-rpc/ecs';
import { build } from 'esbuild';
import { afterAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { pagesOf } from '../../support/ecs-pages.ts';
import { type FakeServer, startFakeServer } from '../../support/fake-server.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const config = {
  credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
  retry: false,
  now: () => Date.UTC(2026, 0, 2, 3, 4, 5),
} as const;
const server: FakeServer = await startFakeServer(pagesOf(3));
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('send(command)', () => {
  it('answers as the method does, with the same request on the wire but its nonce', async () => {
    const bare = new EcsBareClient({ endpoint: server.url, ...config });
    const full = new EcsClient({ endpoint: server.url, ...config });
    const params = { RegionId: 'cn-hangzhou', PageSize: 2, InstanceId: ['i-1', 'i-2'] };
    const sent = await bare.send(new DescribeInstanceStatusCommand(params));
    expectTypeOf(sent).toEqualTypeOf<DescribeInstanceStatusResponse>();
    expect(sent).toEqual(await full.describeInstanceStatus(params));
    expect(await full.send(new DescribeInstanceStatusCommand(params))).toEqual(sent);
    const [a, b, c] = server.requests.map((r) => ({
      method: r.method,
      query: [...r.url.searchParams],
      action: r.headers['x-acs-action'],
      version: r.headers['x-acs-version'],
    }));
    expect(a).toEqual(b);
    expect(a).toEqual(c);
    expect(a!.action).toBe('DescribeInstanceStatus');
    expect(a!.query).toContainEqual(['InstanceId.2', 'i-2']);
  });

  it('refuses a bad input before anything is sent, naming the parameter', async () => {
    const bare = new EcsBareClient({ endpoint: server.url, ...config });
    const refused = bare.send(new DescribeInstanceStatusCommand({ RegionId: 'cn-hangzhou', PageSize: 51 }));
    await expect(refused).rejects.toBeInstanceOf(AcsValidationError);
    await expect(refused).rejects.toThrow(/PageSize/);
    expect(server.requests).toHaveLength(0);
  });

  it('carries its action and input', () => {
    const command = new StartInstanceCommand({ InstanceId: 'i-1' });
    expect(command.action.name).toBe('StartInstance');
    expect(command.input).toEqual({ InstanceId: 'i-1' });
  });
});

/** The modules of generated/ a bundle of the program holds, and its code. */
async function bundled(program: string): Promise<{ modules: string[]; code: string }> {
  const result = await build({
    stdin: { contents: program, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    external: ['fast-xml-parser'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  // What is in the output (esbuild lists every module it read, kept or not, in metafile.inputs).
  const output = Object.values(result.metafile.outputs)[0]!;
  const modules = Object.entries(output.inputs)
    .filter(([path, use]) => path.startsWith('generated/') && use.bytesInOutput > 0)
    .map(([path]) => path);
  return { modules, code: result.outputFiles[0]!.text };
}

/** What a bundle (not minified) holds of one module: esbuild heads each module's code with its path. */
function moduleCode(code: string, module: string): string {
  const start = code.indexOf(`// ${module}\n`);
  expect(start, module).toBeGreaterThanOrEqual(0);
  const end = code.indexOf('\n// ', start + 1);
  return code.slice(start, end < 0 ? undefined : end);
}

describe('a one-command program, bundled', () => {
  it('holds the action it sends and no other action’s descriptor or validator', async () => {
    const { modules: inputs, code } =
      await bundled(`import { EcsBareClient, DescribeInstanceStatusCommand } from '@acs-rpc/ecs';
await new EcsBareClient().send(new DescribeInstanceStatusCommand({ RegionId: 'cn-hangzhou' }));`);
    expect(inputs).toContain('generated/ecs/dist/validators/requests.schemas.js');
    expect(inputs).not.toContain('generated/ecs/dist/client.js');
    expect(code).toContain('"DescribeInstanceStatus"');
    expect(code).toContain('validateDescribeInstanceStatusRequest');
    // The request validators are one module of schemas: the bundler keeps the one the action uses.
    const validators = moduleCode(code, 'generated/ecs/dist/validators/requests.schemas.js');
    expect(validators.match(/schemaValidator\(/g)).toHaveLength(1);
    expect(validators).toContain('"RegionId"');
    for (const other of ['StartInstance', 'StopInstance', 'DescribeZones', 'DescribeRegions']) {
      expect(code, other).not.toContain(`"${other}"`);
      expect(code, other).not.toContain(`validate${other}Request`);
    }
  });
});

describe('two products in one program', () => {
  it('share one copy of the runtime package', async () => {
    const { modules } =
      await bundled(`import { EcsBareClient, DescribeInstanceStatusCommand } from '@acs-rpc/ecs';
import { VpcBareClient, DescribeVpcsCommand } from '@acs-rpc/vpc';
await new EcsBareClient().send(new DescribeInstanceStatusCommand({ RegionId: 'cn-hangzhou' }));
await new VpcBareClient().send(new DescribeVpcsCommand({ RegionId: 'cn-hangzhou' }));`);
    const runtime = modules.filter((m) => m.startsWith('generated/runtime/'));
    expect(runtime).toContain('generated/runtime/dist/client.js');
    expect(runtime).toContain('generated/runtime/dist/sign-v3.js');
    expect(modules.filter((m) => /\/(client|sign-v3)\.js$/.test(m))).toEqual([
      'generated/runtime/dist/client.js',
      'generated/runtime/dist/sign-v3.js',
    ]);
    expect(modules.filter((m) => m.includes('/validators/requests.schemas'))).toEqual([
      'generated/ecs/dist/validators/requests.schemas.js',
      'generated/vpc/dist/validators/requests.schemas.js',
    ]);
  });
});
