// The repository's layers as data, and a checker that lists every import going the wrong way.
// Layers import only downward: commands on top, then generator / server / conformance, then the
// runtime; inside the generator each stage imports only earlier stages and the shared leaf.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

export interface Layer {
  readonly name: string;
  /** Path prefixes (POSIX, from the repository root) of the files in this layer; longest match wins. */
  readonly paths: readonly string[];
  /** Layers this one may import, itself included implicitly. */
  readonly imports: readonly string[];
  /** May it import generated packages (`@acs-rpc/...`)? */
  readonly generatedPackages?: boolean;
}

export const LAYERS: readonly Layer[] = [
  { name: 'runtime', paths: ['templates/runtime/'], imports: [] },
  { name: 'conformance-lib', paths: ['templates/conformance/'], imports: ['runtime'] },
  { name: 'shared', paths: ['generator/shared/'], imports: [] },
  { name: 'load', paths: ['generator/load/'], imports: ['shared'] },
  // Check and model judge the spec with the runtime's own readers (XML, waiter paths), so the spec is
  // read exactly as generated clients will read it; the runtime is a leaf that imports nothing of ours.
  { name: 'check', paths: ['generator/check/'], imports: ['shared', 'load', 'runtime'] },
  { name: 'model', paths: ['generator/model/'], imports: ['shared', 'load', 'check', 'runtime'] },
  // Emitters read only the model: never the loaded document or the check stage.
  { name: 'emitters', paths: ['generator/emitters/'], imports: ['shared', 'model'] },
  { name: 'write', paths: ['generator/write/'], imports: ['shared', 'model', 'emitters'] },
  {
    name: 'pipeline',
    paths: ['generator/pipeline.ts'],
    imports: ['shared', 'load', 'check', 'model', 'emitters', 'write'],
  },
  // The server is given packages' spec facts, whose contract (types) lives in the conformance library.
  { name: 'server', paths: ['server/'], imports: ['runtime', 'conformance-lib'], generatedPackages: true },
  // The importer turns metadata into a spec, then checks it with the generator's own stages.
  { name: 'importer', paths: ['importer/'], imports: ['shared', 'load', 'check', 'model'] },
  {
    name: 'cli',
    paths: ['cli/', 'bin/'],
    // `load` only to learn which files a spec is made of (a cache key), `write` only to read what a
    // package's manifest lists (is it as generated?), both without loading the pipeline.
    imports: ['pipeline', 'shared', 'load', 'write', 'server', 'runtime', 'conformance-lib', 'importer'],
    generatedPackages: true,
  },
];

export interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly reason: string;
}

/** Layer of a repository path, or undefined for files outside every layer (tests, bench, config). */
export function layerOf(path: string, layers: readonly Layer[] = LAYERS): Layer | undefined {
  let best: { layer: Layer; length: number } | undefined;
  for (const layer of layers) {
    for (const prefix of layer.paths) {
      if (path.startsWith(prefix) && (best === undefined || prefix.length > best.length)) {
        best = { layer, length: prefix.length };
      }
    }
  }
  return best?.layer;
}

/** Every wrong-way import among `files` (repository paths with their import specifiers). */
export function layerViolations(
  files: readonly { readonly path: string; readonly imports: readonly string[] }[],
  layers: readonly Layer[] = LAYERS,
): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const from = layerOf(file.path, layers);
    if (from === undefined) continue;
    for (const specifier of file.imports) {
      const reason = whyNot(file.path, from, specifier, layers);
      if (reason !== undefined) violations.push({ file: file.path, specifier, reason });
    }
  }
  return violations;
}

function whyNot(path: string, from: Layer, specifier: string, layers: readonly Layer[]): string | undefined {
  if (!specifier.startsWith('.')) {
    if (specifier.startsWith('@acs-rpc/') && from.generatedPackages !== true) {
      return `${from.name} must not import a generated package`;
    }
    return undefined;
  }
  const target = normalize(join(dirname(path), specifier))
    .split('\\')
    .join('/');
  const to = layerOf(target, layers);
  if (to === undefined) return `${from.name} imports ${target}, which belongs to no layer`;
  if (to === from || from.imports.includes(to.name)) return undefined;
  return `${from.name} must not import ${to.name} (${target})`;
}

/** The TypeScript files under `dirs` with their static and dynamic import specifiers. */
export function importsUnder(root: string, dirs: readonly string[]): { path: string; imports: string[] }[] {
  const files: { path: string; imports: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (/\.(ts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const info = ts.preProcessFile(readFileSync(full, 'utf8'), true, true);
        files.push({
          path: relative(root, full).split('\\').join('/'),
          imports: info.importedFiles.map((f) => f.fileName),
        });
      }
    }
  };
  for (const dir of dirs) {
    try {
      walk(join(root, dir));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return files;
}
