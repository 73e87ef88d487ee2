// A one-call program bundled with code splitting, as bench/client-loaded.ts measures it: what the
// files it loads for one JSON call hold. esbuild puts a module shared by the program and a lazily
// loaded chunk in a file of its own, and follows every import of a module the program reaches: what
// the runtime loads lazily must not pull the call's own code into more files, nor the code of what a
// program given its keys never runs into the files it loads.
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The generated modules of each file the program loads before any dynamic import, by file. */
async function eagerFiles(program: string): Promise<Map<string, string[]>> {
  const result = await build({
    stdin: { contents: program, resolveDir: ROOT, loader: 'js', sourcefile: 'program.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    outdir: join(ROOT, 'bench', 'out', 'split-bundle-test'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((f) => outputs[f]!.entryPoint === 'program.mjs')!;
  const eager = new Map<string, string[]>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (eager.has(file)) continue;
    eager.set(file, modulesOf(outputs[file]!));
    for (const imp of outputs[file]!.imports)
      if (imp.kind === 'import-statement' && !imp.external) queue.push(imp.path);
  }
  return eager;
}

function modulesOf(output: Metafile['outputs'][string]): string[] {
  return Object.entries(output.inputs)
    .filter(([path, use]) => path.startsWith('generated/') && use.bytesInOutput > 0)
    .map(([path]) => path.replace(/^generated\/([^/]+)\/dist\//, '$1/'));
}

const withKeys = `import { EcsBareClient, DescribeInstanceStatusCommand } from '@acs-rpc/ecs';
await new EcsBareClient({ credentials: { accessKeyId: 'id', accessKeySecret: 'secret' } })
  .send(new DescribeInstanceStatusCommand({ RegionId: 'cn-hangzhou' }));`;

describe('a program given its keys, bundled with code splitting', () => {
  it('loads no credential provider: neither the default chain nor the instance role it may reach', async () => {
    const modules = [...(await eagerFiles(withKeys)).values()].flat();
    expect(modules).toContain('runtime/credentials.js');
    for (const provider of ['credentials-chain', 'credentials-instance-role', 'credentials-refresh'])
      expect(modules, provider).not.toContain(`runtime/${provider}.js`);
  });

  it('keeps in its own file what only lazily loaded modules share with it: validation, normalization, request redaction', async () => {
    const files = [...(await eagerFiles(withKeys)).values()];
    const own = files[0]!;
    for (const module of ['runtime/validation.js', 'runtime/normalize.js', 'runtime/response.js'])
      expect(own, module).toContain(module);
    expect(files.flat()).not.toContain('runtime/redact-request.js');
  });

  it('holds no code that only a failure runs: retry decisions, error scrubbing, error responses', async () => {
    const modules = [...(await eagerFiles(withKeys)).values()].flat();
    for (const module of ['attempt-failure', 'retry-policy', 'scrub-error', 'response-error'])
      expect(modules, module).not.toContain(`runtime/${module}.js`);
  });

  it('signs V3 without the code of V1, which loads with a V1 request, and keeps signing in its own file', async () => {
    const files = [...(await eagerFiles(withKeys)).values()];
    for (const module of [
      'runtime/sign-request.js',
      'runtime/sign-v3.js',
      'runtime/encode.js',
      'runtime/crypto.js',
    ])
      expect(files[0]!, module).toContain(module);
    for (const module of ['runtime/sign-request-v1.js', 'runtime/sign-v1.js'])
      expect(files.flat(), module).not.toContain(module);
  });
});
