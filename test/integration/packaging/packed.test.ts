// Every generated package as npm would publish it (`npm pack`): publint and attw find nothing, and a
// client's install is what calling needs. The packages are ES modules only, for the Node versions on
// which `require()` of an ES module works (engines `^20.19.0 || >=22.12.0`): attw runs with its
// `esm-only` profile, which leaves out the CommonJS resolutions (node10, node16 from CJS) that a
// package with no CommonJS copy cannot satisfy in TypeScript's eyes; that `require()` works at run
// time is checked here on this Node. fast-check, which only the conformance suite's fuzz checks use,
// is an optional peer dependency: not in the client's install, and its absence said plainly.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../support/cli.ts';
import { clientInstall, type Packed, pack } from '../../support/packed.ts';

const run = promisify(execFile);
const GENERATED = join(REPO, 'generated');
/** Packing a whole product and attw's analysis of it take a few seconds each; more on a busy machine. */
const SLOW_MS = 180_000;
/** The resolutions attw's esm-only profile leaves out: CommonJS ones. */
const CJS_RESOLUTIONS = ['node10', 'node16-cjs'];

const folders = (await readdir(GENERATED, { withFileTypes: true }))
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
let work = '';
const packed = new Map<string, Packed>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'acs-rpc-packed-'));
  for (const folder of folders) packed.set(folder, await pack(join(GENERATED, folder), work));
}, SLOW_MS);

afterAll(async () => {
  if (work !== '') await rm(work, { recursive: true, force: true });
});

function packedOf(folder: string): Packed {
  const p = packed.get(folder);
  if (p === undefined) throw new Error(`generated/${folder} was not packed`);
  return p;
}

describe.each(folders)('generated/%s, packed', (folder) => {
  it('ships its LICENSE, its declaration maps and the sources they point at', () => {
    const files = packedOf(folder).files;
    expect(files).toContain('LICENSE');
    const maps = files.filter((f) => f.endsWith('.d.ts.map'));
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps) {
      const source = `src/${map.slice('dist/'.length, -'.d.ts.map'.length)}.ts`;
      expect(files, map).toContain(source);
    }
  });

  it('is publint clean, suggestions included', async () => {
    const bytes = await readFile(packedOf(folder).tarball);
    const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const { messages, pkg } = await publint({ pack: { tarball }, level: 'suggestion', strict: true });
    expect(messages.map((m) => `${m.type} ${m.code}: ${formatMessage(m, pkg)}`)).toEqual([]);
  });

  it(
    'has types attw finds right for every entry point, from ES modules and bundlers',
    async () => {
      const p = packedOf(folder);
      // A subpath pattern (`./*.js`) hides its entry points from attw: name each module it matches.
      const manifest = JSON.parse(await readFile(join(p.dir, 'package.json'), 'utf8')) as {
        exports: Record<string, unknown>;
      };
      const patterned = Object.keys(manifest.exports).some((k) => k.includes('*'));
      const modules = patterned
        ? p.files.filter((f) => /^dist\/[^/]+\.js$/.test(f)).map((f) => `./${f.slice('dist/'.length)}`)
        : [];
      const attw = createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json');
      const args = [join(dirname(attw), 'dist', 'index.js'), p.tarball, '--profile', 'esm-only'];
      args.push('--no-definitely-typed', '--format', 'json');
      if (modules.length > 0) args.push('--include-entrypoints', ...modules);
      const { stdout } = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }).catch(
        (e: { stdout: string; stderr: string }) => e,
      );
      const report = JSON.parse(stdout) as {
        analysis: {
          entrypoints: Record<string, unknown>;
          problems: { kind: string; entrypoint: string; resolutionKind?: string }[];
        };
      };
      const checked = Object.keys(report.analysis.entrypoints);
      for (const m of modules) expect(checked).toContain(m);
      const problems = report.analysis.problems.filter(
        (x) => x.resolutionKind === undefined || !CJS_RESOLUTIONS.includes(x.resolutionKind),
      );
      expect(problems.map((x) => `${x.kind} ${x.entrypoint} ${x.resolutionKind ?? ''}`)).toEqual([]);
    },
    SLOW_MS,
  );
});

const products = folders.filter((f) => f !== 'runtime');

describe.each(products)("a client's install of generated/%s", (folder) => {
  let project = '';
  let installed: string[] = [];
  const name = () => packedOf(folder).name;

  beforeAll(async () => {
    project = join(work, `client-${folder}`);
    installed = await clientInstall(project, [packedOf('runtime'), packedOf(folder)], REPO);
  }, SLOW_MS);

  it('holds the package, the runtime and their dependencies, and no fast-check', async () => {
    expect(installed).toContain(name());
    expect(installed).toContain(packedOf('runtime').name);
    expect(installed).not.toContain('fast-check');
    const manifest = JSON.parse(await readFile(join(packedOf(folder).dir, 'package.json'), 'utf8')) as {
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    expect(manifest.peerDependencies?.['fast-check']).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(manifest.peerDependenciesMeta?.['fast-check']?.optional).toBe(true);
  });

  it(
    'loads every entry point with require() from CommonJS, as with import',
    async () => {
      const script = join(project, 'uses.cjs');
      const entries = ['', '/validators', '/conformance'].map((s) => `${name()}${s}`);
      await writeFile(
        script,
        `const entries = ${JSON.stringify(entries)};\n` +
          'const counts = entries.map((e) => Object.keys(require(e)).length);\n' +
          'console.log(JSON.stringify(counts));\n',
      );
      const { stdout } = await run(process.execPath, [script], { cwd: project });
      const counts = JSON.parse(stdout) as number[];
      expect(counts).toHaveLength(3);
      for (const count of counts) expect(count).toBeGreaterThan(0);
    },
    SLOW_MS,
  );

  it('refuses to run the fuzz checks without fast-check, before any request, saying what to install', async () => {
    const bin = join(project, 'node_modules', ...name().split('/'), 'bin', 'conformance.js');
    // Nothing listens there: the refusal comes before the suite sends anything.
    const args = [
      '--endpoint',
      'http://127.0.0.1:9',
      '--access-key-id',
      'id',
      '--access-key-secret',
      'secret',
    ];
    const error = await run(process.execPath, [bin, ...args], { cwd: project }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(error).toMatchObject({ code: 2 });
    expect((error as { stderr: string }).stderr).toContain(
      'The fuzz checks (fuzz.*) need fast-check, an optional peer dependency of this package, which is not installed.',
    );
  });

  it('refuses the same through the conformance entry, with an error a program can tell', async () => {
    const script = join(project, 'runs.mjs');
    const target = {
      endpoint: 'http://127.0.0.1:9',
      accessKeyId: 'id',
      accessKeySecret: 'secret',
      values: {},
    };
    await writeFile(
      script,
      `import { conformanceFacts, MissingDependencyError, runChecks } from '${name()}/conformance';\n` +
        `const options = { seed: 1, authChecks: true, only: 'fuzz.*' };\n` +
        `const error = await runChecks(conformanceFacts, ${JSON.stringify(target)}, options).catch((e) => e);\n` +
        'console.log(JSON.stringify([error instanceof MissingDependencyError, error.dependency]));\n',
    );
    const { stdout } = await run(process.execPath, [script], { cwd: project });
    expect(JSON.parse(stdout)).toEqual([true, 'fast-check']);
  });
});
