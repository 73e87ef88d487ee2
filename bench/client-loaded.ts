// What a one-call program actually loads for one JSON call, on Node and in a browser: esbuild (minified,
// code splitting) bundles it, then it runs against the reference server and every chunk it imports is
// recorded (on Node by a module-loading hook, in headless Chromium by the page's file server). The
// eager figure (the entry and its static imports) is beside it, and so is the official SDK's bundle.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { launchChromium, servePage } from '../test/support/chromium.ts';
import { startEcsServer } from '../test/support/ecs-server.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'out', 'client-loaded');

export type Platform = 'node' | 'browser';

export interface LoadedFigure {
  readonly program: string;
  readonly platform: Platform;
  /** False when the bundler refused the program: no figure then, the note says why. */
  readonly bundled: boolean;
  /** Gzipped bytes of the entry and its static imports. */
  readonly eagerGz: number;
  /** Gzipped bytes of every chunk the program imported while making its call (eager ones included). */
  readonly loadedGz: number | undefined;
  /** Gzipped bytes of every chunk written. */
  readonly allGz: number;
  /** The lazy chunks the call loaded, each named by its largest module. */
  readonly lazyLoaded: readonly string[];
  /** Minified bytes in the loaded chunks by module, largest first: where the bytes go. */
  readonly modules: readonly { readonly module: string; readonly bytes: number }[];
  /** Why a figure is missing or what to know about it (bundler errors, a call that failed). */
  readonly note?: string | undefined;
}

const CALL = `new DescribeInstanceStatusCommand({ RegionId: 'cn-hangzhou' })`;
const OURS = `import { DescribeInstanceStatusCommand, EcsBareClient } from '@acs-rpc/ecs';`;

/** Each program sets `globalThis.runCall(endpoint)`, which makes its one call. */
const PROGRAMS: Record<string, string> = {
  'bare client + one command, explicit credentials': `${OURS}
globalThis.runCall = (endpoint) => new EcsBareClient({ endpoint, credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' } }).send(${CALL});`,
  'bare client + one command, default credential chain': `${OURS}
globalThis.runCall = (endpoint) => new EcsBareClient({ endpoint }).send(${CALL});`,
  '@alicloud/ecs20140526': `import Ecs, * as $Ecs from '@alicloud/ecs20140526';
import * as $OpenApi from '@alicloud/openapi-client';
globalThis.runCall = (endpoint) => new Ecs.default(new $OpenApi.Config({ accessKeyId: 'testid', accessKeySecret: 'testsecret', endpoint: new URL(endpoint).host, protocol: 'http' })).describeInstanceStatus(new $Ecs.DescribeInstanceStatusRequest({ regionId: 'cn-hangzhou' }));`,
};

interface Bundle {
  readonly dir: string;
  readonly entry: string;
  readonly gz: ReadonlyMap<string, number>;
  readonly meta: Metafile;
}

export async function measureLoadedBytes(options: { browser?: boolean } = {}): Promise<LoadedFigure[]> {
  rmSync(OUT, { recursive: true, force: true });
  const server = await startEcsServer();
  const figures: LoadedFigure[] = [];
  try {
    for (const platform of ['node', 'browser'] as const) {
      if (platform === 'browser' && options.browser === false) continue;
      for (const [program, source] of Object.entries(PROGRAMS)) {
        figures.push(await measureOne(program, source, platform, server.url));
      }
    }
  } finally {
    await server.close();
  }
  return figures;
}

async function measureOne(
  program: string,
  source: string,
  platform: Platform,
  endpoint: string,
): Promise<LoadedFigure> {
  const slug = `${platform}-${program.replace(/[^a-z0-9]+/gi, '-')}`;
  let bundle: Bundle;
  try {
    bundle = await bundleProgram(slug, source, platform);
  } catch (error) {
    const errors = (error as { errors?: unknown[] }).errors;
    const note = `does not bundle for ${platform}: ${errors === undefined ? String(error) : `${errors.length} esbuild error(s)`}`;
    return {
      program,
      platform,
      bundled: false,
      eagerGz: 0,
      loadedGz: undefined,
      allGz: 0,
      lazyLoaded: [],
      modules: [],
      note,
    };
  }
  const eager = staticClosure(bundle.meta, bundle.entry);
  // With no lazy chunk, nothing more can load than the eager ones.
  const run = [...bundle.gz.keys()].every((f) => eager.has(f))
    ? { loaded: [...eager] }
    : platform === 'node'
      ? await runOnNode(bundle, endpoint)
      : await runInChromium(bundle, endpoint);
  const loaded = new Set([...eager, ...run.loaded.filter((f) => bundle.gz.has(f))]);
  const sum = (files: Iterable<string>) => [...files].reduce((s, f) => s + (bundle.gz.get(f) ?? 0), 0);
  return {
    program,
    platform,
    bundled: true,
    eagerGz: sum(eager),
    loadedGz: run.loaded.length === 0 && run.note !== undefined ? undefined : sum(loaded),
    allGz: sum(bundle.gz.keys()),
    lazyLoaded: [...loaded]
      .filter((f) => !eager.has(f))
      .map((f) => largestModule(bundle.meta, bundle.dir, f)),
    modules: modulesOf(bundle.meta, loaded),
    ...(run.note === undefined ? {} : { note: run.note }),
  } satisfies LoadedFigure;
}

