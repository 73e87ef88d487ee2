// Bundle size of a program making one DescribeInstanceStatus call (esbuild, minified, gzipped), and
// import time and memory, for the generated client beside the official SDKs, in one run. The bytes a
// call actually loads (eager chunk plus the lazy chunks it imports) are `client-loaded.ts`'s.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { measureLoadedBytes } from './client-loaded.ts';
import { loadedLines } from './client-loaded-tables.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'out', 'client-size');

const PROGRAMS: Record<string, string> = {
  'generated bare client + one command (JSON)': `import { DescribeInstanceStatusCommand, EcsBareClient } from '@acs-rpc/ecs';
const client = new EcsBareClient({ region: 'cn-hangzhou' });
console.log(await client.send(new DescribeInstanceStatusCommand({ RegionId: 'cn-hangzhou' })));`,
  'generated client (JSON)': `import { EcsClient } from '@acs-rpc/ecs';
const client = new EcsClient({ region: 'cn-hangzhou' });
console.log(await client.describeInstanceStatus({ RegionId: 'cn-hangzhou' }));`,
  'generated client (XML)': `import { EcsClient } from '@acs-rpc/ecs';
const client = new EcsClient({ region: 'cn-hangzhou', format: 'XML' });
console.log(await client.describeInstanceStatus({ RegionId: 'cn-hangzhou' }));`,
  '@alicloud/ecs20140526': `import Ecs, * as $Ecs from '@alicloud/ecs20140526';
import * as $OpenApi from '@alicloud/openapi-client';
const client = new Ecs.default(new $OpenApi.Config({ accessKeyId: 'id', accessKeySecret: 's', regionId: 'cn-hangzhou' }));
console.log(await client.describeInstanceStatus(new $Ecs.DescribeInstanceStatusRequest({ regionId: 'cn-hangzhou' })));`,
  '@alicloud/pop-core': `import RPCClient from '@alicloud/pop-core';
const client = new RPCClient({ accessKeyId: 'id', accessKeySecret: 's', endpoint: 'https://ecs.aliyuncs.com', apiVersion: '2014-05-26' });
console.log(await client.request('DescribeInstanceStatus', { RegionId: 'cn-hangzhou' }));`,
};

export interface SizeFigure {
  readonly program: string;
  /** Gzipped bytes of what the program loads: the entry and its static imports. */
  readonly gzipBytes: number;
  /** Gzipped bytes of every chunk, lazy ones (XML parser) included. */
  readonly gzipBytesAll: number;
}

/** The imported whole products whose one-call bundles are measured beside the curated package. */
const WHOLE_PRODUCTS = [
  {
    program: 'bare client + one command, all 347 ECS actions (JSON)',
    spec: 'spec/imported/ecs@2014-05-26.yaml',
    source: (
      dir: string,
    ) => `import { DescribeInstanceStatusCommand, EcsBareClient } from '${dir}/dist/index.js';
const client = new EcsBareClient({ region: 'cn-hangzhou' });
console.log(await client.send(new DescribeInstanceStatusCommand({ RegionId: 'cn-hangzhou' })));`,
  },
  {
    program: 'bare client + one command, all 347 ECS actions, explicit credentials (JSON)',
    spec: 'spec/imported/ecs@2014-05-26.yaml',
    source: (
      dir: string,
    ) => `import { DescribeInstanceStatusCommand, EcsBareClient } from '${dir}/dist/index.js';
const client = new EcsBareClient({ region: 'cn-hangzhou', credentials: { accessKeyId: process.env.KEY_ID, accessKeySecret: process.env.KEY_SECRET } });
console.log(await client.send(new DescribeInstanceStatusCommand({ RegionId: 'cn-hangzhou' })));`,
  },
  {
    program: 'bare clients, one command each to whole ECS and VPC (JSON)',
    spec: 'spec/imported/vpc@2016-04-28.yaml',
    source: (
      dir: string,
    ) => `import { DescribeInstanceStatusCommand, EcsBareClient } from '${ecsBeside(dir)}/dist/index.js';
import { DescribeVpcsCommand, VpcBareClient } from '${dir}/dist/index.js';
console.log(await new EcsBareClient({ region: 'cn-hangzhou' }).send(new DescribeInstanceStatusCommand({ RegionId: 'cn-hangzhou' })));
console.log(await new VpcBareClient({ region: 'cn-hangzhou' }).send(new DescribeVpcsCommand({ RegionId: 'cn-hangzhou' })));`,
  },
  {
    program: 'client with every method, all 347 ECS actions (JSON)',
    spec: 'spec/imported/ecs@2014-05-26.yaml',
    source: (dir: string) => `import { EcsClient } from '${dir}/dist/index.js';
const client = new EcsClient({ region: 'cn-hangzhou' });
console.log(await client.describeInstanceStatus({ RegionId: 'cn-hangzhou' }));`,
  },
  {
    program: 'clients with every method, one call each to whole ECS and VPC (JSON)',
    spec: 'spec/imported/vpc@2016-04-28.yaml',
    source: (dir: string) => `import { EcsClient } from '${ecsBeside(dir)}/dist/index.js';
import { VpcClient } from '${dir}/dist/index.js';
console.log(await new EcsClient({ region: 'cn-hangzhou' }).describeInstanceStatus({ RegionId: 'cn-hangzhou' }));
console.log(await new VpcClient({ region: 'cn-hangzhou' }).describeVpcs({ RegionId: 'cn-hangzhou' }));`,
  },
];

