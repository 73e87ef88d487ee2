// Bundles programs for the browser with esbuild, webpack 5 and vite, in process, each once for all its
// entries, and reports what the bundler said (errors, warnings) and the code it wrote.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build as esbuild, type Message } from 'esbuild';
import { createLogger, type Rollup, build as viteBuild } from 'vite';
import webpack from 'webpack';
import { ROOT } from './browser-programs.ts';

export interface BrowserBundle {
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** Every file written, by name (entries and the chunks they load). */
  readonly files: ReadonlyMap<string, string>;
}

const text = (m: Message) => `${m.location?.file ?? ''}:${m.location?.line ?? ''} ${m.text}`;

/** esbuild, `platform: 'browser'`, ES modules; `splitting` keeps lazy imports as chunks a page loads. */
export async function bundleWithEsbuild(
  entries: Record<string, string>,
  options: { splitting?: boolean; minify?: boolean } = {},
): Promise<BrowserBundle> {
  try {
    const result = await esbuild({
      entryPoints: entries,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      splitting: options.splitting ?? false,
      minify: options.minify ?? false,
      outdir: join(ROOT, 'tmp', 'browser-bundles', 'esbuild'),
      write: false,
      logLevel: 'silent',
    });
    return {
      errors: result.errors.map(text),
      warnings: result.warnings.map(text),
      files: new Map(result.outputFiles.map((f) => [f.path.replace(/^.*\//, ''), f.text])),
    };
  } catch (error) {
    const failure = error as { errors?: Message[]; warnings?: Message[] };
    if (failure.errors === undefined) throw error;
    return {
      errors: failure.errors.map(text),
      warnings: (failure.warnings ?? []).map(text),
      files: new Map(),
    };
  }
}

/** webpack 5, `target: 'web'`, production mode (unminified, to stay quick). */
export async function bundleWithWebpack(entries: Record<string, string>): Promise<BrowserBundle> {
  const outDir = join(ROOT, 'tmp', 'browser-bundles', 'webpack');
  rmSync(outDir, { recursive: true, force: true });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        target: 'web',
        context: ROOT,
        entry: entries,
        output: { path: outDir, filename: '[name].js', chunkFilename: '[id].chunk.js' },
        optimization: { minimize: false },
        // The size hints speak of any large program, not of what the package does in a browser.
        performance: { hints: false },
        infrastructureLogging: { level: 'none' },
      },
      (error, result) => (error || result === undefined ? reject(error) : resolve(result)),
    );
  });
  const json = stats.toJson({ all: false, errors: true, warnings: true });
  return {
    errors: (json.errors ?? []).map((e) => `${e.moduleName ?? ''} ${firstLine(e.message)}`),
    warnings: (json.warnings ?? []).map((w) => `${w.moduleName ?? ''} ${firstLine(w.message)}`),
    files: readFolder(outDir),
  };
}

/** vite (library build, ES modules), with every line its logger warns or errors collected. */
export async function bundleWithVite(entries: Record<string, string>): Promise<BrowserBundle> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const logger = createLogger('warn', { allowClearScreen: false });
  logger.warn = (msg) => void warnings.push(msg);
  logger.warnOnce = (msg) => void warnings.push(msg);
  logger.error = (msg) => void errors.push(msg);
  const outDir = join(ROOT, 'tmp', 'browser-bundles', 'vite');
  mkdirSync(outDir, { recursive: true });
  let output: Rollup.RollupOutput[] = [];
  // As \`vite build\` runs for a user: under a test runner NODE_ENV is \`test\`, and vite then builds in
  // development mode, where a Node built-in becomes a stub that complains only when the page runs.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const result = await viteBuild({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      customLogger: logger,
      mode: 'production',
      build: {
        lib: { entry: entries, formats: ['es'] },
        outDir,
        write: false,
        minify: false,
        reportCompressedSize: false,
      },
    });
    output = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  } catch (error) {
    errors.push(String(error));
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const files = new Map<string, string>();
  for (const o of output)
    for (const chunk of o.output) if (chunk.type === 'chunk') files.set(chunk.fileName, chunk.code);
  return { errors, warnings, files };
}

function readFolder(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

/** webpack's first line says what went wrong; the rest is its own stack. */
function firstLine(message: string): string {
  return message.split('\n')[0] ?? '';
}