async function bundleProgram(slug: string, source: string, platform: Platform): Promise<Bundle> {
  const dir = join(OUT, slug);
  mkdirSync(dir, { recursive: true });
  const entryFile = join(OUT, `${slug}.mjs`);
  writeFileSync(entryFile, source);
  const result = await build({
    entryPoints: [entryFile],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform,
    outdir: dir,
    metafile: true,
    logLevel: 'silent',
  });
  const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
  const gz = new Map(files.map((f) => [f, gzipSync(readFileSync(join(ROOT, f))).length]));
  // Each chunk a dynamic import() loads has an entry point too: the program's is the one to run.
  const entry = files.find((f) => result.metafile.outputs[f]!.entryPoint?.endsWith(`${slug}.mjs`))!;
  return { dir: dir.slice(ROOT.length + 1), entry, gz, meta: result.metafile };
}

/** Runs the bundle in a fresh Node process whose module hook logs every file it loads. */
async function runOnNode(bundle: Bundle, endpoint: string): Promise<{ loaded: string[]; note?: string }> {
  const work = mkdtempSync(join(tmpdir(), 'acs-rpc-loaded-'));
  try {
    const log = join(work, 'loaded.txt');
    writeFileSync(log, '');
    writeFileSync(
      join(work, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return next(url, context);
}`,
    );
    writeFileSync(
      join(work, 'register.mjs'),
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(work, 'hooks.mjs')).href)});`,
    );
    // The default chain finds the aliyun CLI's profile file: a HOME of its own holds one.
    mkdirSync(join(work, '.aliyun'));
    writeFileSync(
      join(work, '.aliyun', 'config.json'),
      JSON.stringify({
        current: 'default',
        profiles: [{ name: 'default', mode: 'AK', access_key_id: 'testid', access_key_secret: 'testsecret' }],
      }),
    );
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('ALIBABA_CLOUD_')),
    );
    const entry = pathToFileURL(join(ROOT, bundle.entry)).href;
    const script = `await import(${JSON.stringify(entry)});
try { await globalThis.runCall(${JSON.stringify(endpoint)}); } catch (e) { console.log(e.code ?? e.name); }`;
    // Not execFileSync: the reference server answering the call runs in this process.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', join(work, 'register.mjs'), '--input-type=module', '-e', script],
      {
        env: { ...env, HOME: work },
        encoding: 'utf8',
      },
    );
    const out = stdout.trim();
    const prefix = pathToFileURL(ROOT).href;
    const loaded = readFileSync(log, 'utf8')
      .split('\n')
      .filter((u) => u.startsWith(`${prefix}/${bundle.dir}/`))
      .map((u) => u.slice(prefix.length + 1));
    return out === '' ? { loaded } : { loaded, note: `the call failed: ${out}` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Serves the bundle to headless Chromium from another loopback origin and records what it fetches. */
async function runInChromium(bundle: Bundle, endpoint: string): Promise<{ loaded: string[]; note?: string }> {
  const files = new Map(
    [...bundle.gz.keys()].map((f) => [f.slice(bundle.dir.length + 1), readFileSync(join(ROOT, f), 'utf8')]),
  );
  const page = await servePage(files, bundle.entry.slice(bundle.dir.length + 1));
  let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    chromium = await launchChromium();
    const tab = await chromium.browser.newPage();
    await tab.goto(page.url);
    await tab.waitForFunction(() => typeof (globalThis as { runCall?: unknown }).runCall === 'function');
    const failed = await tab.evaluate(async (url) => {
      try {
        await (globalThis as unknown as { runCall(u: string): Promise<unknown> }).runCall(url);
        return '';
      } catch (e) {
        return String((e as { code?: unknown }).code ?? e);
      }
    }, endpoint);
    const loaded = page.served.filter((f) => f.endsWith('.js')).map((f) => `${bundle.dir}/${f}`);
    return failed === '' ? { loaded } : { loaded, note: `the call failed: ${failed}` };
  } catch (error) {
    return { loaded: [], note: `not run in Chromium: ${(error as Error).message}` };
  } finally {
    await chromium?.close();
    await page.close();
  }
}

function staticClosure(meta: Metafile, start: string): Set<string> {
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

/** `generated/runtime/dist/xml.js` → `runtime/xml.js`; `node_modules/fast-xml-parser/…` → `fast-xml-parser`. */
function moduleName(input: string): string {
  const generated = /^generated\/([^/]+)\/dist\/(.*)$/.exec(input);
  if (generated) return `${generated[1]}/${generated[2]}`;
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return dep ? dep[1]! : input.replace(/^bench\/out\/client-loaded\//, 'program ');
}

function modulesOf(meta: Metafile, chunks: Iterable<string>) {
  const bytes = new Map<string, number>();
  for (const chunk of chunks)
    for (const [input, use] of Object.entries(meta.outputs[chunk]?.inputs ?? {})) {
      const name = moduleName(input);
      bytes.set(name, (bytes.get(name) ?? 0) + use.bytesInOutput);
    }
  return [...bytes]
    .filter(([, b]) => b > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([module, b]) => ({ module, bytes: b }));
}

function largestModule(meta: Metafile, dir: string, chunk: string): string {
  return `${chunk.slice(dir.length + 1)} (${modulesOf(meta, [chunk])[0]?.module ?? 'empty'})`;
}
