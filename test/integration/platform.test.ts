// Which runtime a bundle gets (the runtime's package.json `imports`, templates/runtime/platform.ts):
// for the browser, web and edge workers, Bun and any resolver that knows none of these conditions,
// fetch and Web Crypto with no node: import anywhere, not even behind a lazy import; for Node,
// node:http and node:crypto. Built with esbuild as a user's bundler would, errors and warnings counted.
import { join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

const PROGRAMS: readonly [string, string][] = [
  ['only the error classes', `import { AcsError } from '@acs-rpc/ecs';\nconsole.log(AcsError.name);`],
  [
    'the modular client and one command',
    `import { DescribeInstanceStatusCommand, EcsBareClient } from '@acs-rpc/ecs';
const ecs = new EcsBareClient({ region: 'cn-hangzhou' });
console.log(await ecs.send(new DescribeInstanceStatusCommand({ RegionId: 'cn-hangzhou' })));`,
  ],
  [
    'the full client of two products, with paginators',
    `import { EcsClient } from '@acs-rpc/ecs';
import { VpcClient } from '@acs-rpc/vpc';
for await (const s of new EcsClient().paginateDescribeInstanceStatusItems({ RegionId: 'cn-hangzhou' })) console.log(s);
console.log(await new VpcClient().describeVpcs({ RegionId: 'cn-hangzhou' }));`,
  ],
];

/** Runtimes with fetch and Web Crypto but no file system. */
const WEB: readonly [string, Pick<BuildOptions, 'platform' | 'conditions' | 'mainFields'>][] = [
  ['the browser', { platform: 'browser' }],
  [
    'an edge worker (as wrangler resolves)',
    {
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser'],
      mainFields: ['browser', 'module', 'main'],
    },
  ],
  ['a resolver that knows no condition of ours', { platform: 'neutral', mainFields: ['module', 'main'] }],
];

/** The program bundled whole (lazy imports included), with what esbuild said and the runtime modules
 * it holds. */
async function bundle(
  program: string,
  options: Pick<BuildOptions, 'platform' | 'conditions' | 'mainFields'>,
) {
  const result = await build({
    ...options,
    stdin: { contents: program, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  return {
    messages: [...result.errors, ...result.warnings].map((m) => m.text),
    runtime: inputs.filter((p) => p.startsWith('generated/runtime/dist/')).map((p) => p.slice(24)),
    external: result.metafile.outputs[Object.keys(result.metafile.outputs)[0]!]!.imports.map((i) => i.path),
    code: result.outputFiles[0]!.text,
  };
}

describe.each(PROGRAMS)('a program using %s', (_name, program) => {
  it.each(WEB)(
    'bundled for %s: fetch and Web Crypto, no node: import, no error or warning',
    async (_t, options) => {
      const { messages, runtime, external, code } = await bundle(program, options);
      expect(messages).toEqual([]);
      expect(external).toEqual([]);
      expect(code).not.toMatch(/["']node:/);
      expect(runtime.filter((m) => /-node\.js$|credentials-file\.js$/.test(m))).toEqual([]);
      if (runtime.includes('client.js')) expect(runtime).toContain('platform-web.js');
    },
  );

  it('bundled for Bun (its resolver matches bun before node): fetch and Web Crypto, node:fs only for the profile file', async () => {
    const { messages, runtime, external } = await bundle(program, { platform: 'node', conditions: ['bun'] });
    expect(messages).toEqual([]);
    expect(runtime.filter((m) => m.endsWith('-node.js'))).toEqual([]);
    if (!runtime.includes('client.js')) return;
    expect(runtime).toEqual(expect.arrayContaining(['platform-web.js', 'credentials-file.js']));
    expect(external.sort()).toEqual(['fast-xml-parser', 'node:fs/promises', 'node:os', 'node:path']);
  });

  it('bundled for Node: node:http and node:crypto, no error or warning', async () => {
    const { messages, runtime, external } = await bundle(program, { platform: 'node' });
    expect(messages).toEqual([]);
    if (!runtime.includes('client.js')) return;
    expect(runtime).toEqual(
      expect.arrayContaining(['platform-node.js', 'transport-node.js', 'crypto-node.js']),
    );
    expect(runtime).not.toContain('platform-web.js');
    expect(external).toEqual(expect.arrayContaining(['node:http', 'node:https', 'node:crypto']));
  });
});