/** The imported ECS package's folder beside another imported package's. */
function ecsBeside(dir: string): string {
  return join(dirname(dir), 'ecs');
}

/** `wholeProducts`: also generate the imported ECS and VPC packages (all their actions) and measure a
 * one-call program through them (a minute of generation; the smoke test leaves it out). */
export async function measureBundleSizes(options: { wholeProducts?: boolean } = {}): Promise<SizeFigure[]> {
  mkdirSync(OUT, { recursive: true });
  const figures: SizeFigure[] = [];
  const programs = { ...PROGRAMS };
  if (options.wholeProducts) {
    const dirs = new Map<string, string>();
    for (const whole of WHOLE_PRODUCTS) {
      if (!dirs.has(whole.spec)) dirs.set(whole.spec, await generatedFrom(whole.spec));
      programs[whole.program] = whole.source(dirs.get(whole.spec)!);
    }
  }
  for (const [program, source] of Object.entries(programs)) {
    const entry = join(OUT, `${program.replace(/[^a-z0-9]+/gi, '-')}.mjs`);
    writeFileSync(entry, source);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      outdir: join(OUT, 'dist'),
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const sizes = new Map(result.outputFiles.map((f) => [f.path, gzipSync(f.contents).length]));
    // Each chunk a dynamic import() loads has an entry point too: the program's is the one to measure.
    const entryOut = result.outputFiles.find(
      (f) => result.metafile.outputs[relative(f.path)]?.entryPoint === relative(entry),
    );
    const eager = staticClosure(result.metafile, relative(entryOut!.path));
    figures.push({
      program,
      gzipBytes: [...eager].reduce((sum, out) => sum + (sizes.get(join(ROOT, out)) ?? 0), 0),
      gzipBytesAll: [...sizes.values()].reduce((a, b) => a + b, 0),
    });
  }
  return figures;
}

/** The package of a spec, with the runtime package beside it, written under node_modules/.cache
 * (where their dependencies resolve) as `acs-rpc generate` writes them in a user's project. */
async function generatedFrom(spec: string): Promise<string> {
  const { generate } = await import('../generator/pipeline.ts');
  const result = await generate({
    rootDir: ROOT,
    spec,
    out: join(ROOT, 'node_modules', '.cache', 'acs-rpc-bench', '{package}'),
    mode: 'write',
    force: true,
  });
  if (result.packageDir === undefined) throw new Error(`${spec} does not generate`);
  return result.packageDir;
}

function relative(path: string): string {
  return path.slice(ROOT.length + 1);
}

function staticClosure(
  meta: { outputs: Record<string, { imports: { path: string; kind: string }[] }> },
  start: string,
): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const imp of meta.outputs[queue.pop()!]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !seen.has(imp.path)) {
        seen.add(imp.path);
        queue.push(imp.path);
      }
    }
  }
  return seen;
}

export interface ImportFigure {
  readonly module: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly heapMb: number;
}

/** Each round in a fresh process, so nothing is cached between rounds. */
export function measureImports(rounds = 7): ImportFigure[] {
  const modules: [string, string][] = [
    ['@acs-rpc/ecs', `const t = performance.now(); await import('@acs-rpc/ecs');`],
    ['@alicloud/ecs20140526', `const t = performance.now(); await import('@alicloud/ecs20140526');`],
  ];
  return modules.map(([module, code]) => {
    const runs = Array.from({ length: rounds }, () => {
      const out = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `${code} const ms = performance.now() - t; globalThis.gc?.(); console.log(JSON.stringify({ ms, heap: process.memoryUsage().heapUsed }));`,
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      return JSON.parse(out) as { ms: number; heap: number };
    });
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    return {
      module,
      medianMs: times[Math.floor(times.length / 2)]!,
      minMs: times[0]!,
      maxMs: times[times.length - 1]!,
      heapMb: Math.max(...runs.map((r) => r.heap)) / 2 ** 20,
    };
  });
}

if (process.argv[1] === import.meta.filename) {
  for (const f of await measureBundleSizes({ wholeProducts: true })) {
    console.log(
      `${f.program.padEnd(26)} ${(f.gzipBytes / 1024).toFixed(1).padStart(7)} KB gzipped (all chunks ${(f.gzipBytesAll / 1024).toFixed(1)} KB)`,
    );
  }
  // The eager figure above hides what one call loads at run time: measured here, Node and browser.
  for (const line of loadedLines(await measureLoadedBytes())) console.log(line);
  const imports = measureImports();
  for (const f of imports) {
    console.log(
      `import ${f.module.padEnd(22)} median ${f.medianMs.toFixed(1)} ms (min ${f.minMs.toFixed(1)}, max ${f.maxMs.toFixed(1)}), heap ${f.heapMb.toFixed(1)} MB`,
    );
  }
  console.log(`import speed-up: ${(imports[1]!.medianMs / imports[0]!.medianMs).toFixed(1)}x`);
}
